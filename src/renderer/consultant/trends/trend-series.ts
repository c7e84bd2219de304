import type { MeasurementKind } from '../../../shared/domain/metrics';

/**
 * One numeric's history over the consultation, bounded: a continuous value is downsampled to at
 * most one point per bucket (1 s to begin with, the newest value in it), and when the points reach
 * `capacity` the bucket doubles and the old points are merged into it, so the whole consultation
 * always fits in `capacity` points (1 h at 1 s, 2 h at 2 s…). An episodic value (a cuff's result,
 * a spot temperature) is one point per measurement, never downsampled: the device repeats its held
 * result with the same time, and a repeat is not a new point; past `capacity` the oldest go.
 */
export const TREND_CAPACITY = 3600;
export const FIRST_BUCKET_MS = 1000;

export class TrendSeries {
  private times: number[] = [];
  private values: (number | null)[] = [];
  private bucket: number;

  constructor(
    readonly measurement: MeasurementKind,
    readonly capacity = TREND_CAPACITY,
    firstBucketMs = FIRST_BUCKET_MS,
  ) {
    if (!Number.isInteger(capacity) || capacity < 2)
      throw new TypeError(`trend capacity must be an integer ≥ 2, got ${capacity}`);
    this.bucket = firstBucketMs;
  }

  /** The current downsampling step, ms (continuous values). */
  get bucketMs(): number {
    return this.bucket;
  }

  get length(): number {
    return this.times.length;
  }

  /** Epoch ms of each point, ascending. */
  timesMs(): readonly number[] {
    return this.times;
  }

  /** Each point's value; null where the device marked the value invalid (a gap in the line). */
  pointValues(): readonly (number | null)[] {
    return this.values;
  }

  /** Adds a reading; returns whether the series changed. */
  add(timeMs: number, value: number | null): boolean {
    if (!Number.isFinite(timeMs)) return false;
    return this.measurement === 'episodic'
      ? this.addMeasurement(timeMs, value)
      : this.addSample(timeMs, value);
  }

  private addMeasurement(timeMs: number, value: number | null): boolean {
    if (value === null) return false; // no result is no point
    const last = this.times.length - 1;
    if (last >= 0 && timeMs <= (this.times[last] ?? -Infinity)) {
      // The held result repeated (same time), or a late copy of one we have: nothing new.
      if (this.times.includes(timeMs)) return false;
      const at = this.times.findIndex((t) => t > timeMs);
      this.times.splice(at, 0, timeMs);
      this.values.splice(at, 0, value);
    } else {
      this.times.push(timeMs);
      this.values.push(value);
    }
    if (this.times.length > this.capacity) {
      this.times.shift();
      this.values.shift();
    }
    return true;
  }

  private addSample(timeMs: number, value: number | null): boolean {
    const last = this.times.length - 1;
    const lastTime = this.times[last];
    if (lastTime !== undefined) {
      if (timeMs < lastTime) return false; // older than what we show: the line never goes back
      if (Math.floor(timeMs / this.bucket) === Math.floor(lastTime / this.bucket)) {
        this.times[last] = timeMs;
        this.values[last] = value;
        return true;
      }
    }
    this.times.push(timeMs);
    this.values.push(value);
    if (this.times.length > this.capacity) this.coarsen();
    return true;
  }

  /** Doubles the bucket and keeps the newest point of each, until the points fit again. */
  private coarsen(): void {
    while (this.times.length > this.capacity) {
      this.bucket *= 2;
      const times: number[] = [];
      const values: (number | null)[] = [];
      for (let i = 0; i < this.times.length; i++) {
        const t = this.times[i];
        const v = this.values[i] ?? null;
        const previous = times[times.length - 1];
        if (previous !== undefined && Math.floor(previous / this.bucket) === Math.floor(t / this.bucket)) {
          times[times.length - 1] = t;
          values[values.length - 1] = v;
        } else {
          times.push(t);
          values.push(v);
        }
      }
      this.times = times;
      this.values = values;
    }
  }
}
