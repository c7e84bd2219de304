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
