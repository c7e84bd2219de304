import { STATUS_FLAGS, isoTimeOf, type Reading, type StatusFlag } from '../domain/readings';
import { type ByteReader, WireError } from './bytes';
import type { DecoderDictionary, Series } from './decoder-dictionary';
import type { BatchMessage } from './messages';
import { derivationBasis, LEAD_I, LEAD_II, LEAD_III } from './einthoven';
import { readNumericValue } from './number-codec';
import { MAX_RICE_K, nextRiceK } from './rice';
import { readFloatSamples, readSymbols, samplesFromDeltas, samplesFromDerived } from './sample-codec';
import { exactIntegers, predictedStartMs, type WaveRun } from './wave-run';
import {
  DERIVED,
  EXPONENT_MASK,
  FLOAT64_ENCODING,
  HAS_NULLS,
  LIMITS,
  MAX_TIME_MS,
  MIN_TIME_MS,
  RECORD_TYPE,
  RECORD_TYPES,
  RICE,
} from './wire-format';

const KNOWN_ENCODING_BITS = EXPONENT_MASK | HAS_NULLS | DERIVED | RICE;

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
    const key = Math.floor(head / RECORD_TYPES);
    const type = head % RECORD_TYPES;
    if (type > RECORD_TYPE.onTime) throw new WireError(`unknown record type ${type}`);
    if (type === RECORD_TYPE.status) return this.readStatus(key);
    const series = this.dictionary.series[key];
    if (series === undefined) throw new WireError(`record refers to unknown series ${key}`);
    if ((type === RECORD_TYPE.numeric) !== (series.rateHz === null)) {
      throw new WireError(`series ${key} used by the wrong record type`);
    }
    if (type === RECORD_TYPE.numeric) return this.readNumeric(series);
    return this.readWaveform(key, series, type);
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

  private readWaveform(key: number, series: Series, type: number): void {
    const { reader } = this;
    const rateHz = series.rateHz ?? 0;
    let startMs: number;
    let encoding: number;
    let count: number;
    let previous = 0;
    let riceK = 0;
    if (type === RECORD_TYPE.waveform) {
      startMs = this.baseMs + reader.varint('start');
      encoding = reader.u8('sample encoding');
      const float = (encoding & EXPONENT_MASK) === FLOAT64_ENCODING;
      const derivedBadly = (encoding & DERIVED) !== 0 && !exactIntegers(encoding);
      if ((encoding & ~KNOWN_ENCODING_BITS) !== 0 || derivedBadly || (float && (encoding & RICE) !== 0))
        throw new WireError(`unknown sample encoding ${encoding}`);
      count = reader.varuint('sample count');
      if (encoding & RICE) riceK = reader.u8('rice parameter');
      if (riceK > MAX_RICE_K) throw new WireError(`rice parameter ${riceK}`);
    } else {
      const run = this.runs.get(key);
      if (run === undefined)
        throw new WireError(`continuation of series ${key} without a record to continue`);
      const onTime = type === RECORD_TYPE.onTime;
      count = onTime ? run.count : reader.varuint('sample count');
      startMs = predictedStartMs(run) + (onTime ? 0 : reader.varint('start'));
      encoding = run.encoding;
      previous = run.lastMantissa;
      riceK = run.riceK;
    }
    if (count > LIMITS.samplesPerWaveform)
      throw new WireError(`${count} samples, more than ${LIMITS.samplesPerWaveform}`);
    const start = this.time('start', startMs);
    const samples: (number | null)[] = [];
    const exponent = encoding & EXPONENT_MASK;
    let lastMantissa = previous;
    let mantissas: number[] | null = null;
    let symbols: number[] = [];
    if (exponent === FLOAT64_ENCODING) readFloatSamples(reader, count, samples);
    else if ((encoding & DERIVED) !== 0) {
      const basis = this.leadIIIBasis(series, startMs, count, exponent);
      symbols = readSymbols(reader, count, encoding, riceK);
      lastMantissa = samplesFromDerived(symbols, exponent, basis, samples).at(-1) ?? previous;
    } else {
      const leadIorII = series.metric === LEAD_I || series.metric === LEAD_II;
      if (leadIorII && exactIntegers(encoding)) mantissas = [];
      symbols = readSymbols(reader, count, encoding, riceK);
      lastMantissa = samplesFromDeltas(symbols, encoding, previous, samples, mantissas ?? undefined);
    }
    this.runs.set(key, {
      encoding,
      startMs,
      count,
      rateHz,
      lastMantissa,
      mantissas,
      riceK: nextRiceK(symbols),
    });
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

  /** Leads I and II of this batch that a derived lead III record is taken from; refused if absent. */
  private leadIIIBasis(
    series: Series,
    startMs: number,
    count: number,
    exponent: number,
  ): NonNullable<ReturnType<typeof derivationBasis>> {
    const runOf = (metric: typeof LEAD_I | typeof LEAD_II): WaveRun | undefined => {
      const index = this.dictionary.indexOf(series.device, metric, series.unit, series.rateHz);
      return index === undefined ? undefined : this.runs.get(index);
    };
    const basis =
      series.metric === LEAD_III ? derivationBasis(runOf(LEAD_I), runOf(LEAD_II), startMs, count) : null;
    if (basis === null || basis.exponent !== exponent)
      throw new WireError('derived samples without leads I and II of the same samples');
    return basis;
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
