import { STATUS_FLAGS, isoTimeOf, type Reading, type StatusFlag } from '../domain/readings';
import { type ByteReader, WireError } from './bytes';
import type { DecoderDictionary, Series } from './decoder-dictionary';
import type { BatchMessage } from './messages';
import { readNumericValue, readSamples } from './number-codec';
import { predictedStartMs, type WaveRun } from './batch-writer';
import { HAS_NULLS, LIMITS, MAX_TIME_MS, MIN_TIME_MS, RECORD_TYPE } from './wire-format';

/**
 * Reads a `batch` body (after the header byte) into readings, resolving indices through the
 * session's dictionaries. Everything is checked against what a valid reading may hold, so a batch
 * either decodes into schema-valid readings or is refused whole.
 */
export function readBatch(reader: ByteReader, dictionary: DecoderDictionary): BatchMessage {
  const seq = reader.varuint('seq');
  const baseMs = dictionary.epochMs + reader.varint('base time');
  const count = reader.varuint('record count');
  if (count > LIMITS.recordsPerBatch || count > reader.remaining)
    throw new WireError(`record count ${count} too large`);
  const state = new BatchState(reader, dictionary, baseMs);
  for (let i = 0; i < count; i++) state.readRecord();
  return { kind: 'batch', seq, readings: state.readings, skipped: state.skipped };
}

class BatchState {
  readonly readings: Reading[] = [];
  skipped = 0;
  private readonly runs = new Map<number, WaveRun>();

  constructor(
    private readonly reader: ByteReader,
    private readonly dictionary: DecoderDictionary,
    private readonly baseMs: number,
  ) {}

  readRecord(): void {
    const head = this.reader.varuint('record head');
    const key = Math.floor(head / 4);
    const type = head % 4;
    if (type === RECORD_TYPE.status) return this.readStatus(key);
    const series = this.dictionary.series[key];
    if (series === undefined) throw new WireError(`record refers to unknown series ${key}`);
    if ((type === RECORD_TYPE.numeric) !== (series.rateHz === null)) {
      throw new WireError(`series ${key} used by the wrong record type`);
    }
    if (type === RECORD_TYPE.numeric) return this.readNumeric(series);
    return this.readWaveform(key, series, type === RECORD_TYPE.continuation);
  }

  private time(what: string, ms: number): string {
    if (!(ms >= MIN_TIME_MS && ms <= MAX_TIME_MS)) throw new WireError(`${what} out of range`);
    return isoTimeOf(ms);
  }

  private readNumeric(series: Series): void {
    const time = this.time('time', this.baseMs + this.reader.varint('time'));
    const value = readNumericValue(this.reader, 'value');
    if (series.metric === null) return void this.skipped++;
    this.readings.push({
      type: 'numeric',
      device: series.device,
      metric: series.metric,
      value,
      unit: series.unit,
      time,
    });
  }

  private readWaveform(key: number, series: Series, continuation: boolean): void {
    const { reader } = this;
    const rateHz = series.rateHz ?? 0;
    let startMs: number;
    let encoding: number;
    let count: number;
    let previous = 0;
    if (continuation) {
      const run = this.runs.get(key);
      if (run === undefined)
        throw new WireError(`continuation of series ${key} without a record to continue`);
      count = reader.varuint('sample count');
      startMs = predictedStartMs(run) + reader.varint('start');
      encoding = run.encoding;
      previous = run.lastMantissa;
    } else {
      startMs = this.baseMs + reader.varint('start');
      encoding = reader.u8('sample encoding');
      if ((encoding & ~(HAS_NULLS | 0x0f)) !== 0) throw new WireError(`unknown sample encoding ${encoding}`);
      count = reader.varuint('sample count');
    }
    if (count > LIMITS.samplesPerWaveform)
      throw new WireError(`${count} samples, more than ${LIMITS.samplesPerWaveform}`);
    const start = this.time('start', startMs);
    const samples: (number | null)[] = [];
    const lastMantissa = readSamples(reader, count, encoding, previous, samples);
    this.runs.set(key, { encoding, startMs, count, rateHz, lastMantissa });
    if (series.metric === null) return void this.skipped++;
    this.readings.push({
      type: 'waveform',
      device: series.device,
      metric: series.metric,
      unit: series.unit,
      rateHz,
      start,
      samples,
    });
  }

  private readStatus(key: number): void {
    const device = this.dictionary.devices[key];
    if (device === undefined) throw new WireError(`status refers to unknown device ${key}`);
    const time = this.time('time', this.baseMs + this.reader.varint('time'));
    const form = this.reader.varuint('status flags');
    const size = Math.floor(form / 2);
    const indices: number[] = [];
    if (form % 2 === 1) {
      if (size > STATUS_FLAGS.length * 4) throw new WireError(`${size} status flags`);
      for (let i = 0; i < size; i++) indices.push(this.reader.varuint('status flag'));
    } else {
      if (size > LIMITS.flagMaskBytes) throw new WireError(`status mask of ${size} bytes`);
      for (let byte = 0; byte < size; byte++) {
        const bits = this.reader.u8('status mask');
        for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) indices.push(byte * 8 + bit);
      }
    }
    const flags: StatusFlag[] = [];
    for (const index of indices) {
      if (index < STATUS_FLAGS.length) flags.push(STATUS_FLAGS[index]);
      else this.skipped++;
    }
    if (flags.length > STATUS_FLAGS.length) throw new WireError(`${flags.length} status flags`);
    this.readings.push({ type: 'status', device, flags, time });
  }
}
