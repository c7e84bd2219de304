/**
 * Splits a byte stream of ASCII text lines (monitor "serial out" lines, Arduino `println` output)
 * into lines, for any chunking of the stream.
 *
 * - A line ends at CR or LF; CRLF, LFCR, a lone CR and a lone LF are all one line end, because
 *   devices differ and a run of line ends carries no data: blank lines are never returned. This
 *   also makes the output independent of where a chunk splits a CRLF.
 * - A line longer than `maxLineBytes` (terminator excluded) is dropped and counted; the framer then
 *   discards bytes up to the next line end and resumes there. Memory stays bounded however long a
 *   run of garbage without a line end is.
 * - Text is printable ASCII (0x20..0x7E) and TAB. A line holding any other byte (line noise on
 *   connect, a wrong baud rate, a binary protocol on the port) is dropped and counted, never
 *   returned: the callers parse fixed grammars, and a corrupted character must not become a value.
 * - Returned lines are exactly the bytes between line ends; callers trim or not as their grammar says.
 *
 * Decoders turn `stats` increments into frame-error events (read `stats.dropped` before and after
 * a push). A partial line waits for the next push; `reset` forgets it.
 */
export interface LineFramerOptions {
  /** Longest line kept, in bytes, without its line end (1..65536). */
  readonly maxLineBytes: number;
}

export interface LineFramerStats {
  /** Lines returned. */
  readonly lines: number;
  /** Lines dropped for being longer than `maxLineBytes`. */
  readonly overlongLines: number;
  /** Lines dropped for holding a byte that is not printable ASCII or TAB. */
  readonly nonTextLines: number;
  /** overlongLines + nonTextLines. */
  readonly dropped: number;
  /** Bytes of the dropped lines (line ends excluded). */
  readonly droppedBytes: number;
}

const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;
const MAX_SUPPORTED_LINE_BYTES = 65_536;
/**
 * One byte → one UTF-16 code unit, so string indices are byte offsets. ("latin1" is windows-1252
 * in the Encoding standard; it equals ASCII on 0x00..0x7F, the only bytes a returned line holds.)
 */
const SINGLE_BYTE = new TextDecoder('latin1');

export class LineFramer {
  private readonly maxLineBytes: number;
  private readonly pending: Uint8Array;
  private pendingLength = 0;
  /** The current line already exceeded the bound: skip to the next line end. */
  private discarding = false;
  /** The current line holds a byte that is not text. */
  private hasNonText = false;
  /** Bytes of the current line so far, discarded ones included. */
  private lineBytes = 0;
  /** The current chunk decoded, made on its first complete line. */
  private chunkText: string | null = null;
  private counts = { lines: 0, overlongLines: 0, nonTextLines: 0, droppedBytes: 0 };

  constructor(options: LineFramerOptions) {
    const max = options.maxLineBytes;
    if (!Number.isInteger(max) || max < 1 || max > MAX_SUPPORTED_LINE_BYTES) {
      throw new TypeError(
        `LineFramer: maxLineBytes must be an integer in 1..${MAX_SUPPORTED_LINE_BYTES}, got ${max}`,
      );
    }
    this.maxLineBytes = max;
    this.pending = new Uint8Array(max);
  }

  get stats(): LineFramerStats {
    const { lines, overlongLines, nonTextLines, droppedBytes } = this.counts;
    return { lines, overlongLines, nonTextLines, dropped: overlongLines + nonTextLines, droppedBytes };
  }

  /** Lines completed by `chunk`, in order. */
  push(chunk: Uint8Array): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === LF || byte === CR) {
        this.endLine(chunk, start, i, lines);
        start = i + 1;
      } else if ((byte < FIRST_PRINTABLE && byte !== TAB) || byte > LAST_PRINTABLE) {
        this.hasNonText = true;
      }
    }
    this.keepTail(chunk, start);
    this.chunkText = null;
    return lines;
  }

  /** Forgets the partial line (after a reconnect); counters are kept. */
  reset(): void {
    this.pendingLength = 0;
    this.discarding = false;
    this.hasNonText = false;
    this.lineBytes = 0;
  }

  /** The line made of the pending bytes and `chunk[start..end)` has ended. */
  private endLine(chunk: Uint8Array, start: number, end: number, lines: string[]): void {
    const length = this.pendingLength + end - start;
    this.lineBytes += end - start;
    if (this.discarding || length > this.maxLineBytes) {
      this.counts.overlongLines++;
      this.counts.droppedBytes += this.lineBytes;
    } else if (this.hasNonText) {
      this.counts.nonTextLines++;
      this.counts.droppedBytes += this.lineBytes;
    } else if (length > 0) {
      lines.push(this.text(chunk, start, end));
      this.counts.lines++;
    }
    this.pendingLength = 0;
    this.discarding = false;
    this.hasNonText = false;
    this.lineBytes = 0;
  }

  /**
   * The line's text. The whole chunk is decoded once, on its first line, and lines are slices of
   * it: one decode per chunk instead of one per line made the framer several times faster.
   */
  private text(chunk: Uint8Array, start: number, end: number): string {
    this.chunkText ??= SINGLE_BYTE.decode(chunk);
    const part = this.chunkText.slice(start, end);
    if (this.pendingLength === 0) return part;
    return SINGLE_BYTE.decode(this.pending.subarray(0, this.pendingLength)) + part;
  }

  /** Keeps the unterminated `chunk[start..]` for the next push, or starts discarding it. */
  private keepTail(chunk: Uint8Array, start: number): void {
    const tail = chunk.length - start;
    this.lineBytes += tail;
    if (tail === 0 || this.discarding) return;
    if (this.pendingLength + tail > this.maxLineBytes) {
      this.discarding = true;
      this.pendingLength = 0;
      return;
    }
    this.pending.set(chunk.subarray(start), this.pendingLength);
    this.pendingLength += tail;
  }
}

/**
 * The inverse, for device encoders and tests: ASCII text (line ends included by the caller) to
 * bytes. Characters outside 0x00..0x7F are a caller bug: they become "?" rather than wrap around.
 */
export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code < 0x80 ? code : 0x3f;
  }
  return bytes;
}
