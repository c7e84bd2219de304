/** A small typed fan-out: the call session's consumers (vitals, control, media) subscribe here. */
export class Emitter<Events extends Record<string, unknown[]>> {
  private readonly listeners = new Map<keyof Events, Set<unknown>>();

  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (...args: Events[E]) => void)(...args);
      } catch (cause) {
        console.error(`call listener for ${String(event)} failed`, cause);
      }
    }
  }
}
