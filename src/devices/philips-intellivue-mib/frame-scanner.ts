import { FRAME, MAX_FRAME_BYTES } from './constants';

/**
 * Finds frames in the byte stream, one byte at a time, so any chunking gives the same frames and
 * nothing but the partial frame is kept between chunks. A frame runs from `C0` to `C1`; `7D`
 * escapes the next byte (XOR 0x20). Resync rules (ours, from the framing in PROTOCOL.md):
 * - bytes outside a frame are skipped and counted;
 * - `C0` always starts a frame, even inside one: the unfinished frame is reported as truncated;
 * - `7D C1` is the sender's frame abort (VSCaptureMP): the frame is reported and dropped;
 * - a frame longer than MAX_FRAME_BYTES is dropped and the scanner hunts for the next `C0`.
 */
export interface FrameSink {
  /** A complete frame: `content[0..length)` is the unescaped content (header, body, FCS). */
  frame(content: Uint8Array, length: number): void;
  /** A frame that ended badly (truncated, aborted, too long). */
  broken(detail: string): void;
}

const HUNTING = 0;
const IN_FRAME = 1;
const ESCAPED = 2;

export class FrameScanner {
  private readonly content = new Uint8Array(MAX_FRAME_BYTES);
  private length = 0;
  private state = HUNTING;
  skippedBytes = 0;

  scan(chunk: Uint8Array, sink: FrameSink): void {
    // The hot loop of the decoder: state and length live in locals, and an ordinary byte inside a
    // frame (nearly all of them) costs one comparison chain and a store.
    const { content } = this;
    let state = this.state;
    let length = this.length;
    let skipped = 0;
    for (let i = 0; i < chunk.length; i++) {
      let byte = chunk[i];
      if (byte === FRAME.begin) {
        if (state !== HUNTING) sink.broken(`frame cut short after ${length} byte(s) by a new C0`);
        state = IN_FRAME;
        length = 0;
        continue;
      }
      if (state === HUNTING) {
        skipped++;
        continue;
      }
      if (state === ESCAPED) {
        if (byte === FRAME.end) {
          state = HUNTING;
          sink.broken('frame aborted by the sender (7D C1)');
          continue;
        }
        state = IN_FRAME;
        byte ^= FRAME.escapeXor;
      } else if (byte === FRAME.escape) {
        state = ESCAPED;
        continue;
      } else if (byte === FRAME.end) {
        state = HUNTING;
        sink.frame(content, length);
        continue;
      }
      if (length === MAX_FRAME_BYTES) {
        state = HUNTING;
        sink.broken(`frame longer than ${MAX_FRAME_BYTES} bytes`);
        continue;
      }
      content[length++] = byte;
    }
    this.state = state;
    this.length = length;
    this.skippedBytes += skipped;
  }

  reset(): void {
    this.state = HUNTING;
    this.length = 0;
  }
}
