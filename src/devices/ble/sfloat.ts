/**
 * IEEE 11073-20601 SFLOAT (16 bit, little-endian on the air): bits 15..12 a signed 4-bit exponent,
 * bits 11..0 a signed 12-bit mantissa, value = mantissa · 10^exponent (device-protocols §9).
 * The five special values (NaN, NRes, ±INF, reserved) all have exponent 0 and are recognised on the
 * whole 16-bit value before any sign extension, as Wireshark does; each becomes `null` because a
 * reading's value is a finite number or null, never a marker.
 */
const SPECIAL_SFLOATS = new Set([0x07ff, 0x0800, 0x07fe, 0x0802, 0x0801]);

/** Exact powers of ten used as divisors/multipliers, so 870·10⁻² is 8.7 and not 8.700000000000001. */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

export function sfloatFromRaw(raw: number): number | null {
  if (SPECIAL_SFLOATS.has(raw)) return null;
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
