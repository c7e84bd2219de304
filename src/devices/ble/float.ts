import { scaleByPowerOfTen } from './sfloat';

/**
 * IEEE 11073-20601 FLOAT (32 bit, little-endian on the air): bits 31..24 a signed 8-bit exponent,
 * bits 23..0 a signed 24-bit mantissa (device-protocols §9). The special values (exponent 0) mean
 * what the SFLOAT ones mean (sfloat.ts): NaN 0x007FFFFF, NRes 0x00800000 and reserved 0x00800001
 * → `null`; +INF 0x007FFFFE and −INF 0x00800002 → ±Infinity, dropped downstream as out of range.
 */
export const FLOAT_SPECIAL = {
  nan: 0x007fffff,
  nres: 0x00800000,
  positiveInfinity: 0x007ffffe,
  negativeInfinity: 0x00800002,
  reserved: 0x00800001,
} as const;

export function floatFromRaw(raw: number): number | null {
  const unsigned = raw >>> 0;
  switch (unsigned) {
    case FLOAT_SPECIAL.nan:
    case FLOAT_SPECIAL.nres:
    case FLOAT_SPECIAL.reserved:
      return null;
    case FLOAT_SPECIAL.positiveInfinity:
      return Number.POSITIVE_INFINITY;
    case FLOAT_SPECIAL.negativeInfinity:
      return Number.NEGATIVE_INFINITY;
  }
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
