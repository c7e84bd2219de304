import { CONTROL_ESCAPE, ESCAPE_BIT, FRAME_FLAG, MAX_RECORD_LENGTH } from './constants';

/** Where a framer delivers what it finds. */
export interface FrameSink {
  /** An unescaped frame in `bytes[0..length)`; the view is reused after the call returns. */
  frame(bytes: Uint8Array, length: number): void;
  /** Bytes between flags that cannot be a frame (bad escape, too long). */
  malformed(detail: string): void;
}

/**
 * Splits a DRI byte stream into frames, byte by byte, so any chunking gives the same frames.
 * Every 0x7E both closes the frame before it and opens the next (HDLC style): started mid-frame
 * or after garbage, the decoder loses at most the bytes before the next flag, and back-to-back
 * `7E 7E` between frames is just an empty frame, ignored. `7D x` stands for `x | 0x20`.
 */
export class FlagFramer {
  /** Record bytes plus the checksum byte. */
  private readonly buffer = new Uint8Array(MAX_RECORD_LENGTH + 1);
  private length = 0;
  private inFrame = false;
  private escapePending = false;
  private broken: string | null = null;
  private skipped = 0;

  /** Bytes seen outside any frame since the last call (hunting for the first flag). */
  takeSkipped(): number {
    const count = this.skipped;
    this.skipped = 0;
    return count;
  }

  feed(chunk: Uint8Array, sink: FrameSink): void {
    const { buffer } = this;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (!this.inFrame) {
        if (byte === FRAME_FLAG) this.open();
        else this.skipped++;
      } else if (byte === FRAME_FLAG) {
        this.close(sink);
      } else if (this.broken !== null) {
        // Wait for the next flag: the frame is already lost.
      } else if (byte === CONTROL_ESCAPE) {
        if (this.escapePending) this.broken = 'escape byte 7D escaped';
        this.escapePending = true;
      } else {
        const value = this.escapePending ? byte | ESCAPE_BIT : byte;
        this.escapePending = false;
        if (this.length === buffer.length) {
          // No flag for longer than the longest record: not a frame. Hunt for the next flag.
          sink.malformed(`more than ${buffer.length} bytes without a closing flag`);
          this.inFrame = false;
          this.skipped++;
        } else {
          buffer[this.length++] = value;
        }
      }
    }
  }

  reset(): void {
    this.inFrame = false;
    this.skipped = 0;
    this.open();
    this.inFrame = false;
  }

  private open(): void {
    this.inFrame = true;
    this.length = 0;
    this.escapePending = false;
    this.broken = null;
  }

  private close(sink: FrameSink): void {
    if (this.broken !== null) sink.malformed(this.broken);
    else if (this.escapePending) sink.malformed('escape byte 7D right before a flag');
    else if (this.length > 0) sink.frame(this.buffer, this.length);
    this.open();
  }
}

/** Wraps a record in flags, appends its checksum (sum of the unescaped bytes) and escapes 7D/7E. */
export function encodeFrame(record: Uint8Array): Uint8Array {
  let sum = 0;
  for (const byte of record) sum += byte;
  const payload = [...record, sum & 0xff];
  const out: number[] = [FRAME_FLAG];
  for (const byte of payload) {
    if (byte === FRAME_FLAG || byte === CONTROL_ESCAPE) out.push(CONTROL_ESCAPE, byte & ~ESCAPE_BIT);
    else out.push(byte);
  }
  out.push(FRAME_FLAG);
  return Uint8Array.from(out);
}
