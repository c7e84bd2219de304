import type { Reading, StatusReading, WaveformReading } from '../domain/readings';
import { ByteWriter } from './bytes';
import { crc8 } from './crc8';
import type { EncoderDictionary } from './encoder-dictionary';
import { encodingCarries, sampleEncodingOf, writeNumericValue, writeSamples } from './number-codec';
import { FLAG_INDEX, timeOf, unencodableReason } from './reading-checks';
import { MESSAGE_KIND, RECORD_TYPE, WIRE_VERSION } from './wire-format';

/** The last waveform record of a series in the batch, which a continuation record extends. */
export interface WaveRun {
  readonly encoding: number;
  readonly startMs: number;
  readonly count: number;
  readonly rateHz: number;
  readonly lastMantissa: number;
}

/** Where a continuation is expected to start: the sample after the previous record's last. */
export function predictedStartMs(run: { startMs: number; count: number; rateHz: number }): number {
  return run.startMs + Math.round((run.count * 1000) / run.rateHz);
}

/**
 * Builds one `batch` message reading by reading, in order (VITALS-CHANNEL.md §batch). Times are
 * deltas from the batch's base time (its first reading's). A waveform of a series already in the
 * batch, whose samples the same encoding carries, becomes a continuation record: no encoding byte,
 * its start as a residual from where the series' previous record ended, and sample deltas going on
 * from that record's last sample (so a 3-lead ECG's I, II, III, I, II, III all continue).
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
    this.body.varuint(series * 4 + RECORD_TYPE.numeric);
    this.body.varint(timeMs - this.baseMs);
    writeNumericValue(this.body, value);
    return true;
  }

  private writeStatus(reading: StatusReading, timeMs: number): boolean {
    const device = this.dictionary.deviceIndex(reading.device);
    if (device === null) return false;
    this.body.varuint(device * 4 + RECORD_TYPE.status);
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
    let encoding: number;
    let previous = 0;
    if (run !== undefined && encodingCarries(run.encoding, samples)) {
      encoding = run.encoding;
      previous = run.lastMantissa;
      this.body.varuint(series * 4 + RECORD_TYPE.continuation);
      this.body.varuint(samples.length);
      this.body.varint(startMs - predictedStartMs(run));
    } else {
      encoding = sampleEncodingOf(samples);
      this.body.varuint(series * 4 + RECORD_TYPE.waveform);
      this.body.varint(startMs - this.baseMs);
      this.body.u8(encoding);
      this.body.varuint(samples.length);
    }
    const lastMantissa = writeSamples(this.body, samples, encoding, previous);
    this.runs.set(series, { encoding, startMs, count: samples.length, rateHz: reading.rateHz, lastMantissa });
    return true;
  }
}
