/** One ping/pong exchange, reduced to the two figures NTP derives from its four times. */
export interface ClockSample {
  /** Remote clock minus local clock, ms. */
  readonly offsetMs: number;
  /** Round trip minus the remote's hold time, ms. */
  readonly rttMs: number;
}

/**
 * Estimates the offset between the station's clock and ours from ping/pong exchanges, NTP style:
 * offset = ((t1 − t0) + (t2 − t3)) / 2, rtt = (t3 − t0) − (t2 − t1). Its error is at most half the
 * path asymmetry, which is largest when a packet waited in a queue; so, like NTP's clock filter, we
 * trust the exchange with the smallest RTT among the last `windowSize` ones. The window slides, so
 * drift between the clocks is followed within a window of pings.
 */
export class ClockSync {
  private readonly samples: ClockSample[] = [];
  private best: ClockSample | null = null;

  constructor(private readonly windowSize = 16) {
    if (!(windowSize >= 1)) throw new RangeError('clock sync: window size must be at least 1');
  }

  /**
   * Adds an exchange: t0 ping sent and t3 pong received (our clock), t1 ping received and t2 pong
   * sent (the station's). Returns false (ignored) for impossible times, e.g. a negative RTT.
   */
  addExchange(t0: number, t1: number, t2: number, t3: number): boolean {
    const rttMs = t3 - t0 - (t2 - t1);
    const offsetMs = (t1 - t0 + (t2 - t3)) / 2;
    if (!Number.isFinite(rttMs) || !Number.isFinite(offsetMs) || rttMs < 0 || t2 < t1) return false;
    this.samples.push({ offsetMs, rttMs });
    if (this.samples.length > this.windowSize) this.samples.shift();
    this.best = this.samples.reduce((best, s) => (s.rttMs <= best.rttMs ? s : best));
    return true;
  }

  get synced(): boolean {
    return this.best !== null;
  }

  /** Station clock minus local clock (ms), or null before the first exchange. */
  get offsetMs(): number | null {
    return this.best?.offsetMs ?? null;
  }

  /** RTT of the exchange the offset comes from; half of it bounds the offset's error. */
  get rttMs(): number | null {
    return this.best?.rttMs ?? null;
  }

  /** A station time (a reading's time) on our clock; unchanged until the first exchange. */
  stationToLocal(stationMs: number): number {
    return stationMs - (this.best?.offsetMs ?? 0);
  }

  localToStation(localMs: number): number {
    return localMs + (this.best?.offsetMs ?? 0);
  }
}
