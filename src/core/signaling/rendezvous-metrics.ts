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
  /** A socket turned away before it could send anything. */
  socketRefused(reason: string): void;
  /** A seated participant was sent away (room-closed, seat-taken-over…), left, or dropped. */
  seatEnded(code: string): void;
  roomClosed(): void;
  /** From a signal's arrival to its hand-over to the target's socket (across nodes: via Redis). */
  relayLatency(milliseconds: number, crossNode?: boolean): void;
  /** One command's round trip to Redis, and whether it succeeded. */
  redisRoundTrip(milliseconds: number, ok?: boolean): void;
  /** Redis reachable (true) or not (false), as last seen. */
  redisUp(up: boolean): void;
  /** This node is draining: it takes no new clients. */
  draining(): void;
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
  const socketRefusals = new Counter({
    name: `${METRIC_PREFIX}socket_refusals_total`,
    help: 'Sockets turned away before any message, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const seatsEnded = new Counter({
    name: `${METRIC_PREFIX}seats_ended_total`,
    help: 'Seats ended, by code (left, dropped, room-closed, seat-taken-over, relay-limit…).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const roomsClosed = new Counter({
    name: `${METRIC_PREFIX}rooms_closed_total`,
    help: 'Rooms closed by their station.',
    registers: [registry],
  });
  // Relayed on one node: tens of microseconds; across nodes: a Redis publish and delivery.
  const relay = new Histogram({
    name: `${METRIC_PREFIX}relay_latency_seconds`,
    help: 'Time from a signal received to its hand-over to the target socket, by path (local, cross-node).',
    labelNames: ['path'] as const,
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const redis = new Histogram({
    name: `${METRIC_PREFIX}redis_round_trip_seconds`,
    help: 'Round trip of one Redis command.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  const redisErrors = new Counter({
    name: `${METRIC_PREFIX}redis_errors_total`,
    help: 'Redis commands that failed or timed out.',
    registers: [registry],
  });
  const redisUp = new Gauge({
    name: `${METRIC_PREFIX}redis_up`,
    help: 'Redis reachable as last seen (1) or not (0); absent without Redis.',
    registers: [registry],
  });
  const draining = new Gauge({
    name: `${METRIC_PREFIX}draining`,
    help: '1 once this node drains (SIGTERM): it takes no new clients.',
    registers: [registry],
  });
  draining.set(0);
  const turn = new Gauge({
    name: `${METRIC_PREFIX}turn_server_up`,
    help: 'TURN servers of the pool: 1 offered to participants, 0 left out after failed checks.',
    labelNames: ['server'] as const,
    registers: [registry],
  });
  return {
    joinAccepted: (kind) => joins.inc({ kind, result: 'accepted', code: '' }),
    joinRefused: (kind, code) => joins.inc({ kind, result: 'refused', code }),
    socketRefused: (reason) => socketRefusals.inc({ reason }),
    seatEnded: (code) => seatsEnded.inc({ code }),
    roomClosed: () => roomsClosed.inc(),
    relayLatency: (ms, crossNode = false) =>
      relay.observe({ path: crossNode ? 'cross-node' : 'local' }, ms / 1000),
    redisRoundTrip: (ms, ok = true) => {
      redis.observe(ms / 1000);
      if (!ok) redisErrors.inc();
    },
    redisUp: (up) => redisUp.set(up ? 1 : 0),
    draining: () => draining.set(1),
    turnServerUp: (server, up) => turn.set({ server }, up ? 1 : 0),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
