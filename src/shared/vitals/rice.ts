import { type ByteReader, type ByteWriter, WireError } from './bytes';

/**
 * Rice codes for a record's sample symbols (VITALS-CHANNEL.md §3, encoding bit 0x40): a symbol s
 * with parameter k is ⌊s / 2^k⌋ one-bits, a zero-bit, then the k low bits of s; a quotient of
 * RICE_ESCAPE or more is RICE_ESCAPE one-bits, 6 bits giving s's bit length n, then s in n bits.
 * Bits go most significant first; the record ends on a byte boundary, padded with zero-bits.
 *
 * Why: an ECG's samples are mostly noise of a few tens of steps (the Cyton's ±15 µV in 0.1 µV
 * steps), whose deltas a varint spends 2 bytes on more often than not; Rice spends ~10 bits on
 * them, and ~2 on lead III's differences from II − I (einthoven.ts), where a varint needs 8.
 */
export const RICE_ESCAPE = 32;
/** Largest parameter: a symbol is below 2^53. */
export const MAX_RICE_K = 52;
const BIT_LENGTH_BITS = 6;

function bitLength(value: number): number {
  let length = 0;
  for (let rest = value; rest >= 1; rest = Math.floor(rest / 2)) length++;
  return length;
}

/** Bits Rice coding `symbols` with parameter k takes (before the padding). */
export function riceBits(symbols: readonly number[], k: number): number {
  const scale = 2 ** k;
  let bits = 0;
  for (const symbol of symbols) {
    const quotient = Math.floor(symbol / scale);
    bits += quotient < RICE_ESCAPE ? quotient + 1 + k : RICE_ESCAPE + BIT_LENGTH_BITS + bitLength(symbol);
  }
  return bits;
}

/**
 * The parameter that codes `symbols` in the fewest bits, among those next to LOCO-I's estimate
 * (the cost is convex in k around it; trying every k cost 40 passes over a large record).
 */
export function bestRiceK(symbols: readonly number[]): number {
  const estimate = nextRiceK(symbols);
  let best = estimate;
  let bestBits = riceBits(symbols, estimate);
  for (let k = Math.max(0, estimate - 2); k <= Math.min(MAX_RICE_K, estimate + 2); k++) {
    const bits = riceBits(symbols, k);
    if (bits < bestBits) [best, bestBits] = [k, bits];
  }
  return best;
}

/**
 * The parameter of a series' next continuation, from this record's symbols (both ends compute it,
 * so a continuation carries none): the smallest k with count × 2^k ≥ their sum (LOCO-I's rule).
 */
export function nextRiceK(symbols: readonly number[]): number {
  const sum = symbols.reduce((total, s) => total + s, 0);
  let k = 0;
  while (k < MAX_RICE_K && symbols.length * 2 ** k < sum) k++;
  return k;
}

export function writeRice(writer: ByteWriter, symbols: readonly number[], k: number): void {
  const bytes: number[] = [];
  let acc = 0;
  let filled = 0;
  // Up to 8 bits at a time: a value's bits from the most significant, the byte filled from the left.
  const putBits = (value: number, n: number): void => {
    for (let rest = n; rest > 0;) {
      const take = Math.min(8 - filled, rest);
      rest -= take;
      acc = (acc << take) | (Math.floor(value / 2 ** rest) % 2 ** take);
      filled += take;
      if (filled === 8) {
        bytes.push(acc);
        acc = 0;
        filled = 0;
      }
    }
  };
  const scale = 2 ** k;
  for (const symbol of symbols) {
    const quotient = Math.floor(symbol / scale);
    if (quotient < RICE_ESCAPE) {
      putBits(2 ** (quotient + 1) - 2, quotient + 1); // quotient one-bits, then a zero-bit
      putBits(symbol - quotient * scale, k);
    } else {
      putBits(2 ** RICE_ESCAPE - 1, RICE_ESCAPE);
      const length = bitLength(symbol);
      putBits(length, BIT_LENGTH_BITS);
      putBits(symbol, length);
    }
  }
  if (filled > 0) bytes.push(acc << (8 - filled));
  writer.bytes(Uint8Array.from(bytes));
}

/** Reads `count` symbols; refuses a symbol past 2^53, a non-canonical escape and non-zero padding. */
export function readRice(reader: ByteReader, count: number, k: number): number[] {
  if (count > reader.remaining * 8) throw new WireError(`truncated message: ${count} samples`);
  let byte = 0;
  let left = 0;
  const get = (): number => {
    if (left === 0) {
      byte = reader.u8('sample bits');
      left = 8;
    }
    left--;
    return (byte >> left) & 1;
  };
  const getBits = (n: number): number => {
    let value = 0;
    for (let rest = n; rest > 0;) {
      if (left === 0) {
        byte = reader.u8('sample bits');
        left = 8;
      }
      const take = Math.min(left, rest);
      left -= take;
      rest -= take;
      value = value * 2 ** take + ((byte >> left) & ((1 << take) - 1));
    }
    return value;
  };
  const scale = 2 ** k;
  const symbols: number[] = [];
  for (let i = 0; i < count; i++) {
    let quotient = 0;
    while (quotient < RICE_ESCAPE && get() === 1) quotient++;
    let symbol: number;
    if (quotient < RICE_ESCAPE) symbol = quotient * scale + getBits(k);
    else {
      const length = getBits(BIT_LENGTH_BITS);
      if (length > 53) throw new WireError(`sample: ${length}-bit symbol`);
      symbol = getBits(length);
      if (bitLength(symbol) !== length || Math.floor(symbol / scale) < RICE_ESCAPE)
        throw new WireError('sample: non-canonical escape');
    }
    if (symbol > Number.MAX_SAFE_INTEGER) throw new WireError('sample: symbol beyond 2^53');
    symbols.push(symbol);
  }
  if ((byte & ((1 << left) - 1)) !== 0) throw new WireError('sample bits: padding not zero');
  return symbols;
}
