import { LineFramer } from '../framing/line-framer';
import { LINE_LEAD_OFF, LINE_UNREADABLE, readLine, readLineBytes } from './frames';

const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;

/**
 * Reads the sketch's lines as `readLine` codes, in stream order, for any chunking. The line rules
 * are the shared LineFramer's (CR, LF or both end a line; blank lines are skipped; a line with a
 * byte that is not text, or longer than `maxLineBytes`, is dropped), and the framer handles every
 * chunk that is not plain text plus the line carried between chunks. Two reasons for the wrapper:
 * - the framer counts dropped lines but does not say where they were; a dropped line is a lost
 *   sample, so such chunks go to it in pieces ending at line ends, and a drop is placed exactly;
 * - the framer builds a string per line, which at 5 bytes a line caps the decoder near 20 MB/s:
 *   whole lines inside a plain-text chunk are read straight from the bytes (`readLineBytes`,
 *   tested equal to `readLine`), and only the carried tail goes through the framer.
 * Results: `count` lines per push, each with `codes[k]`, `lengths[k]` (bytes) and `textOf(k)`.
 */
export class AdcLineReader {
  private readonly framer: LineFramer;
  codes = new Int32Array(1024);
  lengths = new Int32Array(1024);
  count = 0;
  private texts = new Map<number, string>();
  /** Length of the line in progress, carried across chunks (pending in the framer). */
  private run = 0;
  /** The line in progress will be dropped by the framer. */
  private tainted = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly maxValue: number,
  ) {
    this.framer = new LineFramer({ maxLineBytes });
  }

  /** Reads the lines `chunk` completes; returns how many (also in `count`). */
  push(chunk: Uint8Array): number {
    this.count = 0;
    this.texts.clear();
    const carried = this.run > 0;
    if (!this.isPlain(chunk)) {
      this.pushInPieces(chunk, 0);
      return this.count;
    }
    let start = 0;
    if (carried) {
      // The line's beginning is pending in the framer: it finishes that line.
      while (start < chunk.length && chunk[start] !== CR && chunk[start] !== LF) start++;
      this.pushPiece(chunk.subarray(0, Math.min(start + 1, chunk.length)));
      start++;
    }
    for (let i = start; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== CR && byte !== LF) continue;
      if (i > start) {
        const code = readLineBytes(chunk, start, i, this.maxValue);
        // Text only for a line the decoder reports as an error (rare): the message quotes it.
        this.add(code, i - start, code < LINE_LEAD_OFF ? asciiText(chunk, start, i) : null);
      }
      start = i + 1;
    }
    if (start < chunk.length) this.framer.push(chunk.subarray(start));
    return this.count;
  }

  /** The text of line `k` of the last push, kept for lines that are not a value or `!`. */
  textOf(k: number): string {
    return this.texts.get(k) ?? '';
  }

  reset(): void {
    this.framer.reset();
    this.run = 0;
    this.tainted = false;
  }

  private pushInPieces(chunk: Uint8Array, from: number): void {
    let start = from;
    for (let i = from; i < chunk.length; i++) {
      if (chunk[i] !== CR && chunk[i] !== LF) continue;
      this.pushPiece(chunk.subarray(start, i + 1));
      start = i + 1;
    }
    if (start < chunk.length) this.pushPiece(chunk.subarray(start));
  }

  /** Feeds the framer a piece holding at most one line end (at its last byte). */
  private pushPiece(piece: Uint8Array): void {
    const droppedBefore = this.framer.stats.dropped;
    for (const line of this.framer.push(piece)) this.add(readLine(line, this.maxValue), line.length, line);
    if (this.framer.stats.dropped > droppedBefore) this.add(LINE_UNREADABLE, 0, null);
  }

  private add(code: number, length: number, text: string | null): void {
    if (this.count === this.codes.length) this.grow();
    if (text !== null) this.texts.set(this.count, text);
    this.codes[this.count] = code;
    this.lengths[this.count] = length;
    this.count++;
  }

  /** True when no line that ends in `chunk` will be dropped; tracks the line carried over. */
  private isPlain(chunk: Uint8Array): boolean {
    let plain = true;
    let { run, tainted } = this;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === CR || byte === LF) {
        if (tainted) plain = false;
        run = 0;
        tainted = false;
      } else if (++run > this.maxLineBytes || byte > 0x7e || (byte < 0x20 && byte !== TAB)) {
        tainted = true;
      }
    }
    this.run = run;
    this.tainted = tainted;
    return plain;
  }

  private grow(): void {
    const codes = new Int32Array(this.codes.length * 2);
    codes.set(this.codes);
    this.codes = codes;
    const lengths = new Int32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}

function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}
