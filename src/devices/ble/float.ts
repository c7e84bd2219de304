import { scaleByPowerOfTen } from './sfloat';

/**
 * IEEE 11073-20601 FLOAT (32 bit, little-endian on the air): bits 31..24 a signed 8-bit exponent,
 * bits 23..0 a signed 24-bit mantissa (device-protocols §9). Special values (exponent 0): NaN
 * 0x007FFFFF, NRes 0x00800000, +INF 0x007FFFFE, −INF 0x00800002, reserved 0x00800001 → `null`.
 */
const SPECIAL_FLOATS = new Set([0x007fffff, 0x00800000, 0x007ffffe, 0x00800002, 0x00800001]);

export function floatFromRaw(raw: number): number | null {
  const unsigned = raw >>> 0;
  if (SPECIAL_FLOATS.has(unsigned)) return null;
  const exponent = unsigned >> 24; // arithmetic shift of the int32 view sign-extends bits 31..24
  const mantissa = (unsigned << 8) >> 8; // sign-extends bits 23..0
  return scaleByPowerOfTen(mantissa, exponent);
}

/** The FLOAT at `offset` (caller checked that four bytes are there). */
export function readFloat(bytes: Uint8Array, offset: number): number | null {
  return floatFromRaw(
    bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24),
  );
}
