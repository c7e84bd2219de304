import { FLOAT_SPECIAL } from './constants';

/**
 * IntelliVue FLOAT-Type: 32 bits, an 8-bit signed exponent (high byte) and a 24-bit signed
 * mantissa; value = mantissa × 10^exponent. NaN, NRes (not at this resolution), ±INF and the
 * reserved pattern mean "no value": they decode to null, never to a number.
 */

const SPECIALS = new Set<number>(Object.values(FLOAT_SPECIAL));

export function decodeFloatType(raw: number): number | null {
  const bits = raw >>> 0;
  if (SPECIALS.has(bits)) return null;
  const exponent = (bits >> 24) & 0xff;
  const signedExponent = exponent > 0x7f ? exponent - 0x100 : exponent;
  const mantissa = bits & 0xffffff;
  const signedMantissa = mantissa > 0x7fffff ? mantissa - 0x1000000 : mantissa;
  // Dividing by a power of ten (rather than multiplying by 10^-n) keeps 365e-1 exactly 36.5.
  return signedExponent >= 0 ? signedMantissa * 10 ** signedExponent : signedMantissa / 10 ** -signedExponent;
}

/**
 * Encodes `value` with the fewest decimals (0..3) that represent it exactly; null → NaN. For the
 * simulator and tests.
 */
export function encodeFloatType(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return FLOAT_SPECIAL.nan;
  for (let decimals = 0; decimals <= 3; decimals++) {
    const mantissa = Math.round(value * 10 ** decimals);
    if (Math.abs(mantissa / 10 ** decimals - value) < 1e-9 || decimals === 3) {
      if (mantissa < -0x7ffffd || mantissa > 0x7ffffd) {
        throw new RangeError(`${value} does not fit a FLOAT-Type mantissa`);
      }
      return (((-decimals & 0xff) << 24) | (mantissa & 0xffffff)) >>> 0;
    }
  }
  return FLOAT_SPECIAL.nan;
}
