import { Listeners, type ExternalStore } from './display-rate';

/** One observable value (app info, settings, connection state) for useSyncExternalStore. */
export class ValueStore<T> implements ExternalStore<T> {
  private readonly listeners = new Listeners();

  constructor(private value: T) {}

  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    this.listeners.notify();
  }

  getSnapshot = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);
}
