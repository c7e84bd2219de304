import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { EcgReadingEmitter } from '../ecg/ecg-readings';
import { SampleClock } from '../framing/sample-clock';
import type { StatusFlag } from '../../shared/domain/readings';
import {
  MAX_LINE_BYTES,
  NOMINAL_RATE_HZ,
  RATE_CHANGE_TOLERANCE,
  RATE_MAX_GAP_MS,
  RATE_MIN_SPAN_MS,
  RATE_STEPS_PER_HZ,
  RATE_WINDOW_MS,
} from './constants';
import { LINE_LEAD_OFF, LINE_NOT_A_NUMBER, LINE_OUT_OF_RANGE, LINE_UNREADABLE, lineError } from './frames';
import { AdcLineReader } from './line-reader';
import { ArrivalRateEstimator } from './rate-estimator';

export const AD8232_METRIC = 'MDC_ECG_ELEC_POTL';
const NO_FLAGS: readonly StatusFlag[] = [];
const LEAD_OFF: readonly StatusFlag[] = ['lead-off'];

/**
 * Streaming decoder for the AD8232 sketch's text stream: one line per loop of the sketch, so one
 * sample slot per line. A value is a sample; `!` is a slot with no value (null) and raises the
 * `lead-off` flag; any other line is a frame-error and a lost slot (the waveform run breaks).
 * The first line after a start or reset is discarded: the port may have opened mid-line, and a
 * cut "512" reads as a valid "12". The rate is measured from arrival times (ArrivalRateEstimator);
 * when it moves by more than RATE_CHANGE_TOLERANCE the run ends and the clock restarts at the new rate.
 */
export class Ad8232Decoder implements Decoder {
  private readonly lines: AdcLineReader;
  private readonly rate = new ArrivalRateEstimator({
    windowMs: RATE_WINDOW_MS,
    minSpanMs: RATE_MIN_SPAN_MS,
    maxGapMs: RATE_MAX_GAP_MS,
  });
  private readonly readings: EcgReadingEmitter;
  private readonly value: (number | null)[] = [null];
  private clock = new SampleClock(NOMINAL_RATE_HZ);
  private firstLinePending = true;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(
    deviceId: string,
    private readonly maxAdcCount: number,
  ) {
    this.lines = new AdcLineReader(MAX_LINE_BYTES, maxAdcCount);
    this.readings = new EcgReadingEmitter(deviceId, [{ metric: AD8232_METRIC, unit: '1' }], NOMINAL_RATE_HZ);
  }

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const { lines } = this;
    const count = lines.push(chunk);
    let from = 0;
    if (this.firstLinePending && count > 0) {
      this.firstLinePending = false;
      this.counts.skippedBytes += lines.lengths[0];
      from = 1;
    }
    const slots = count - from;
    this.updateRate(atMs, slots, events);
    const firstMs = this.clock.place(atMs, slots);
    const periodMs = this.clock.periodMs;
    for (let k = from; k < count; k++) this.decodeLine(k, firstMs + (k - from) * periodMs, events);
    this.readings.endRun(events);
    return events;
  }

  reset(): void {
    this.lines.reset();
    this.rate.reset();
    this.clock.reset();
    this.readings.reset();
    this.firstLinePending = true;
  }

  private updateRate(atMs: number, slots: number, events: DecodeEvent[]): void {
    const estimate = this.rate.add(atMs, slots);
    if (estimate === null) return;
    const current = this.readings.rateHz;
    if (Math.abs(estimate - current) <= current * RATE_CHANGE_TOLERANCE) return;
    const rateHz = Math.max(1, Math.round(estimate * RATE_STEPS_PER_HZ) / RATE_STEPS_PER_HZ);
    this.readings.setRate(rateHz, events);
    // Continue the timeline at the measured rate: a fresh clock would restart inside the last run
    // and place the next samples over it.
    this.clock = this.clock.atRate(rateHz);
  }

  private decodeLine(k: number, timeMs: number, events: DecodeEvent[]): void {
    const code = this.lines.codes[k];
    if (code === LINE_UNREADABLE) {
      this.drop(events, 'malformed', 'line holds bytes that are not text, or is too long');
      return;
    }
    if (code === LINE_NOT_A_NUMBER) {
      this.drop(events, 'malformed', lineError(this.lines.textOf(k)));
      return;
    }
    if (code === LINE_OUT_OF_RANGE) {
      this.drop(
        events,
        'out-of-range',
        `ADC value ${this.lines.textOf(k).trim()} is above ${this.maxAdcCount}`,
      );
      return;
    }
    this.counts.frames++;
    const leadOff = code === LINE_LEAD_OFF;
    this.readings.setFlags(leadOff ? LEAD_OFF : NO_FLAGS, timeMs, events);
    this.value[0] = leadOff ? null : code;
    this.readings.add(this.value, timeMs);
  }

  /** A line that is not a sample: counted, and its slot is lost, so the run breaks there. */
  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.readings.endRun(events);
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }
}
