/**
 * Runs a callback on the next display frame. Stores coalesce many backend events into one UI
 * update per frame through this, so React renders at display rate, not once per sample. Tests
 * pass a manual scheduler.
 */
export type FrameScheduler = (callback: () => void) => void;

export const nextAnimationFrame: FrameScheduler = (callback) => {
  requestAnimationFrame(() => callback());
};

/** Coalesces any number of `request()` calls before the next frame into one `flush`. */
export class FrameCoalescer {
  private scheduled = false;

  constructor(
    private readonly schedule: FrameScheduler,
    private readonly flush: () => void,
  ) {}

  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }
}

/** The subscribe/getSnapshot pair useSyncExternalStore takes. */
export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

/** Listener bookkeeping shared by the stores. */
export class Listeners {
  private readonly set = new Set<() => void>();

  add(listener: () => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.set]) listener();
  }
}
