import type { DecodeEvent } from '../driver';
import type { Reading } from '../../shared/domain/readings';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import type { MetricId } from '../../shared/domain/metrics';
import { flagNames, VOIDING_MASK } from './oximetry-flags';

/**
 * Turns decoded pulse-oximeter frames into readings (design §3), shared by every oximeter driver:
 * - pleth samples become one waveform reading per contiguous run of samples in a push;
 * - SpO2, pulse rate and perfusion index become numerics when the value changes, and at least once
 *   per second of device time (monitors refresh numerics at 1 Hz; 60 identical values a second
 *   would only load the bus, the recorder and the data channel);
 * - status flags become a status reading whenever the active set changes (and on the first frame),
 *   before the frame's numerics, so the reading guard (validity/guarded-decoder.ts) voids them;
 *   when a voiding flag (probe off, searching…) comes or goes, every numeric is re-sent at once.
 */

export const METRIC = {
  spo2: 'MDC_PULS_OXIM_SAT_O2',
  pulseRate: 'MDC_PULS_OXIM_PULS_RATE',
  perfusionIndex: 'MDC_PULS_OXIM_PERF_REL',
  pleth: 'MDC_PULS_OXIM_PLETH',
} as const satisfies Record<string, MetricId>;

export const NUMERIC_REFRESH_MS = 1000;

/** One frame's worth of values; `null` = the device marks the value invalid. */
export interface OximetryFrame {
  spo2: number | null;
  pulseRate: number | null;
  /** Percent; `undefined` when the protocol has no perfusion index at all. */
  perfusionIndex: number | null | undefined;
  pleth: number | null;
  /** OXIMETRY_FLAG bits. */
  flags: number;
}

export function emptyOximetryFrame(): OximetryFrame {
  return { spo2: null, pulseRate: null, perfusionIndex: undefined, pleth: null, flags: 0 };
}

/** Last emitted value and time of one numeric metric. */
class NumericThrottle {
  private lastValue: number | null | undefined = undefined;
  private lastEmitMs = Number.NEGATIVE_INFINITY;

  shouldEmit(value: number | null, timeMs: number): boolean {
    // Half a millisecond of slack: 60 periods of 16.67 ms may sum to 999.99… in floating point.
    if (value === this.lastValue && timeMs - this.lastEmitMs < NUMERIC_REFRESH_MS - 0.5) return false;
    this.lastValue = value;
    this.lastEmitMs = timeMs;
    return true;
  }

  reset(): void {
    this.lastValue = undefined;
    this.lastEmitMs = Number.NEGATIVE_INFINITY;
  }
}

export class OximetryReadingEmitter {
  private readonly spo2 = new NumericThrottle();
  private readonly pulseRate = new NumericThrottle();
  private readonly perfusionIndex = new NumericThrottle();
  private readonly iso = new IsoTimeFormatter();
  private lastFlags = -1;
  private runSamples: (number | null)[] = [];
  private runStartMs = 0;

  constructor(
    private readonly device: string,
    private readonly rateHz: number,
  ) {}

  /** Adds one frame measured at `timeMs` (device time from the sample clock). */
  add(frame: OximetryFrame, timeMs: number, events: DecodeEvent[]): void {
    if (frame.flags !== this.lastFlags) {
      if (((frame.flags & VOIDING_MASK) === 0) !== ((this.lastFlags & VOIDING_MASK) === 0))
        this.resendNumerics();
      this.lastFlags = frame.flags;
      this.emit(events, {
        type: 'status',
        device: this.device,
        flags: flagNames(frame.flags),
        time: this.iso.format(timeMs),
      });
    }
    if (this.spo2.shouldEmit(frame.spo2, timeMs)) this.numeric(events, METRIC.spo2, frame.spo2, '%', timeMs);
    if (this.pulseRate.shouldEmit(frame.pulseRate, timeMs)) {
      this.numeric(events, METRIC.pulseRate, frame.pulseRate, '/min', timeMs);
    }
    if (frame.perfusionIndex !== undefined && this.perfusionIndex.shouldEmit(frame.perfusionIndex, timeMs)) {
      this.numeric(events, METRIC.perfusionIndex, frame.perfusionIndex, '%', timeMs);
    }
    if (this.runSamples.length === 0) this.runStartMs = timeMs;
    this.runSamples.push(frame.pleth);
  }

  /** Ends the current waveform run (samples were lost, or the push is over). */
  endRun(events: DecodeEvent[]): void {
    if (this.runSamples.length === 0) return;
    this.emit(events, {
      type: 'waveform',
      device: this.device,
      metric: METRIC.pleth,
      unit: '1',
      rateHz: this.rateHz,
      start: this.iso.format(this.runStartMs),
      samples: this.runSamples,
    });
    this.runSamples = [];
  }

  reset(): void {
    this.resendNumerics();
    this.lastFlags = -1;
    this.runSamples = [];
  }

  private resendNumerics(): void {
    this.spo2.reset();
    this.pulseRate.reset();
    this.perfusionIndex.reset();
  }

  private numeric(
    events: DecodeEvent[],
    metric: MetricId,
    value: number | null,
    unit: string,
    timeMs: number,
  ): void {
    this.emit(events, {
      type: 'numeric',
      device: this.device,
      metric,
      value,
      unit,
      time: this.iso.format(timeMs),
    });
  }

  private emit(events: DecodeEvent[], reading: Reading): void {
    events.push({ kind: 'reading', reading });
  }
}
