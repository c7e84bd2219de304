import type { DecodeEvent } from '../driver';
import type { MetricId } from '../../shared/domain/metrics';
import { METRIC, NUMERIC_REFRESH_MS } from '../oximetry/oximetry-readings';
import { NONIN_VOIDING_MASK, noninFlagNames } from './flags';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';

/**
 * Nonin frames → readings, with the rules of the shared OximetryReadingEmitter (numerics on change
 * and at least once per `refreshMs`, one waveform per contiguous run, status on change) and two
 * differences that made reuse impossible:
 * - a numeric can be *not known yet* (`undefined`): #2/#7 carry HR and SpO2 once per 25-frame
 *   packet, so until the first packet is read there is no value — which is not the device's
 *   missing marker, so no `null` is emitted for it;
 * - Nonin reports conditions the shared flag table does not know (out of track, artifact,
 *   perfusion classes, low battery).
 */
export interface NoninFrame {
  /** % ; null = the device's missing marker; undefined = not known yet. */
  spo2: number | null | undefined;
  /** /min ; same conventions. */
  pulseRate: number | null | undefined;
  /** NONIN_FLAG bits. */
  flags: number;
}

export function emptyNoninFrame(): NoninFrame {
  return { spo2: undefined, pulseRate: undefined, flags: 0 };
}

class NumericThrottle {
  private lastValue: number | null | undefined = undefined;
  private lastEmitMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly refreshMs: number) {}

  shouldEmit(value: number | null | undefined, timeMs: number): boolean {
    if (value === undefined) return false;
    // Half a millisecond of slack: 75 periods of 13.33 ms may sum to 999.99… in floating point.
    if (this.refreshMs > 0 && value === this.lastValue && timeMs - this.lastEmitMs < this.refreshMs - 0.5) {
      return false;
    }
    this.lastValue = value;
    this.lastEmitMs = timeMs;
    return true;
  }

  reset(): void {
    this.lastValue = undefined;
    this.lastEmitMs = Number.NEGATIVE_INFINITY;
  }
}

export interface NoninEmitterOptions {
  /** Pleth rate; omit for formats without a waveform. */
  readonly plethRateHz?: number;
  /** Re-emit unchanged numerics after this long (0: every frame, for once-a-second or stored records). */
  readonly refreshMs?: number;
}

export class NoninReadingEmitter {
  private readonly spo2: NumericThrottle;
  private readonly pulseRate: NumericThrottle;
  private readonly iso = new IsoTimeFormatter();
  private lastFlags = -1;
  private runSamples: number[] = [];
  private runStartMs = 0;

  constructor(
    private readonly device: string,
    private readonly options: NoninEmitterOptions = {},
  ) {
    const refreshMs = options.refreshMs ?? NUMERIC_REFRESH_MS;
    this.spo2 = new NumericThrottle(refreshMs);
    this.pulseRate = new NumericThrottle(refreshMs);
  }

  /** Adds one frame measured at `timeMs`, with its pleth sample if the format has one. */
  add(frame: NoninFrame, timeMs: number, events: DecodeEvent[], pleth?: number): void {
    let time: string | null = null;
    if (frame.flags !== this.lastFlags) {
      // Status first, so the reading guard voids this frame's numerics; and when a voiding flag
      // comes or goes, the numerics are re-sent now rather than at the next refresh.
      if (((frame.flags & NONIN_VOIDING_MASK) === 0) !== ((this.lastFlags & NONIN_VOIDING_MASK) === 0))
        this.resendNumerics();
      this.lastFlags = frame.flags;
      time = this.iso.format(timeMs);
      events.push({
        kind: 'reading',
        reading: { type: 'status', device: this.device, flags: noninFlagNames(frame.flags), time },
      });
    }
    if (this.spo2.shouldEmit(frame.spo2, timeMs)) {
      time ??= this.iso.format(timeMs);
      this.numeric(events, METRIC.spo2, frame.spo2!, '%', time);
    }
    if (this.pulseRate.shouldEmit(frame.pulseRate, timeMs)) {
      time ??= this.iso.format(timeMs);
      this.numeric(events, METRIC.pulseRate, frame.pulseRate!, '/min', time);
    }
    if (pleth === undefined) return;
    if (this.runSamples.length === 0) this.runStartMs = timeMs;
    this.runSamples.push(pleth);
  }

  /** Ends the current waveform run (samples were lost, or the push is over). */
  endRun(events: DecodeEvent[]): void {
    if (this.runSamples.length === 0) return;
    events.push({
      kind: 'reading',
      reading: {
        type: 'waveform',
        device: this.device,
        metric: METRIC.pleth,
        unit: '1',
        rateHz: this.options.plethRateHz ?? 0,
        start: this.iso.format(this.runStartMs),
        samples: this.runSamples,
      },
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
  }

  private numeric(
    events: DecodeEvent[],
    metric: MetricId,
    value: number | null,
    unit: string,
    time: string,
  ): void {
    events.push({
      kind: 'reading',
      reading: { type: 'numeric', device: this.device, metric, value, unit, time },
    });
  }
}
