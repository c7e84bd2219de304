import { type ByteReader, type ByteWriter, WireError } from './bytes';
import {
  FLOAT64_ENCODING,
  FLOAT64_TAG,
  HAS_NULLS,
  MAX_DECIMAL_EXPONENT,
  MAX_MANTISSA,
  NULL_TAG,
} from './wire-format';

/**
 * Numbers as the smallest exact encoding: a value v with at most e decimals travels as the integer
 * m = v × 10^e (e = 0..14), and the receiver computes m / 10^e, which is bit-for-bit v (both are
 * the double nearest the same decimal). Anything else (0.1 + 0.2, 1e300) travels as raw float64.
 * Nothing is rounded: a mV sample with 3 decimals (1 µV) or 4 (0.1 µV) arrives exactly as sent.
 */

const POW10 = Array.from({ length: MAX_DECIMAL_EXPONENT + 1 }, (_, e) => 10 ** e);

function fits(value: number, exponent: number): boolean {
  const scale = POW10[exponent];
  const mantissa = Math.round(value * scale);
  return Math.abs(mantissa) <= MAX_MANTISSA && mantissa / scale === value;
}

/** Smallest decimal exponent that carries `value` exactly, or FLOAT64_ENCODING. */
export function exponentOf(value: number, from = 0): number {
  for (let e = from; e <= MAX_DECIMAL_EXPONENT; e++) if (fits(value, e)) return e;
  return FLOAT64_ENCODING;
}

export function writeNumericValue(writer: ByteWriter, value: number | null): void {
  if (value === null) return writer.u8(NULL_TAG);
  const exponent = exponentOf(value);
  if (exponent === FLOAT64_ENCODING) {
    writer.u8(FLOAT64_TAG);
    return writer.f64(value);
  }
  writer.u8(exponent + 1);
  writer.varint(Math.round(value * POW10[exponent]));
}

export function readNumericValue(reader: ByteReader, what: string): number | null {
  const tag = reader.u8(what);
  if (tag === NULL_TAG) return null;
  if (tag === FLOAT64_TAG) {
    const value = reader.f64(what);
    if (!Number.isFinite(value)) throw new WireError(`${what}: not a finite number`);
    return value;
  }
  if (tag > MAX_DECIMAL_EXPONENT + 1) throw new WireError(`${what}: unknown value tag ${tag}`);
  const mantissa = reader.varint(what);
  if (Math.abs(mantissa) > MAX_MANTISSA) throw new WireError(`${what}: mantissa out of range`);
  return mantissa / POW10[tag - 1];
}

/** Encoding byte of a run of samples: the exponent (or FLOAT64_ENCODING), | HAS_NULLS if any. */
export function sampleEncodingOf(samples: readonly (number | null)[]): number {
  let exponent = 0;
  let nulls = 0;
  for (const sample of samples) {
    if (sample === null) nulls = HAS_NULLS;
    else if (exponent !== FLOAT64_ENCODING && !fits(sample, exponent))
      exponent = exponentOf(sample, exponent + 1);
  }
  // A larger exponent can push an earlier, larger sample past MAX_MANTISSA: then float64 it is.
  const encoding = exponent | nulls;
  return exponent === FLOAT64_ENCODING || encodingCarries(encoding, samples)
    ? encoding
    : FLOAT64_ENCODING | nulls;
}

/** True when `encoding` carries every sample exactly (a continuation reuses the previous one's). */
export function encodingCarries(encoding: number, samples: readonly (number | null)[]): boolean {
  const exponent = encoding & 0x0f;
  for (const sample of samples) {
    if (sample === null) {
      if ((encoding & HAS_NULLS) === 0) return false;
    } else if (exponent !== FLOAT64_ENCODING && !fits(sample, exponent)) return false;
  }
  return true;
}

/**
 * Writes samples: float64 each (NaN = null), or mantissa deltas as zigzag varints, shifted by one
 * when the run has nulls so 0 can mark a null. `previous` is the mantissa the first delta is taken
 * from (0, or the last one of the continued record); returns the last non-null mantissa.
 */
