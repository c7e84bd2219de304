/**
 * Builds characteristic values the way a device does (little-endian fields, SFLOAT/FLOAT as
 * mantissa and exponent), for tests, fake devices and benchmarks. The decoders never use it.
 */
export class ValueWriter {
  private readonly bytes: number[] = [];

  u8(value: number): this {
    this.bytes.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    return this.u8(value).u8(value >> 8);
  }

  u24(value: number): this {
    return this.u16(value).u8(value >> 16);
  }

  /** SFLOAT from a 12-bit signed mantissa and a 4-bit signed exponent. */
  sfloat(mantissa: number, exponent = 0): this {
    return this.u16(sfloatRaw(mantissa, exponent));
  }

  /** FLOAT from a 24-bit signed mantissa and an 8-bit signed exponent. */
  float(mantissa: number, exponent = 0): this {
    return this.u16(mantissa & 0xffff)
      .u8(mantissa >> 16)
      .u8(exponent);
  }

  dateTime(year: number, month: number, day: number, hours: number, minutes: number, seconds: number): this {
    return this.u16(year).u8(month).u8(day).u8(hours).u8(minutes).u8(seconds);
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function sfloatRaw(mantissa: number, exponent: number): number {
  return ((exponent & 0x0f) << 12) | (mantissa & 0x0fff);
}
