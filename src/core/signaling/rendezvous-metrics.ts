import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The rendezvous node's Prometheus metrics, in a registry of its own (tests run several nodes in
 * one process). Labels carry codes only (an error code, a result), never a room, a peer or an
 * address: the label sets stay small and /metrics says how busy the node is, never who uses it.
 * Gauges are read when scraped; counters and histograms are fed by the room logic's observer.
 */
export interface RendezvousMetricsSource {
  /** Signaling sockets admitted on this node. */
  readonly sockets: () => number;
  /** Rooms with at least one member seated on this node. */
  readonly rooms: () => number;
}

export interface RendezvousMetrics {
  /** A `join` or `resume` seated its participant. */
  joinAccepted(kind: 'join' | 'resume'): void;
  /** A `join` or `resume` was refused with this error code. */
  joinRefused(kind: 'join' | 'resume', code: string): void;
  /** From a signal's arrival to its hand-over to the target's socket (across nodes: via Redis). */
  relayLatency(milliseconds: number): void;
  /** One command's round trip to Redis. */
  redisRoundTrip(milliseconds: number): void;
  /** A TURN server of the pool answered its check (1) or was dropped from the list (0). */
  turnServerUp(server: string, up: boolean): void;
  /** The exposition text, and its Content-Type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export const METRIC_PREFIX = 'station_rendezvous_';

export function createRendezvousMetrics(
  source: RendezvousMetricsSource,
  options: { readonly processMetrics?: boolean } = {},
): RendezvousMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  new Gauge({
    name: `${METRIC_PREFIX}sockets`,
    help: 'Signaling sockets admitted on this node.',
    registers: [registry],
    collect() {
      this.set(source.sockets());
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}rooms`,
    help: 'Rooms with a participant seated on this node.',
    registers: [registry],
    collect() {
      this.set(source.rooms());
    },
  });
  const joins = new Counter({
    name: `${METRIC_PREFIX}joins_total`,
    help: 'Joins and resumes, by kind, result (accepted, refused) and refusal code.',
    labelNames: ['kind', 'result', 'code'] as const,
    registers: [registry],
  });
  // Relayed on one node: tens of microseconds; across nodes: a Redis publish and delivery.
  const relay = new Histogram({
    name: `${METRIC_PREFIX}relay_latency_seconds`,
    help: 'Time from a signal received to its hand-over to the target socket.',
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const redis = new Histogram({
    name: `${METRIC_PREFIX}redis_round_trip_seconds`,
    help: 'Round trip of one Redis command.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  const turn = new Gauge({
    name: `${METRIC_PREFIX}turn_server_up`,
    help: 'TURN servers of the pool: 1 offered to participants, 0 left out after failed checks.',
    labelNames: ['server'] as const,
    registers: [registry],
  });
  return {
    joinAccepted: (kind) => joins.inc({ kind, result: 'accepted', code: '' }),
    joinRefused: (kind, code) => joins.inc({ kind, result: 'refused', code }),
    relayLatency: (ms) => relay.observe(ms / 1000),
    redisRoundTrip: (ms) => redis.observe(ms / 1000),
    turnServerUp: (server, up) => turn.set({ server }, up ? 1 : 0),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
