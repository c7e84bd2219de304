import type { Reading, StatusReading, WaveformReading } from '../domain/readings';
import { ByteWriter } from './bytes';
import { crc8 } from './crc8';
import type { EncoderDictionary } from './encoder-dictionary';
import { derivationBasis, LEAD_I, LEAD_II, LEAD_III } from './einthoven';
import { encodingCarries, sampleEncodingOf, writeNumericValue } from './number-codec';
import { nextRiceK } from './rice';
import {
  deltaSymbols,
  derivedSymbols,
  mantissasOf,
  riceChoice,
  writeFloatSamples,
  writeSymbols,
} from './sample-codec';
import { FLAG_INDEX, timeOf, unencodableReason } from './reading-checks';
import { exactIntegers, predictedStartMs, type WaveRun } from './wave-run';
import {
  DERIVED,
  EXPONENT_MASK,
  FLOAT64_ENCODING,
  HAS_NULLS,
  RICE,
  MESSAGE_KIND,
  RECORD_TYPE,
  RECORD_TYPES,
  WIRE_VERSION,
} from './wire-format';

/**
 * Builds one `batch` message reading by reading, in order (VITALS-CHANNEL.md §batch). Times are
 * deltas from the batch's base time (its first reading's). A waveform of a series already in the
 * batch, whose samples the same encoding carries, becomes a continuation record: no encoding byte,
 * its start as a residual from where the series' previous record ended (nothing but its head when
 * it has as many samples and starts where that one ended), and sample deltas going on from that
 * record's last sample (so a 3-lead ECG's I, II, III, I, II, III all continue). Lead III goes as its
 * difference from II − I when the batch has both at the same samples (einthoven.ts).
 */
export class BatchWriter {
  private readonly body = new ByteWriter(1024);
  private baseMs = 0;
  private count = 0;
  private readonly runs = new Map<number, WaveRun>();

  constructor(private readonly dictionary: EncoderDictionary) {}

  get readingCount(): number {
    return this.count;
  }

  /** Body bytes so far (the header adds at most 26). */
  get byteLength(): number {
    return this.body.byteLength;
  }

  /** Appends a reading; returns why it was left out (nothing written), or null. */
  append(reading: Reading): string | null {
    const reason = unencodableReason(reading);
    if (reason !== null) return reason;
    const timeMs = timeOf(reading.type === 'waveform' ? reading.start : reading.time);
    if (this.count === 0) this.baseMs = timeMs;
    const written =
      reading.type === 'waveform'
        ? this.writeWaveform(reading, timeMs)
        : reading.type === 'status'
          ? this.writeStatus(reading, timeMs)
          : this.writeNumeric(reading.device, reading.metric, reading.unit, reading.value, timeMs);
    if (!written) return 'dictionary full';
    this.count++;
    return null;
  }

  /** Forgets what was appended (a reading too large for any message). */
  discard(): void {
    this.body.reset();
    this.count = 0;
    this.runs.clear();
  }

  /** The finished message; the writer is empty again afterwards. */
  finish(seq: number, epochMs: number): Uint8Array {
    const out = new ByteWriter(this.body.byteLength + 32);
    out.u8((WIRE_VERSION << 4) | MESSAGE_KIND.batch);
    out.varuint(seq);
    out.varint(this.baseMs - epochMs);
    out.varuint(this.count);
    out.bytes(this.body.toBytes());
    out.u8(crc8(out.toBytes()));
    this.body.reset();
    this.count = 0;
    this.runs.clear();
    return out.toBytes();
  }

  private writeNumeric(
    device: string,
    metric: string,
    unit: string,
    value: number | null,
    timeMs: number,
  ): boolean {
    const series = this.dictionary.seriesIndex(device, metric, unit, null);
    if (series === null) return false;
    this.body.varuint(series * RECORD_TYPES + RECORD_TYPE.numeric);
    this.body.varint(timeMs - this.baseMs);
    writeNumericValue(this.body, value);
    return true;
  }

