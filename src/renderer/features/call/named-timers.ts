import { BROWSER_CLOCK, type CallClock } from './reconnect-timing';

/** One-shot timers by name: setting a name again replaces its timer, so none is ever leaked twice. */
export class NamedTimers<Name extends string> {
  private readonly timers = new Map<Name, unknown>();

  constructor(private readonly clock: CallClock = BROWSER_CLOCK) {}

  set(name: Name, ms: number, run: () => void): void {
    this.clear(name);
    this.timers.set(
      name,
      this.clock.setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  }

  has(name: Name): boolean {
    return this.timers.has(name);
  }

  clear(name: Name): void {
    if (this.timers.has(name)) this.clock.clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  clearAll(): void {
    for (const name of [...this.timers.keys()]) this.clear(name);
  }
}
