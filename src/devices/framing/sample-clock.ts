/**
 * Sample-accurate times for a regular-rate stream (a 60 Hz pleth, a 75 Hz Nonin stream).
 *
 * Serial chunks arrive in bursts (USB latency, OS buffering), so the arrival time of a chunk says
 * little about when each sample in it was measured. The device, though, samples at a fixed rate.
 * The clock therefore spaces samples exactly one period apart and uses arrival times only as
 * bounds:
 * - a sample is never placed after the arrival of the chunk that carried it (it cannot be from the
 *   future), so when a chunk arrives "early" for the current anchor, the anchor moves back;
 * - when samples would lag their arrival by more than `maxDriftMs` (a gap in the stream, a device
 *   clock slower than ours, a stream restart), the clock re-anchors on the arrival time.
 * Between those bounds times are unaffected by chunking, so any split of the same stream with
 * consistent arrival times gives the same sample times. The first anchor is the latest possible
 * time; later, earlier-than-expected arrivals only pull the anchor back (by less than a period for
 * ordinary USB jitter, so times stay increasing).
 */
export interface SampleClockOptions {
  /** Largest lag between a chunk's arrival and its last sample before re-anchoring. */
  readonly maxDriftMs?: number;
}

export const DEFAULT_MAX_DRIFT_MS = 250;

export class SampleClock {
  readonly periodMs: number;
  private readonly maxDriftMs: number;
  /**
   * Sample n (counted from the anchor) is at `anchorMs + n * periodMs`. Times are computed from an
   * index rather than accumulated, so they carry no rounding drift and do not depend on chunking.
   */
  private anchorMs = Number.NaN;
  private samplesSinceAnchor = 0;
  private lastArrivalMs = 0;
  private reanchorCount = 0;

  constructor(rateHz: number, options: SampleClockOptions = {}) {
    if (!(rateHz > 0) || !Number.isFinite(rateHz)) {
      throw new TypeError(`SampleClock: rateHz must be a positive number, got ${rateHz}`);
    }
    const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
    if (!(maxDriftMs >= 0)) throw new TypeError(`SampleClock: maxDriftMs must be >= 0, got ${maxDriftMs}`);
    this.periodMs = 1000 / rateHz;
    this.maxDriftMs = maxDriftMs;
  }

  /** How many times the clock has (re-)anchored on an arrival time, the first anchoring included. */
  get reanchors(): number {
    return this.reanchorCount;
  }

  /**
   * Places `count` consecutive new samples that arrived at `arrivalMs` and returns the time of the
   * first; sample i of the chunk is at `first + i * periodMs`. With count 0 nothing changes and the
   * time the next sample would get is returned.
   */
  place(arrivalMs: number, count: number): number {
    // A non-finite arrival time is a caller bug; keep the previous one rather than poison the clock.
    const arrival = Number.isFinite(arrivalMs) ? arrivalMs : this.lastArrivalMs;
    this.lastArrivalMs = arrival;
    if (count <= 0) return Number.isNaN(this.anchorMs) ? arrival : this.timeOf(this.samplesSinceAnchor);
    const lastIndex = this.samplesSinceAnchor + count - 1;
    if (Number.isNaN(this.anchorMs)) {
      this.anchor(arrival, count);
    } else {
      const lastMs = this.timeOf(lastIndex);
      if (lastMs > arrival) {
        this.anchorMs -= lastMs - arrival;
      } else if (arrival - lastMs > this.maxDriftMs) {
        this.anchor(arrival, count);
      }
    }
    const first = this.timeOf(this.samplesSinceAnchor);
    this.samplesSinceAnchor += count;
    return first;
  }

  /** Forget the anchor (after a reconnect): the next placement anchors afresh. */
  reset(): void {
    this.anchorMs = Number.NaN;
    this.samplesSinceAnchor = 0;
  }

  private timeOf(index: number): number {
    return this.anchorMs + index * this.periodMs;
  }

  /** Anchors so that the last of `count` new samples is at `arrival`. */
  private anchor(arrival: number, count: number): void {
    this.anchorMs = arrival - (count - 1) * this.periodMs;
    this.samplesSinceAnchor = 0;
    this.reanchorCount++;
  }
}
