import { decodeAbsoluteTime } from './absolute-time';
import { ABSOLUTE_TIME_BYTES } from './constants';

/**
 * A bounds-checked big-endian reader for message bodies. Reading past the end never throws: it
 * returns 0 and marks the reader `overrun`, so a parser reads a whole structure and then checks
 * once whether the bytes were really there.
 */
export class ByteReader {
  overrun = false;

  constructor(
    private readonly bytes: Uint8Array,
    public offset = 0,
    private readonly end = bytes.length,
  ) {}

  get remaining(): number {
    return this.end - this.offset;
  }

  u8(): number {
    if (this.offset + 1 > this.end) return this.fail();
    return this.bytes[this.offset++];
  }

  u16(): number {
    if (this.offset + 2 > this.end) return this.fail();
    const value = (this.bytes[this.offset] << 8) | this.bytes[this.offset + 1];
    this.offset += 2;
    return value;
  }

  u32(): number {
    if (this.offset + 4 > this.end) return this.fail();
    const b = this.bytes;
    const o = this.offset;
    this.offset += 4;
    return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
  }

  /** An 8-byte AbsoluteTime (absolute-time.ts): ms read as if UTC, or null when unset. */
  absoluteTime(): number | null {
    const at = this.offset;
    this.skip(ABSOLUTE_TIME_BYTES);
    return this.overrun ? null : decodeAbsoluteTime(this.bytes, at);
  }

  skip(count: number): void {
    if (count < 0 || this.offset + count > this.end) {
      this.fail();
      return;
    }
    this.offset += count;
  }

  /** A reader over the next `length` bytes (advancing this one past them). */
  sub(length: number): ByteReader {
    const start = this.offset;
    this.skip(length);
    return new ByteReader(this.bytes, start, this.overrun ? start : start + length);
  }

  private fail(): number {
    this.overrun = true;
    this.offset = this.end;
    return 0;
  }
}

/** A big-endian writer that grows as needed (encoders for the simulator and host messages). */
export class ByteWriter {
  private bytes = new Uint8Array(256);
  length = 0;

  u8(value: number): this {
    this.ensure(1);
    this.bytes[this.length++] = value & 0xff;
    return this;
  }

  u16(value: number): this {
    return this.u8(value >>> 8).u8(value);
  }

  u32(value: number): this {
    return this.u16(value >>> 16).u16(value & 0xffff);
  }

  append(bytes: Uint8Array): this {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Writes a u16 placeholder and returns a function that fills it with the bytes written since. */
  lengthField(): () => void {
    const at = this.length;
    this.u16(0);
    return () => {
      const value = this.length - at - 2;
      this.bytes[at] = value >>> 8;
      this.bytes[at + 1] = value & 0xff;
    };
  }

  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
