import type { EventLog } from './event-log';
import type { RendezvousMetrics } from './rendezvous-metrics';
import { observe, type RendezvousObserver } from './rendezvous-observer';

/**
 * What a rendezvous node makes of its room logic's events: Prometheus metrics, a log line when
 * something changes for the operator (Redis lost or back, draining; never one per join, which a
 * flood of refusals would turn into a flood of lines), and its readiness: not ready while it
 * drains or while Redis, last seen, was unreachable.
 */
export interface NodeTelemetry {
  readonly observer: RendezvousObserver;
  /** Reason codes for /readyz; empty when ready. */
  notReadyReasons(): string[];
  /** The node started closing by itself (server.close): not ready from now on. */
  markDraining(): void;
}

export function createNodeTelemetry(metrics: RendezvousMetrics, events: EventLog): NodeTelemetry {
  let draining = false;
  let storeUp: boolean | undefined;
  const markDraining = (): void => {
    if (draining) return;
    draining = true;
    metrics.draining();
    events('info', 'rendezvous.draining');
  };
  return {
    observer: {
      socketRefused: (reason) => metrics.socketRefused(reason),
      joinAccepted: ({ how }) => metrics.joinAccepted(how),
      joinRefused: ({ how, code }) => metrics.joinRefused(how, code),
      seatEnded: ({ code }) => metrics.seatEnded(code),
      roomClosed: () => metrics.roomClosed(),
      signalRelayed: ({ latencyMs, crossNode }) => metrics.relayLatency(latencyMs, crossNode),
      storeRoundTrip: ({ latencyMs, ok }) => metrics.redisRoundTrip(latencyMs, ok),
      storeAvailability: (available) => {
        metrics.redisUp(available);
        if (storeUp === available) return;
        if (storeUp !== undefined || !available)
          events(available ? 'info' : 'warn', available ? 'redis.reachable' : 'redis.unreachable');
        storeUp = available;
      },
      draining: markDraining,
    },
    notReadyReasons: () => [
      ...(draining ? ['draining'] : []),
      ...(storeUp === false ? ['redis-unreachable'] : []),
    ],
    markDraining,
  };
}

/** One observer that tells each of these, each guarded by `observe` (one that throws costs nothing). */
export function combineObservers(
  ...observers: readonly (RendezvousObserver | undefined)[]
): RendezvousObserver {
  const present = observers.filter((observer): observer is RendezvousObserver => observer !== undefined);
  const keys = new Set(present.flatMap((observer) => Object.keys(observer))) as Set<keyof RendezvousObserver>;
  const combined: Partial<Record<keyof RendezvousObserver, (...args: never[]) => void>> = {};
  for (const key of keys) {
    combined[key] = (...args: never[]) => {
      for (const observer of present)
        (observe as (o: RendezvousObserver, k: string, ...a: never[]) => void)(observer, key, ...args);
    };
  }
  return combined;
}