export function writeSamples(
  writer: ByteWriter,
  samples: readonly (number | null)[],
  encoding: number,
  previous: number,
): number {
  const exponent = encoding & 0x0f;
  if (exponent === FLOAT64_ENCODING) {
    for (const sample of samples) writer.f64(sample ?? Number.NaN);
    return previous;
  }
  const scale = POW10[exponent];
  const shift = encoding & HAS_NULLS ? 1 : 0;
  let last = previous;
  for (const sample of samples) {
    if (sample === null) {
      writer.u8(0);
      continue;
    }
    const mantissa = Math.round(sample * scale);
    const delta = mantissa - last;
    writer.varuint((delta >= 0 ? delta * 2 : -delta * 2 - 1) + shift);
    last = mantissa;
  }
  return last;
}

export function readSamples(
  reader: ByteReader,
  count: number,
  encoding: number,
  previous: number,
  out: (number | null)[],
  mantissasOut?: number[],
): number {
  const exponent = encoding & 0x0f;
  const bytesPerSample = exponent === FLOAT64_ENCODING ? 8 : 1;
  if (count * bytesPerSample > reader.remaining) throw new WireError(`truncated message: ${count} samples`);
  if (exponent === FLOAT64_ENCODING) {
    for (let i = 0; i < count; i++) {
      const value = reader.f64('sample');
      if (Number.isNaN(value)) out.push(null);
      else if (Number.isFinite(value)) out.push(value);
      else throw new WireError('sample: not a finite number');
    }
    return previous;
  }
  if (exponent > MAX_DECIMAL_EXPONENT) throw new WireError(`sample encoding ${encoding}: unknown exponent`);
  const scale = POW10[exponent];
  const shift = encoding & HAS_NULLS ? 1 : 0;
  let last = previous;
  for (let i = 0; i < count; i++) {
    const symbol = reader.varuint('sample');
    if (shift === 1 && symbol === 0) {
      out.push(null);
      continue;
    }
    const zz = symbol - shift;
    last += zz % 2 === 0 ? zz / 2 : -(zz + 1) / 2;
    if (Math.abs(last) > MAX_MANTISSA) throw new WireError('sample: mantissa out of range');
    out.push(last / scale);
    mantissasOut?.push(last);
  }
  return last;
}

/** The integers a run of samples travels as (no nulls; an exponent, not float64). */
export function mantissasOf(samples: readonly (number | null)[], exponent: number): number[] {
  const scale = POW10[exponent];
  return samples.map((sample) => Math.round((sample ?? 0) * scale));
}

/**
 * Lead III from leads I and II (Einthoven: III = II − I): each sample as the zigzag varint of its
 * mantissa minus (II − I)'s at the same sample. What the device sent arrives exactly: a device
 * whose III is exactly II − I costs one byte a sample, one that measures III on its own (noise,
 * rounding) a little more, never more than its difference.
 */
export function writeDerived(
  writer: ByteWriter,
  samples: readonly (number | null)[],
  exponent: number,
  basis: DerivationBasis,
): number[] {
  const mantissas = mantissasOf(samples, exponent);
  mantissas.forEach((mantissa, k) => {
    const residual = mantissa - (basis.leadII[k] - basis.leadI[k]);
    writer.varuint(residual >= 0 ? residual * 2 : -residual * 2 - 1);
  });
  return mantissas;
}

export function readDerived(
  reader: ByteReader,
  count: number,
  exponent: number,
  basis: DerivationBasis,
  out: (number | null)[],
): number[] {
  if (count > reader.remaining) throw new WireError(`truncated message: ${count} samples`);
  const scale = POW10[exponent];
  const mantissas: number[] = [];
  for (let k = 0; k < count; k++) {
    const symbol = reader.varuint('sample');
    const mantissa = basis.leadII[k] - basis.leadI[k] + (symbol % 2 === 0 ? symbol / 2 : -(symbol + 1) / 2);
    if (Math.abs(mantissa) > MAX_MANTISSA) throw new WireError('sample: mantissa out of range');
    mantissas.push(mantissa);
    out.push(mantissa / scale);
  }
  return mantissas;
}

/** Leads I and II of the same samples, as mantissas of the same exponent. */
export interface DerivationBasis {
  readonly leadI: readonly number[];
  readonly leadII: readonly number[];
}
