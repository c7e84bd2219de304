/**
 * Waveform samples ↔ a compact BLOB, losslessly. Devices deliver ADC counts, or counts scaled to
 * a fixed number of decimals (pleth 0–100, ECG in mV to 3 decimals): those fit a 16-bit integer
 * times 10^-k, 2 bytes a sample. Each chunk tries the smallest encoding whose decode gives back
 * exactly the same doubles (checked, not assumed), falling back to Float64, so nothing recorded
 * ever differs from what the device said. A null sample (device-flagged invalid) is a reserved
 * value: the integer minimum, or NaN (readings are finite).
 */
export const SAMPLE_ENCODINGS = { int16: 1, float32: 2, int32: 3, float64: 4 } as const;
export type SampleEncoding = (typeof SAMPLE_ENCODINGS)[keyof typeof SAMPLE_ENCODINGS];

export interface EncodedSamples {
  readonly encoding: SampleEncoding;
  /** Integer encodings: stored = value × 10^scaleExp. */
  readonly scaleExp: number;
  readonly bytes: Uint8Array;
}

const MAX_SCALE_EXP = 6;
const INT16_NULL = -32768;
const INT32_NULL = -2147483648;

export function encodeSamples(samples: readonly (number | null)[]): EncodedSamples {
  const exp = smallestExactScale(samples);
  if (exp !== null) {
    const scale = 10 ** exp;
    const fitsInt16 = samples.every((s) => s === null || Math.abs(Math.round(s * scale)) <= 32767);
    if (fitsInt16) return integerBlob(samples, exp, SAMPLE_ENCODINGS.int16);
  }
  if (samples.every((s) => s === null || Math.fround(s) === s))
    return floatBlob(samples, SAMPLE_ENCODINGS.float32);
  if (exp !== null && samples.every((s) => s === null || Math.abs(Math.round(s * 10 ** exp)) <= 2147483647))
    return integerBlob(samples, exp, SAMPLE_ENCODINGS.int32);
  return floatBlob(samples, SAMPLE_ENCODINGS.float64);
}

export function decodeSamples(
  encoding: number,
  scaleExp: number,
  bytes: Uint8Array,
  count: number,
): (number | null)[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number | null>(count);
  const scale = 10 ** scaleExp;
  for (let i = 0; i < count; i++) {
    switch (encoding) {
      case SAMPLE_ENCODINGS.int16: {
        const v = view.getInt16(i * 2, true);
        out[i] = v === INT16_NULL ? null : v / scale;
        break;
      }
      case SAMPLE_ENCODINGS.int32: {
        const v = view.getInt32(i * 4, true);
        out[i] = v === INT32_NULL ? null : v / scale;
        break;
      }
      case SAMPLE_ENCODINGS.float32: {
        const v = view.getFloat32(i * 4, true);
        out[i] = Number.isNaN(v) ? null : v;
        break;
      }
      case SAMPLE_ENCODINGS.float64: {
        const v = view.getFloat64(i * 8, true);
        out[i] = Number.isNaN(v) ? null : v;
        break;
      }
      default:
        throw new Error(`unknown sample encoding ${encoding}`);
    }
  }
  return out;
}

/** The smallest k ≤ 6 with round(x·10^k)/10^k === x for every sample, or null. */
function smallestExactScale(samples: readonly (number | null)[]): number | null {
  let exp = 0;
  for (const s of samples) {
    if (s === null) continue;
    while (exp <= MAX_SCALE_EXP && Math.round(s * 10 ** exp) / 10 ** exp !== s) exp++;
    if (exp > MAX_SCALE_EXP) return null;
  }
  return exp;
}

function integerBlob(
  samples: readonly (number | null)[],
  exp: number,
  encoding: SampleEncoding,
): EncodedSamples {
  const width = encoding === SAMPLE_ENCODINGS.int16 ? 2 : 4;
  const bytes = new Uint8Array(samples.length * width);
  const view = new DataView(bytes.buffer);
  const scale = 10 ** exp;
  samples.forEach((s, i) => {
    if (width === 2) view.setInt16(i * 2, s === null ? INT16_NULL : Math.round(s * scale), true);
    else view.setInt32(i * 4, s === null ? INT32_NULL : Math.round(s * scale), true);
  });
  return { encoding, scaleExp: exp, bytes };
}

function floatBlob(samples: readonly (number | null)[], encoding: SampleEncoding): EncodedSamples {
  const width = encoding === SAMPLE_ENCODINGS.float32 ? 4 : 8;
  const bytes = new Uint8Array(samples.length * width);
  const view = new DataView(bytes.buffer);
  samples.forEach((s, i) => {
    if (width === 4) view.setFloat32(i * 4, s ?? Number.NaN, true);
    else view.setFloat64(i * 8, s ?? Number.NaN, true);
  });
  return { encoding, scaleExp: 0, bytes };
}
