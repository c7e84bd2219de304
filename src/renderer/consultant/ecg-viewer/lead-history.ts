/**
 * One ECG lead over the consultation, bounded, on its own sample clock: a ring of the last
 * `capacity` samples (Float32Array, NaN for a sample the device marked invalid) addressed by
 * absolute index, and the time of each run's first sample as the device's decoder stamped it (the
 * batch's `start`, not its arrival). Within a run sample i is `start + (i − first) / rate`, so an
 * interval between two samples is counted in samples, exactly; a batch that does not continue the
 * run (a gap, a restarted clock) starts a new run. A short gap is filled with NaN so the trace keeps
 * its time scale and shows the hole, until the backfill brings the missing batch and it is written
 * in its place.
 */
export interface Run {
  /** Absolute index of the run's first sample. */
  readonly index: number;
  /** Epoch ms of that sample, on the page's clock. */
  readonly startMs: number;
}

/** Gaps up to this long are filled with NaN; a longer one just starts a new run. */
export const MAX_FILLED_GAP_S = 10;
/** Runs kept (each a break in the stream); past it the oldest samples lose their time and go. */
export const MAX_RUNS = 4096;

export class LeadHistory {
  readonly periodMs: number;
  private readonly data: Float32Array;
  private written = 0;
  /** No sample before this index is readable (overwritten, or its run was dropped). */
  private floor = 0;
  private readonly runs: Run[] = [];

  constructor(
    readonly rateHz: number,
    readonly capacity: number,
  ) {
    if (!(rateHz > 0)) throw new TypeError(`lead rate must be positive, got ${rateHz}`);
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new TypeError(`lead capacity must be a positive integer, got ${capacity}`);
    this.periodMs = 1000 / rateHz;
    this.data = new Float32Array(capacity);
  }

  /** Absolute index the next sample gets (samples ever pushed, with gap fill). */
  get totalWritten(): number {
    return this.written;
  }

  /** Absolute index of the oldest sample still readable. */
  get oldestIndex(): number {
    return Math.max(this.floor, this.written - this.capacity);
  }

  /** Absolute index of the newest sample, or −1 before the first. */
  get newestIndex(): number {
    return this.written - 1;
  }

  get runCount(): number {
    return this.runs.length;
  }

  /**
   * Adds a batch whose first sample was taken at `startMs`: after what is held, it continues the
   * run or starts a new one; a batch from the past (the backfill of a hole, a re-sent batch) is
   * written in place, over the NaN that held its place, and only what lies beyond the newest sample
   * is appended.
   */
  push(startMs: number, samples: readonly (number | null)[]): void {
    if (samples.length === 0 || !Number.isFinite(startMs)) return;
    const expected = this.expectedNextMs();
    if (expected !== null && startMs < expected - this.periodMs / 2) {
      const appendFrom = this.writeInPlace(startMs, samples);
      if (appendFrom < samples.length) this.append(startMs + appendFrom * this.periodMs, samples, appendFrom);
      return;
    }
    this.append(startMs, samples, 0);
  }

  private append(startMs: number, samples: readonly (number | null)[], from: number): void {
    const expected = this.expectedNextMs();
    if (expected === null || Math.abs(startMs - expected) > this.periodMs / 2) {
      const gapMs = expected === null ? 0 : startMs - expected;
      if (gapMs > 0 && gapMs <= MAX_FILLED_GAP_S * 1000) {
        const missing = Math.round(gapMs / this.periodMs);
        for (let k = 0; k < missing; k++) this.write(Number.NaN);
      }
      this.startRun(startMs);
    }
    for (let k = from; k < samples.length; k++) this.write(samples[k] ?? Number.NaN);
    this.dropOverwrittenRuns();
  }

  /**
   * Writes the samples of a batch from the past at their places; returns the index in `samples`
   * of the first one past the newest sample held (to append), or `samples.length`.
   */
  private writeInPlace(startMs: number, samples: readonly (number | null)[]): number {
    const at = this.runAtTime(startMs);
    if (at < 0) return samples.length; // older than anything held
    const run = this.runs[at];
    const end = this.runs[at + 1]?.index ?? this.written;
    const first = run.index + Math.round((startMs - run.startMs) / this.periodMs);
    const oldest = this.oldestIndex;
    for (let k = 0; k < samples.length; k++) {
      const index = first + k;
      if (index >= end) return end === this.written ? k : samples.length;
      if (index >= oldest) this.data[index % this.capacity] = samples[k] ?? Number.NaN;
    }
    return samples.length;
  }

  /** The sample at an absolute index: NaN for a gap, undefined when not held. */
  at(index: number): number | undefined {
    if (!Number.isInteger(index) || index < this.oldestIndex || index >= this.written) return undefined;
    return this.data[index % this.capacity];
  }

  /** Epoch ms at which the sample at `index` was taken, or undefined when not held. */
  timeOf(index: number): number | undefined {
    if (!Number.isInteger(index) || index < this.oldestIndex || index >= this.written) return undefined;
    const run = this.runOf(index);
    return run === undefined ? undefined : run.startMs + (index - run.index) * this.periodMs;
  }

  /** Milliseconds from sample `a` to sample `b` on the sample clock (negative if b is earlier). */
  intervalMs(a: number, b: number): number | undefined {
    const ta = this.timeOf(a);
    const tb = this.timeOf(b);
    return ta === undefined || tb === undefined ? undefined : tb - ta;
  }

  /** Copies samples [from, from + count) into `out` (NaN where not held); returns `out`. */
  read(from: number, count: number, out = new Float32Array(count)): Float32Array {
    const oldest = this.oldestIndex;
    for (let k = 0; k < count; k++) {
      const index = from + k;
      out[k] =
        index < oldest || index >= this.written
          ? Number.NaN
          : (this.data[index % this.capacity] ?? Number.NaN);
    }
    return out;
  }

  private write(value: number): void {
    this.data[this.written % this.capacity] = value;
    this.written += 1;
  }

  private expectedNextMs(): number | null {
    const run = this.runs[this.runs.length - 1];
    return run === undefined ? null : run.startMs + (this.written - run.index) * this.periodMs;
  }

  private startRun(startMs: number): void {
    this.runs.push({ index: this.written, startMs });
    if (this.runs.length > MAX_RUNS) {
      this.runs.shift();
      this.floor = Math.max(this.floor, this.runs[0]?.index ?? this.written);
    }
  }

  /** Runs wholly overwritten by the ring are forgotten: the run list stays as bounded as the ring. */
  private dropOverwrittenRuns(): void {
    const oldest = this.oldestIndex;
    while (this.runs.length > 1 && (this.runs[1]?.index ?? Infinity) <= oldest) this.runs.shift();
  }

  private runOf(index: number): Run | undefined {
    let low = 0;
    let high = this.runs.length - 1;
    let found: Run | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const run = this.runs[mid];
      if (run.index <= index) {
        found = run;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  /** The run holding the sample taken at `timeMs` (the last starting at or before it), or −1. */
  private runAtTime(timeMs: number): number {
    const half = this.periodMs / 2;
    for (let i = this.runs.length - 1; i >= 0; i--) if (this.runs[i].startMs <= timeMs + half) return i;
    return -1;
  }
}
