/**
 * Estimates a stream's sample rate from arrival times, for devices that do not say their rate
 * (an Arduino sketch printing as fast as its loop and UART allow). Pure: times are passed in.
 *
 * Each push records (arrival time, samples so far). The rate is the samples that arrived after the
 * oldest record in a sliding window divided by the time since it; USB latency jitters single
 * arrivals by milliseconds, which a window of seconds averages out. A gap longer than `maxGapMs`
 * (or time going backwards) is a stall, not a slow rate: the window starts afresh.
 */
export interface RateEstimatorOptions {
  readonly windowMs: number;
  /** No estimate until the window spans at least this long. */
  readonly minSpanMs: number;
  readonly maxGapMs: number;
}

export class ArrivalRateEstimator {
  private times: number[] = [];
  private totals: number[] = [];
  private head = 0;
  private total = 0;

  constructor(private readonly options: RateEstimatorOptions) {
    if (!(options.minSpanMs > 0 && options.windowMs >= options.minSpanMs && options.maxGapMs > 0)) {
      throw new TypeError('ArrivalRateEstimator: need 0 < minSpanMs <= windowMs and maxGapMs > 0');
    }
  }

  /** Records `samples` arriving at `atMs`; returns the estimate in Hz, or null while unknown. */
  add(atMs: number, samples: number): number | null {
    if (samples <= 0 || !Number.isFinite(atMs)) return this.estimate();
    const last = this.times.length > this.head ? this.times[this.times.length - 1] : Number.NaN;
    if (atMs < last || atMs - last > this.options.maxGapMs) this.restart();
    this.total += samples;
    if (atMs === last) {
      this.totals[this.totals.length - 1] = this.total;
    } else {
      this.times.push(atMs);
      this.totals.push(this.total);
    }
    // Keep the oldest record that still leaves the window at least `windowMs` long.
    while (this.times.length - this.head > 2 && atMs - this.times[this.head + 1] >= this.options.windowMs) {
      this.head++;
    }
    if (this.head > 1024) this.compact();
    return this.estimate();
  }

  reset(): void {
    this.restart();
  }

  private estimate(): number | null {
    const n = this.times.length;
    if (n - this.head < 2) return null;
    const spanMs = this.times[n - 1] - this.times[this.head];
    if (spanMs < this.options.minSpanMs) return null;
    return ((this.totals[n - 1] - this.totals[this.head]) * 1000) / spanMs;
  }

  private restart(): void {
    this.times = [];
    this.totals = [];
    this.head = 0;
    this.total = 0;
  }

  private compact(): void {
    this.times = this.times.slice(this.head);
    this.totals = this.totals.slice(this.head);
    this.head = 0;
  }
}
