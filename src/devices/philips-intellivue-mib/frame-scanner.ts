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
    const { content } = this;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === FRAME.begin) {
        if (this.state !== HUNTING) sink.broken(`frame cut short after ${this.length} byte(s) by a new C0`);
        this.state = IN_FRAME;
        this.length = 0;
        continue;
      }
      if (this.state === HUNTING) {
        this.skippedBytes++;
        continue;
      }
      if (this.state === ESCAPED) {
        if (byte === FRAME.end) {
          this.state = HUNTING;
          sink.broken('frame aborted by the sender (7D C1)');
          continue;
        }
        this.state = IN_FRAME;
        this.append(byte ^ FRAME.escapeXor, sink);
        continue;
      }
      if (byte === FRAME.escape) {
        this.state = ESCAPED;
      } else if (byte === FRAME.end) {
        this.state = HUNTING;
        sink.frame(content, this.length);
      } else {
        this.append(byte, sink);
      }
    }
  }

  reset(): void {
    this.state = HUNTING;
    this.length = 0;
  }

  private append(byte: number, sink: FrameSink): void {
    if (this.length === MAX_FRAME_BYTES) {
      this.state = HUNTING;
      sink.broken(`frame longer than ${MAX_FRAME_BYTES} bytes`);
      return;
    }
    this.content[this.length++] = byte;
  }
}
