import { type ByteReader, type ByteWriter, WireError } from './bytes';
import { bestRiceK, readRice, riceBits, writeRice } from './rice';
import { EXPONENT_MASK, HAS_NULLS, MAX_DECIMAL_EXPONENT, MAX_MANTISSA, RICE } from './wire-format';

/**
 * A waveform record's samples with a decimal exponent travel as symbols (VITALS-CHANNEL.md §3):
 * zigzag deltas of their mantissas (+1 when the run has nulls, 0 marking a null), or for a derived
 * lead III its zigzag differences from II − I; the symbols go as varints, or Rice-coded (rice.ts)
 * when that is shorter. Float64 runs go 8 bytes a sample (NaN = null).
 */

const POW10 = Array.from({ length: MAX_DECIMAL_EXPONENT + 1 }, (_, e) => 10 ** e);

const zigzag = (value: number): number => (value >= 0 ? value * 2 : -value * 2 - 1);
const unzigzag = (symbol: number): number => (symbol % 2 === 0 ? symbol / 2 : -(symbol + 1) / 2);

/** Leads I and II of the same samples, as mantissas of the same exponent. */
export interface DerivationBasis {
  readonly leadI: readonly number[];
  readonly leadII: readonly number[];
}

/** The integers a run of samples travels as (no nulls; an exponent, not float64). */
export function mantissasOf(samples: readonly (number | null)[], exponent: number): number[] {
  const scale = POW10[exponent];
  return samples.map((sample) => Math.round((sample ?? 0) * scale));
}

/** Delta symbols from `previous` (0, or the last mantissa of the record continued); and the last mantissa. */
export function deltaSymbols(
  samples: readonly (number | null)[],
  encoding: number,
  previous: number,
): { symbols: number[]; last: number } {
  const scale = POW10[encoding & EXPONENT_MASK];
  const shift = encoding & HAS_NULLS ? 1 : 0;
  let last = previous;
  const symbols: number[] = [];
  for (const sample of samples) {
    if (sample === null) {
      symbols.push(0);
      continue;
    }
    const mantissa = Math.round(sample * scale);
    symbols.push(zigzag(mantissa - last) + shift);
    last = mantissa;
  }
  return { symbols, last };
}

/** Samples back from delta symbols; returns the last mantissa and adds each to `mantissasOut`. */
export function samplesFromDeltas(
  symbols: readonly number[],
  encoding: number,
  previous: number,
  out: (number | null)[],
  mantissasOut?: number[],
): number {
  const scale = POW10[encoding & EXPONENT_MASK];
  const shift = encoding & HAS_NULLS ? 1 : 0;
  let last = previous;
  for (const symbol of symbols) {
    if (shift === 1 && symbol === 0) {
      out.push(null);
      continue;
    }
    last += unzigzag(symbol - shift);
    if (Math.abs(last) > MAX_MANTISSA) throw new WireError('sample: mantissa out of range');
    out.push(last / scale);
    mantissasOut?.push(last);
  }
  return last;
}

/**
 * Lead III from leads I and II (Einthoven: III = II − I): each sample's mantissa minus (II − I)'s
 * at the same sample. What the device sent arrives exactly, whether it measured III or computed it.
 */
export function derivedSymbols(
  samples: readonly (number | null)[],
  exponent: number,
  basis: DerivationBasis,
): { symbols: number[]; mantissas: number[] } {
  const mantissas = mantissasOf(samples, exponent);
  const symbols = mantissas.map((mantissa, k) => zigzag(mantissa - (basis.leadII[k] - basis.leadI[k])));
  return { symbols, mantissas };
}

export function samplesFromDerived(
  symbols: readonly number[],
  exponent: number,
  basis: DerivationBasis,
  out: (number | null)[],
): number[] {
  const scale = POW10[exponent];
  return symbols.map((symbol, k) => {
    const mantissa = basis.leadII[k] - basis.leadI[k] + unzigzag(symbol);
    if (Math.abs(mantissa) > MAX_MANTISSA) throw new WireError('sample: mantissa out of range');
    out.push(mantissa / scale);
    return mantissa;
  });
}

function varuintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length++;
  return length;
}

/** The Rice parameter a new record should use, or null when varints are as short. */
export function riceChoice(symbols: readonly number[]): number | null {
  const k = bestRiceK(symbols);
  const riceBytes = 1 + Math.ceil(riceBits(symbols, k) / 8);
  const varintBytes = symbols.reduce((sum, s) => sum + varuintLength(s), 0);
  return riceBytes < varintBytes ? k : null;
}

/** Writes symbols as the encoding says: Rice with parameter `riceK` (RICE set), else varints. */
export function writeSymbols(
  writer: ByteWriter,
  symbols: readonly number[],
  encoding: number,
  riceK: number,
): void {
  if (encoding & RICE) return writeRice(writer, symbols, riceK);
  for (const symbol of symbols) writer.varuint(symbol);
}

export function readSymbols(reader: ByteReader, count: number, encoding: number, riceK: number): number[] {
  if (encoding & RICE) return readRice(reader, count, riceK);
  if (count > reader.remaining) throw new WireError(`truncated message: ${count} samples`);
  return Array.from({ length: count }, () => reader.varuint('sample'));
}

export function writeFloatSamples(writer: ByteWriter, samples: readonly (number | null)[]): void {
  for (const sample of samples) writer.f64(sample ?? Number.NaN);
}

export function readFloatSamples(reader: ByteReader, count: number, out: (number | null)[]): void {
  if (count * 8 > reader.remaining) throw new WireError(`truncated message: ${count} samples`);
  for (let i = 0; i < count; i++) {
    const value = reader.f64('sample');
    if (Number.isNaN(value)) out.push(null);
    else if (Number.isFinite(value)) out.push(value);
    else throw new WireError('sample: not a finite number');
  }
}
