import { ByteRemainder } from '../framing/byte-remainder';
import { ASCII, MAX_MESSAGE_BYTES, MAX_REPORT_PAYLOAD, REPORT_BYTES } from './constants';
import { isOffMessage } from './frames';

/**
 * Joins count-prefixed 8-byte input reports into messages, for any chunking of the report stream
 * (the HID transport hands over one report per chunk; captures and tests may not).
 *
 * A message starts with a report whose payload begins "OK", "NO" or "OF"; it continues while each
 * report is full (7 bytes) and ends with the first shorter one — true of every reply we ask for
 * (VER 7+7+1, GDC 7+1, GME 7+7+3). "OFF\r\n" ends with its report (the device counts 7 there).
 * Between messages, reports with an all-zero payload (the clearing block's echo) are idle filler,
 * passed without counting; anything else is skipped (and counted) a byte at a time until a message
 * start, which re-finds the report grid after garbage.
 */
export interface ReaderSink {
  /** A whole message. `bytes` is a view into the reader's buffer, valid only during the call. */
  message(bytes: Uint8Array): void;
  /** A message cut short (a report that cannot continue it, or one too long). */
  broken(detail: string): void;
}

export class ReportReader {
  private readonly remainder = new ByteRemainder();
  private readonly message = new Uint8Array(MAX_MESSAGE_BYTES + MAX_REPORT_PAYLOAD);
  private messageLength = 0;
  private inMessage = false;
  skippedBytes = 0;

  push(chunk: Uint8Array, out: ReaderSink): void {
    const bytes = this.remainder.join(chunk);
    let p = 0;
    while (p + REPORT_BYTES <= bytes.length) {
      const count = bytes[p];
      if (this.inMessage) {
        if (count < 1 || count > MAX_REPORT_PAYLOAD) {
          // Not a continuation: report the cut message, then look at this report afresh.
          this.endMessage(out, `continuation report counts ${count}`);
          continue;
        }
        this.append(bytes, p + 1, count);
        p += REPORT_BYTES;
        if (count < MAX_REPORT_PAYLOAD) this.endMessage(out, null);
        else if (this.messageLength > MAX_MESSAGE_BYTES) this.endMessage(out, 'message too long');
        continue;
      }
      if (count >= 2 && count <= MAX_REPORT_PAYLOAD && startsMessage(bytes, p + 1)) {
        this.inMessage = true;
        this.append(bytes, p + 1, count);
        p += REPORT_BYTES;
        const first = this.message.subarray(0, this.messageLength);
        if (count < MAX_REPORT_PAYLOAD || isOffMessage(first)) this.endMessage(out, null);
      } else if (count <= MAX_REPORT_PAYLOAD && isZero(bytes, p + 1, count)) {
        // Filler, stepped over a byte at a time: a whole-report step from a misaligned
        // position would keep the reader off the report grid.
        p++;
      } else {
        this.skippedBytes++;
        p++;
      }
    }
    this.remainder.keep(bytes, p);
  }

  reset(): void {
    this.remainder.clear();
    this.messageLength = 0;
    this.inMessage = false;
  }

  private append(bytes: Uint8Array, from: number, count: number): void {
    // At most 7 bytes: a loop costs less than the view `set` would need.
    for (let i = 0; i < count; i++) this.message[this.messageLength + i] = bytes[from + i];
    this.messageLength += count;
  }

  private endMessage(out: ReaderSink, broken: string | null): void {
    const length = this.messageLength;
    this.messageLength = 0;
    this.inMessage = false;
    // A view, not a copy: the sink reads it before the next report overwrites the buffer.
    if (broken === null) out.message(this.message.subarray(0, length));
    else out.broken(broken);
  }
}

function startsMessage(bytes: Uint8Array, at: number): boolean {
  const a = bytes[at];
  const b = bytes[at + 1];
  return (a === ASCII.O && (b === ASCII.K || b === ASCII.F)) || (a === ASCII.N && b === ASCII.O);
}

function isZero(bytes: Uint8Array, from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) if (bytes[i] !== 0) return false;
  return true;
}
