/** One-shot timers by name: setting a name again replaces its timer, so none is ever leaked twice. */
export class NamedTimers<Name extends string> {
  private readonly timers = new Map<Name, ReturnType<typeof setTimeout>>();

  set(name: Name, ms: number, run: () => void): void {
    this.clear(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  }

  clear(name: Name): void {
    const timer = this.timers.get(name);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(name);
  }

  clearAll(): void {
    for (const name of [...this.timers.keys()]) this.clear(name);
  }
}
