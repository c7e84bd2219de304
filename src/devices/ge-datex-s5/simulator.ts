import { isEpisodic } from '../../shared/domain/metrics';
import type { DeviceSimulator, SimulatorOptions, SimulatorOutput } from '../driver';
import { concatBytes } from '../framing/concat';
import { createPrng } from '../framing/prng';
import { readTransmissionRequest } from './commands';
import { DEFAULT_INTERVAL_S, PHDB_RECORD_TYPE } from './constants';
import { encodeDisplayedRecord } from './device-encoder';
import { FlagFramer, type FrameSink } from './flag-framer';
import { BASIC_FIELDS, checksumOf, type BasicValues } from './frames';
import { MonitorModel, type MonitorSnapshot } from './monitor-model';

export interface GeDatexS5SimulatorOptions extends SimulatorOptions {
  /** Monitor clock at device time 0, seconds since 1970 (the header time is informative only). */
  readonly clockOffsetS?: number;
  /** The record that first holds a cuff result (0 = the first record; default 11). */
  readonly nibpFirstRecord?: number;
  /** Records between cuff results (default 12). */
  readonly nibpEveryRecords?: number;
}

/**
 * An S/5 monitor on the computer interface: after a displayed-values request it sends one
 * basic-class record at once and then one every tx_interval seconds, until a request with interval
 * 0 stops it. It ignores frames with a bad checksum and requests it does not model, as a monitor would.
 * Every record shows the NIBP result the monitor holds; `frames` lists what the decoder emits, so
 * the NIBP values appear only in the record where a result first appears or changes.
 */
export class GeDatexS5Simulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  private readonly model: MonitorModel;
  private readonly framer = new FlagFramer();
  private readonly clockOffsetS: number;
  private autoStartPending: boolean;
  private intervalMs = 0;
  private nextDueMs = 0;
  private recordNumber = 0;
  private pending: SimulatorOutput[] = [];
  private atMs = 0;
  private lastNibpKey: string | null = null;
  private readonly sink: FrameSink = {
    frame: (bytes, length) => this.handleRequest(bytes, length),
    malformed: () => undefined,
  };

  constructor(options: GeDatexS5SimulatorOptions = {}) {
    this.model = new MonitorModel(createPrng(options.seed ?? 1), {
      firstRecord: options.nibpFirstRecord,
      everyRecords: options.nibpEveryRecords,
    });
    this.clockOffsetS = options.clockOffsetS ?? 1_764_000_000;
    this.autoStartPending = options.autoStart ?? false;
  }

  get isStreaming(): boolean {
    return this.intervalMs > 0;
  }

  receive(chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.maybeAutoStart(atMs);
    this.atMs = atMs;
    this.framer.feed(chunk, this.sink);
    return this.flush();
  }

  tick(atMs: number): SimulatorOutput {
    this.maybeAutoStart(atMs);
    while (this.intervalMs > 0 && this.nextDueMs <= atMs) {
      this.pending.push(this.record(this.nextDueMs));
      this.nextDueMs += this.intervalMs;
    }
    return this.flush();
  }

  private handleRequest(bytes: Uint8Array, length: number): void {
    if (checksumOf(bytes, 0, length - 1) !== bytes[length - 1]) return;
    const request = readTransmissionRequest(bytes, length - 1);
    if (request === null || request.recordType !== PHDB_RECORD_TYPE.displayed) return;
    this.start(request.intervalS, this.atMs);
  }

  private start(intervalS: number, atMs: number): void {
    this.intervalMs = intervalS * 1000;
    // A stop ends the station's session: the next one reports the held result afresh.
    if (this.intervalMs === 0) {
      this.lastNibpKey = null;
      return;
    }
    this.pending.push(this.record(atMs));
    this.nextDueMs = atMs + this.intervalMs;
  }

  private maybeAutoStart(atMs: number): void {
    if (!this.autoStartPending) return;
    this.autoStartPending = false;
    this.start(DEFAULT_INTERVAL_S, atMs);
  }

  private record(atMs: number): SimulatorOutput {
    const values = valuesOf(this.model.next());
    const bytes = encodeDisplayedRecord({
      number: this.recordNumber++,
      timeS: this.clockOffsetS + Math.floor(atMs / 1000),
      values,
    });
    const nibpKey = values.filter((_, i) => isEpisodic(BASIC_FIELDS[i].metric)).join(',');
    const nibpIsNew = nibpKey !== this.lastNibpKey;
    this.lastNibpKey = nibpKey;
    const frame: Record<string, number | null> = {};
    BASIC_FIELDS.forEach((field, i) => {
      if (nibpIsNew || !isEpisodic(field.metric)) frame[field.metric] = values[i];
    });
    return { bytes, frames: [frame] };
  }

  private flush(): SimulatorOutput {
    const out = this.pending;
    this.pending = [];
    return { bytes: concatBytes(out.map((o) => o.bytes)), frames: out.flatMap((o) => o.frames) };
  }
}

/** A snapshot in BASIC_FIELDS order. */
function valuesOf(s: MonitorSnapshot): BasicValues {
  const byMetric: Record<string, number | null> = {
    MDC_ECG_HEART_RATE: s.heartRate,
    MDC_PULS_OXIM_SAT_O2: s.spo2,
    MDC_PULS_OXIM_PULS_RATE: s.pulseRate,
    MDC_PRESS_BLD_NONINV_SYS: s.nibp?.sys ?? null,
    MDC_PRESS_BLD_NONINV_DIA: s.nibp?.dia ?? null,
    MDC_PRESS_BLD_NONINV_MEAN: s.nibp?.mean ?? null,
    MDC_PULS_RATE_NON_INV: s.nibp?.pulse ?? null,
    MDC_TEMP: s.temperature,
    MDC_RESP_RATE: s.respirationRate,
  };
  return BASIC_FIELDS.map((f) => byMetric[f.metric]);
}
