/** Reconnect delays: 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s …; `reset` after a success or a fresh sighting. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly firstMs = 500,
    private readonly maxMs = 8000,
  ) {}

  next(): number {
    const delay = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 16);
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}
