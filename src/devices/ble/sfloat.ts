/**
 * IEEE 11073-20601 SFLOAT (16 bit, little-endian on the air): bits 15..12 a signed 4-bit exponent,
 * bits 11..0 a signed 12-bit mantissa, value = mantissa · 10^exponent (device-protocols §9).
 *
 * Five raw values with exponent 0 are not numbers but messages from the device; they are matched
 * on the whole 16-bit value before any sign extension, as Wireshark does. The HL7 Personal Health
 * Device IG (HL7/phd `FLOATS.md`) says all five mean "the sensor was unable to acquire a valid
 * measurement", and names them:
 * - NaN 0x07FF (an invalid result), NRes 0x0800 (the value cannot be represented at the device's
 *   range and resolution) and RFU 0x0801 (reserved) carry no value: `null`, as every invalid
 *   marker is (design §3);
 * - +INF 0x07FE and −INF 0x0802 say the value lies beyond the device's range, above or below:
 *   they become ±Infinity, which is outside every plausible range, so the reading rules
 *   (validity/guarded-decoder.ts) drop them as `out-of-range` value errors, counted, and no
 *   reading ever carries them.
 */
export const SFLOAT_SPECIAL = {
  nan: 0x07ff,
  nres: 0x0800,
  positiveInfinity: 0x07fe,
  negativeInfinity: 0x0802,
  reserved: 0x0801,
} as const;

/** Exact powers of ten used as divisors/multipliers, so 870·10⁻² is 8.7 and not 8.700000000000001. */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

export function sfloatFromRaw(raw: number): number | null {
  switch (raw) {
    case SFLOAT_SPECIAL.nan:
    case SFLOAT_SPECIAL.nres:
    case SFLOAT_SPECIAL.reserved:
      return null;
    case SFLOAT_SPECIAL.positiveInfinity:
      return Number.POSITIVE_INFINITY;
    case SFLOAT_SPECIAL.negativeInfinity:
      return Number.NEGATIVE_INFINITY;
  }
  const exponent = (raw << 16) >> 28; // sign-extends bits 15..12
  const mantissa = (raw << 20) >> 20; // sign-extends bits 11..0
  return scaleByPowerOfTen(mantissa, exponent);
}

/** The SFLOAT at `offset` (caller checked that two bytes are there). */
export function readSfloat(bytes: Uint8Array, offset: number): number | null {
  return sfloatFromRaw(bytes[offset] | (bytes[offset + 1] << 8));
}

/** mantissa · 10^exponent, dividing for negative exponents so decimal results stay exact. */
export function scaleByPowerOfTen(mantissa: number, exponent: number): number {
  if (exponent >= 0) return mantissa * (POWERS_OF_TEN[exponent] ?? 10 ** exponent);
  return mantissa / (POWERS_OF_TEN[-exponent] ?? 10 ** -exponent);
}
