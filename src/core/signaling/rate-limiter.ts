/**
 * A token bucket per connection: `burst` messages at once, refilled at `perSecond`. A renderer
 * sends a handful of requests per screen change, so the defaults only stop a runaway or hostile
 * client from making the core do unbounded work.
 */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 100 };

export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1)) {
      throw new TypeError('rate limit needs perSecond > 0 and burst >= 1');
    }
    this.tokens = limit.burst;
    this.lastRefillMs = now();
  }

  /** Takes one token; false when the client is over its rate. */
  tryTake(): boolean {
    const nowMs = this.now();
    const elapsedS = Math.max(0, nowMs - this.lastRefillMs) / 1000;
    this.lastRefillMs = nowMs;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsedS * this.limit.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
