/**
 * Byte-level building blocks of the vitals wire format: LEB128 varints (up to 2^53, so every safe
 * integer fits), zigzag for signed values, little-endian float64, length-prefixed UTF-8 (the CRC-8
 * trailer is in crc8.ts). The reader throws `WireError` on any inconsistency; codec.ts catches it at its
 * API so nothing escapes as an exception.
 */

export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireError';
  }
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Zigzag maps small magnitudes of either sign to small unsigned values: 0, -1, 1, -2 → 0, 1, 2, 3. */
export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

export class ByteWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private length = 0;

  constructor(initialBytes = 256) {
    this.buffer = new Uint8Array(initialBytes);
    this.view = new DataView(this.buffer.buffer);
  }

  get byteLength(): number {
    return this.length;
  }

  reset(): void {
    this.length = 0;
  }

  u8(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** Unsigned LEB128; `value` must be a safe non-negative integer. */
  varuint(value: number): void {
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  varint(value: number): void {
    this.varuint(zigzag(value));
  }

  f64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Length-prefixed UTF-8. */
  string(text: string): void {
    this.reserve(5 + text.length * 3);
    const lengthAt = this.length;
    const { written } = utf8Encoder.encodeInto(text, this.buffer.subarray(lengthAt + 1));
    if (written < 0x80) {
      this.buffer[lengthAt] = written;
      this.length += 1 + written;
      return;
    }
    const encoded = this.buffer.slice(lengthAt + 1, lengthAt + 1 + written);
    this.varuint(written);
    this.bytes(encoded);
  }

  /** A copy of what was written. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

export class ByteReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(what: string): number {
    if (this.offset >= this.bytes.length) throw this.truncated(what);
    return this.bytes[this.offset++];
  }

  /** Unsigned LEB128, canonical (no redundant trailing zero groups) and at most 2^53 − 1. */
  varuint(what: string): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.u8(what);
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        if (byte === 0 && i > 0)
          throw new WireError(`${what}: non-canonical varint at byte ${this.offset - 1}`);
        if (value > Number.MAX_SAFE_INTEGER) throw new WireError(`${what}: varint exceeds 2^53`);
        return value;
      }
      scale *= 0x80;
    }
    throw new WireError(`${what}: varint longer than 8 bytes at byte ${this.offset}`);
  }

  varint(what: string): number {
    return unzigzag(this.varuint(what));
  }

  f64(what: string): number {
    if (this.remaining < 8) throw this.truncated(what);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  /** Length-prefixed UTF-8 of 1..maxChars UTF-16 code units (the unit `string.length` counts). */
  string(what: string, maxChars: number): string {
    const length = this.varuint(what);
    if (length === 0) throw new WireError(`${what}: empty string`);
    if (length > maxChars * 3)
      throw new WireError(`${what}: ${length} bytes, longer than ${maxChars} characters`);
    if (length > this.remaining) throw this.truncated(what);
    let text: string;
    try {
      text = utf8Decoder.decode(this.bytes.subarray(this.offset, this.offset + length));
    } catch {
      throw new WireError(`${what}: invalid UTF-8`);
    }
    if (text.length > maxChars) throw new WireError(`${what}: longer than ${maxChars} characters`);
    this.offset += length;
    return text;
  }

  expectEnd(): void {
    if (this.remaining !== 0) throw new WireError(`${this.remaining} trailing bytes after the message`);
  }

  private truncated(what: string): WireError {
    return new WireError(`truncated message: ${what} runs past byte ${this.bytes.length}`);
  }
}
