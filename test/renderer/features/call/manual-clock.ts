import type { CallClock } from '../../../../src/renderer/features/call/reconnect-timing';

/** A clock the test moves by hand: timers run in time order as `advance` passes them. */
export class ManualClock implements CallClock {
  private nowMs = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  now(): number {
    return this.nowMs;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.nowMs + Math.max(0, ms), run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Runs every timer due within `ms`, in order, letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.nowMs + ms;
    for (;;) {
      await flush();
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (next === undefined || next[1].at > end) break;
      this.timers.delete(next[0]);
      this.nowMs = next[1].at;
      next[1].run();
    }
    this.nowMs = end;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