  private writeStatus(reading: StatusReading, timeMs: number): boolean {
    const device = this.dictionary.deviceIndex(reading.device);
    if (device === null) return false;
    this.body.varuint(device * RECORD_TYPES + RECORD_TYPE.status);
    this.body.varint(timeMs - this.baseMs);
    const indices = reading.flags.map((flag) => FLAG_INDEX.get(flag) ?? 0);
    const ascending = indices.every((index, i) => i === 0 || index > indices[i - 1]);
    if (!ascending) {
      // Duplicates or an unusual order: a list keeps the reading exactly as it was.
      this.body.varuint(indices.length * 2 + 1);
      for (const index of indices) this.body.varuint(index);
      return true;
    }
    const mask = new Uint8Array(indices.length === 0 ? 0 : (indices[indices.length - 1] >> 3) + 1);
    for (const index of indices) mask[index >> 3] |= 1 << (index & 7);
    this.body.varuint(mask.length * 2);
    this.body.bytes(mask);
    return true;
  }

  private writeWaveform(reading: WaveformReading, startMs: number): boolean {
    const series = this.dictionary.seriesIndex(reading.device, reading.metric, reading.unit, reading.rateHz);
    if (series === null) return false;
    const { samples } = reading;
    const run = this.runs.get(series);
    const basis = this.leadIIIBasis(reading, startMs);
    const derivedAt = (encoding: number): boolean =>
      basis !== null && (encoding & (EXPONENT_MASK | HAS_NULLS)) === basis.exponent;
    const continues =
      run !== undefined &&
      encodingCarries(run.encoding, samples) &&
      ((run.encoding & DERIVED) !== 0) === derivedAt(run.encoding);
    let encoding = continues ? run.encoding : sampleEncodingOf(samples);
    if (!continues && basis !== null && encodingCarries(basis.exponent, samples))
      encoding = basis.exponent | DERIVED;
    const exponent = encoding & EXPONENT_MASK;
    const float = exponent === FLOAT64_ENCODING;
    const previous = continues ? run.lastMantissa : 0;
    const coded = float
      ? null
      : basis !== null && (encoding & DERIVED) !== 0
        ? derivedSymbols(samples, exponent, basis)
        : deltaSymbols(samples, encoding, previous);
    const riceK = continues ? run.riceK : coded === null ? null : riceChoice(coded.symbols);
    if (!continues && riceK !== null) encoding |= RICE;

    if (continues) {
      const predicted = predictedStartMs(run);
      if (samples.length === run.count && startMs === predicted) {
        this.body.varuint(series * RECORD_TYPES + RECORD_TYPE.onTime);
      } else {
        this.body.varuint(series * RECORD_TYPES + RECORD_TYPE.continuation);
        this.body.varuint(samples.length);
        this.body.varint(startMs - predicted);
      }
    } else {
      this.body.varuint(series * RECORD_TYPES + RECORD_TYPE.waveform);
      this.body.varint(startMs - this.baseMs);
      this.body.u8(encoding);
      this.body.varuint(samples.length);
      if (encoding & RICE) this.body.u8(riceK ?? 0);
    }
    if (coded === null) writeFloatSamples(this.body, samples);
    else writeSymbols(this.body, coded.symbols, encoding, riceK ?? 0);

    const leadIorII = reading.metric === LEAD_I || reading.metric === LEAD_II;
    const derived = coded !== null && 'mantissas' in coded;
    this.runs.set(series, {
      encoding,
      startMs,
      count: samples.length,
      rateHz: reading.rateHz,
      lastMantissa: coded === null ? previous : derived ? (coded.mantissas.at(-1) ?? previous) : coded.last,
      mantissas: leadIorII && !derived && exactIntegers(encoding) ? mantissasOf(samples, exponent) : null,
      riceK: coded === null ? 0 : nextRiceK(coded.symbols),
    });
    return true;
  }

  /** Leads I and II of the same samples in this batch, when `reading` is a lead III that fits them. */
  private leadIIIBasis(reading: WaveformReading, startMs: number): ReturnType<typeof derivationBasis> {
    if (reading.metric !== LEAD_III || reading.samples.some((sample) => sample === null)) return null;
    const runOf = (metric: string): WaveRun | undefined => {
      const index = this.dictionary.knownSeries(reading.device, metric, reading.unit, reading.rateHz);
      return index === undefined ? undefined : this.runs.get(index);
    };
    return derivationBasis(runOf(LEAD_I), runOf(LEAD_II), startMs, reading.samples.length);
  }
}
