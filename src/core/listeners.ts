/**
 * A set of listeners with a safe fan-out: one listener that throws cannot starve the others or
 * take down the process that delivers device bytes. The error goes to `onListenerError`.
 */
export class ListenerSet<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = reportListenerError) {}

  add(listener: (...args: Args) => void): () => void {
    // Wrap so the same function can be added twice and removed independently.
    const entry = (...args: Args): void => listener(...args);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(...args: Args): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}

function reportListenerError(error: unknown): void {
  console.error('listener failed:', error);
}
