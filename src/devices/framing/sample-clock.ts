/**
 * Sample times for a regular-rate stream (a 60 Hz pleth, a 75 Hz Nonin stream, 1 Hz numerics), on
 * one timeline that never goes back.
 *
 * Serial chunks arrive in bursts (USB latency, OS buffering, a host busy for half a second), so the
 * arrival time of a chunk says little about when each sample in it was measured. The device,
 * though, samples at a fixed rate. The clock therefore spaces samples exactly one period apart and
 * lets arrival times decide only where a run starts:
 * - times never go back: a sample is placed one period after the previous one, whatever its
 *   arrival says. Readings already sent cannot be moved, so a chunk that arrives "early" (the
 *   previous one was delayed) continues the timeline instead of pulling it back — pulling back is
 *   what made a batch start before the previous one ended, and a 1 Hz line repeat the time (and so
 *   the whole reading) of the line before it;
 * - jitter is absorbed: a chunk may be late by up to `maxDriftMs` (its last sample lags its
 *   arrival by that much) and still continues the timeline;
 * - a real gap stays a gap: when the chunk's last sample would lag its arrival by more than
 *   `maxDriftMs` (the stream paused, the device restarted), the timeline jumps forward so that
 *   sample is at the arrival time — the latest it can have been measured. The first chunk, and the
 *   first after `reset`, is anchored the same way (but never before a sample already placed).
 * Samples before the last of a chunk are taken to have been sent one period apart up to its
 * arrival, so any chunking of the same stream whose arrival times agree with that (each chunk
 * arriving when its last sample was sent) gives the same times.
 *
 * The price of never going back: a timeline anchored on a delayed first chunk stays ahead of the
 * arrivals by that delay until the next real gap, and a device faster than its nominal rate drifts
 * ahead (`leadMs` says by how much). Both are bounded by the load and the device's crystal (a
 * 100 ppm clock gains 0.2 s in half an hour); a decoder whose device rate is only approximate
 * measures it (as ad8232's rate estimator does) and goes on with `atRate`, which keeps the timeline.
 */
export interface SampleClockOptions {
  /** Largest lag between a chunk's arrival and its last sample that is jitter, not a gap. */
  readonly maxDriftMs?: number;
}

/**
 * Above the longest stall a loaded host was seen to inflict on a stream (680 ms, issue 11), so such
 * a stall is absorbed as jitter; a pause longer than this shows as a gap.
 */
export const DEFAULT_MAX_DRIFT_MS = 1000;

export class SampleClock {
  readonly periodMs: number;
  private readonly maxDriftMs: number;
  /**
   * Sample n (counted from the anchor) is at `anchorMs + n * periodMs`. Times are computed from an
   * index rather than accumulated, so they carry no rounding drift and do not depend on chunking.
   */
  private anchorMs = Number.NaN;
  private samplesSinceAnchor = 0;
  /** No sample may be placed before this: one period after the last sample placed, across resets. */
  private floorMs = Number.NEGATIVE_INFINITY;
  private lastArrivalMs = 0;
  private lastLeadMs = 0;
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
   * How far the last chunk's last sample was placed after that chunk's arrival (0 when it was not):
   * the timeline runs ahead of the arrivals (see the class comment).
   */
  get leadMs(): number {
    return this.lastLeadMs;
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
    if (count <= 0) {
      return Number.isNaN(this.anchorMs)
        ? Math.max(arrival, this.floorMs)
        : this.timeOf(this.samplesSinceAnchor);
    }
    const lastIndex = this.samplesSinceAnchor + count - 1;
    if (Number.isNaN(this.anchorMs) || arrival - this.timeOf(lastIndex) > this.maxDriftMs) {
      this.anchor(arrival, count);
    }
    const first = this.timeOf(this.samplesSinceAnchor);
    this.samplesSinceAnchor += count;
    this.floorMs = this.timeOf(this.samplesSinceAnchor);
    this.lastLeadMs = Math.max(0, this.floorMs - this.periodMs - arrival);
    return first;
  }

  /**
   * Forget the anchor (after a reconnect): the next placement anchors afresh, though never before a
   * sample this clock already placed.
   */
  reset(): void {
    this.anchorMs = Number.NaN;
    this.samplesSinceAnchor = 0;
  }

  /**
   * A clock at another rate that continues this one's timeline: its first sample comes one period
   * of this clock after this clock's last (a gap only if the arrivals say so), for a decoder that
   * has measured its device's real rate.
   */
  atRate(rateHz: number): SampleClock {
    const next = new SampleClock(rateHz, { maxDriftMs: this.maxDriftMs });
    next.floorMs = this.floorMs;
    next.lastArrivalMs = this.lastArrivalMs;
    if (!Number.isNaN(this.anchorMs)) next.anchorMs = this.floorMs;
    return next;
  }

  private timeOf(index: number): number {
    return this.anchorMs + index * this.periodMs;
  }

  /** Anchors so that the last of `count` new samples is at `arrival`, or the first at the floor. */
  private anchor(arrival: number, count: number): void {
    this.anchorMs = Math.max(arrival - (count - 1) * this.periodMs, this.floorMs);
    this.samplesSinceAnchor = 0;
    this.reanchorCount++;
  }
}
