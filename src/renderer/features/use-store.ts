import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ExternalStore } from './display-rate';

/** Subscribes a component to one of the stores that live outside React. */
export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getSnapshot(),
  );
}

/** Wall-clock time refreshed every `intervalMs`: ages and stale markers advance with no new data. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
