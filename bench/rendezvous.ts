import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { issueToken, randomId } from '../src/core/signaling/invite-token';
import type { ParticipantRole } from '../src/shared/call/signaling';
import { BenchClient, inBatches } from './rendezvous-client';
import {
  cliHasRedis,
  rssBytes,
  startNode,
  startRedis,
  type ChildHandle,
  type RendezvousNode,
} from './rendezvous-cluster';
import { fmt, summarize } from './stats';

/**
 * `npm run bench -- rendezvous` (never part of a bare `npm run bench`: it is the heaviest one):
 * issue 17's load test, on loopback only and bounded in count and time.
 *
 * 1. IDLE_SOCKETS station sockets, each seated in a room of its own, spread over the nodes: the
 *    nodes' RSS before and after gives the memory per 1,000 sockets.
 * 2. ROOMS rooms join at once, station and doctor on different nodes (with several nodes), then
 *    each side sends SIGNALS signals to the other, one every SIGNAL_INTERVAL_MS: join latency
 *    (`join` → `joined`), relay latency (send → receive, one clock: the bench process's), and the
 *    signals each node relayed per second.
 * 3. With several nodes, one is killed with SIGKILL halfway through the signals: its clients (idle
 *    and active) notice their socket close and `resume` with their resumeToken on another node;
 *    the bench times the reseating, then checks every room still relays both ways (rooms lost).
 *
 * The same run against one in-memory node (no Redis, no kill) is the baseline. The bench process
 * itself drives every socket, on the same cores as the nodes: its figures include that load.
 */
/** STATION_BENCH_SCALE=0.1: a tenth of the sockets and rooms, for a quick look at a busy machine. */
const SCALE = Math.min(1, Math.max(0.01, Number(process.env.STATION_BENCH_SCALE ?? '1') || 1));
export const IDLE_SOCKETS = Math.round(5000 * SCALE);
export const ROOMS = Math.round(1000 * SCALE);
export const SIGNALS = 20;
const SIGNAL_INTERVAL_MS = 100;
/** The clients are spread over this many slots of each interval, not all sending in one instant. */
const SLOTS = 10;
const NODES = 3;
/** Loopback source addresses 127.0.0.2 … : each node caps sockets per client address (32). */
const SOURCE_ADDRESSES = 250;
const CONNECT_CONCURRENCY = 100;
/** Resuming clients wait a random moment first, as real ones do, so they do not all land at once. */
const RESUME_JITTER_MS = 250;
/**
 * A join refused `unavailable` (or `server-busy`) is tried again with the same invite, as the pages
 * do, at most this many times, a growing pause apart: only a join that never succeeds loses a room.
 */
const JOIN_ATTEMPTS = 5;
const JOIN_RETRY_MS = 500;
/** What the run is doing, named in the failure when it takes too long. */
let phase = 'starting';
/** Upper bound on one whole run; past it the bench stops and reports failure. */
const RUN_TIMEOUT_MS = 6 * 60_000;

export interface ClusterRun {
  readonly label: string;
  readonly nodes: number;
  readonly join: { p50: number; p99: number; n: number };
  readonly relay: { p50: number; p99: number; n: number };
  readonly messagesPerSecond: number[];
  /** MB of RSS per 1,000 idle seated sockets, per node. */
  readonly rssPer1000: number[];
  readonly reseat?: { clients: number; p50: number; max: number; failed: number };
  readonly roomsLost: number;
  /** Why each lost room was lost, counted by reason (lostReason). */
  readonly lostWhy: Record<string, number>;
  /** Rooms whose station and doctor were both seated but not told of each other within 15 s. */
  readonly roomsUnmet: number;
  /** Joins refused, counted by error code. */
  readonly refusals: Record<string, number>;
  readonly signalsSent: number;
  readonly signalsLost: number;
}

export interface RendezvousBench {
  readonly single: ClusterRun;
  readonly multi: ClusterRun | { readonly skipped: string };
}

export async function benchRendezvous(): Promise<RendezvousBench> {
  const single = await bounded(runCluster({ nodes: 1, redis: false, kill: false }));
  if (!cliHasRedis()) return { single, multi: { skipped: 'this build of `station serve` has no --redis' } };
  try {
    return { single, multi: await bounded(runCluster({ nodes: NODES, redis: true, kill: true })) };
  } catch (error) {
    return { single, multi: { skipped: `failed: ${String(error)}` } };
  }
}

async function bounded<T>(run: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`rendezvous bench: over ${RUN_TIMEOUT_MS} ms, while ${phase}`)),
      RUN_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Pair {
  readonly station: BenchClient;
  readonly doctor: BenchClient;
  readonly room: string;
  readonly stationNode: number;
  readonly doctorNode: number;
}

async function runCluster(plan: { nodes: number; redis: boolean; kill: boolean }): Promise<ClusterRun> {
  const base = mkdtempSync(join(tmpdir(), 'station-bench-rdv-'));
  const secret = randomBytes(32).toString('base64url');
  const children: ChildHandle[] = [];
  const clients: BenchClient[] = [];
  let addressCursor = 0;
  const newClient = (): BenchClient => {
    const client = new BenchClient(`127.0.0.${2 + (addressCursor++ % SOURCE_ADDRESSES)}`);
    clients.push(client);
    return client;
  };
  const tokenFor = (room: string, role: ParticipantRole): string =>
    issueToken(Buffer.from(secret, 'utf8'), { room, role, ttlS: 3600, nowMs: Date.now() }).token;
  try {
    const redis = plan.redis ? await startRedis() : undefined;
    if (redis !== undefined) children.push(redis);
    const nodes: RendezvousNode[] = [];
    for (let i = 0; i < plan.nodes; i += 1) {
      const node = await startNode({
        secret,
        dataDir: join(base, `node-${i}`),
        ...(redis === undefined ? {} : { redisUrl: redis.url }),
        maxSockets: IDLE_SOCKETS + 2 * ROOMS,
        maxRooms: IDLE_SOCKETS + ROOMS,
      });
      nodes.push(node);
      children.push(node);
    }

    const refusals: string[] = [];
    // 1. Idle seated stations.
    phase = 'seating the idle stations';
    await sleep(500);
    const rssBefore = nodes.map((node) => rssBytes(node.pid));
    const idle = Array.from({ length: IDLE_SOCKETS }, (_, i) => ({
      client: newClient(),
      node: i % plan.nodes,
    }));
    await inBatches(idle, CONNECT_CONCURRENCY, async ({ client, node }) => {
      await client.connect(nodes[node].signalUrl, node);
      await client.seat({ type: 'join', token: tokenFor(randomId(), 'station') }).catch((error: unknown) => {
        refusals.push(String((error as Error).message));
      });
    });
    await sleep(1000);
    const rssPer1000 = nodes.map((node, i) => {
      const sockets = idle.filter((entry) => entry.node === i).length;
      return (rssBytes(node.pid) - rssBefore[i]) / 1e6 / (sockets / 1000);
    });
    const keepAlive = setInterval(() => idle.forEach(({ client }) => client.send({ type: 'ping' })), 30_000);

    try {
      const pairs: Pair[] = Array.from({ length: ROOMS }, (_, r) => ({
        station: newClient(),
        doctor: newClient(),
        room: randomId(),
        stationNode: r % plan.nodes,
        doctorNode: (r + 1) % plan.nodes,
      }));
      return await activeRooms({
        plan,
        nodes,
        pairs,
        idle: idle.map((entry) => entry.client),
        rssPer1000,
        refusals,
        tokenFor,
      });
    } finally {
      clearInterval(keepAlive);
    }
  } finally {
    for (const client of clients) client.close();
    for (const child of children) child.kill('SIGTERM');
    await Promise.race([Promise.all(children.map((child) => child.exited)), sleep(5000)]);
    for (const child of children) child.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  }
}

interface ActivePlan {
  readonly plan: { readonly nodes: number; readonly kill: boolean; readonly redis: boolean };
  readonly nodes: readonly RendezvousNode[];
  readonly pairs: readonly Pair[];
  readonly idle: readonly BenchClient[];
  readonly rssPer1000: number[];
  /** Joins refused, by their error, in both phases. */
  readonly refusals: string[];
  readonly tokenFor: (room: string, role: ParticipantRole) => string;
}

/** Phases 2 and 3: rooms joining at once, signals both ways, a node killed halfway. */
async function activeRooms(run: ActivePlan): Promise<ClusterRun> {
  const { plan, nodes, pairs } = run;
  const active = pairs.flatMap((pair) => [pair.station, pair.doctor]);
  const sockets = pairs.flatMap((pair) => [
    { client: pair.station, node: pair.stationNode },
    { client: pair.doctor, node: pair.doctorNode },
  ]);
  phase = "opening the rooms' sockets";
  await inBatches(sockets, CONNECT_CONCURRENCY, ({ client, node }) =>
    client.connect(nodes[node].signalUrl, node),
  );
  // A node closes a socket that sent no join within 10 s: on a busy machine opening all of them
  // takes longer, so those closed meanwhile are opened again (a few rounds) before the burst.
  for (let round = 0; round < 3; round += 1) {
    const closed = sockets.filter(({ client }) => client.socket === null);
    if (closed.length === 0) break;
    await inBatches(closed, CONNECT_CONCURRENCY, ({ client, node }) =>
      client.connect(nodes[node].signalUrl, node).catch(() => undefined),
    );
  }
  // Every join sent in one go: the nodes see 2 × ROOMS joins arrive together.
  phase = 'joining the rooms';
  const joinLatencies = (
    await Promise.all(
      pairs.flatMap((pair) => [
        joinWithRetries(
          pair.station,
          nodes[pair.stationNode],
          run.tokenFor(pair.room, 'station'),
          run.refusals,
        ),
        joinWithRetries(
          pair.doctor,
          nodes[pair.doctorNode],
          run.tokenFor(pair.room, 'consultant'),
          run.refusals,
        ),
      ]),
    )
  ).filter((ms) => !Number.isNaN(ms));
  // A room whose two sides are not told of each other is a failure, counted (not a crash of the bench).
  await waitFor(() => active.every((client) => client.partner !== null), 15_000, 'partners known').catch(
    () => undefined,
  );
  const roomsUnmet = pairs.filter(
    (pair) => pair.station.partner === null || pair.doctor.partner === null,
  ).length;

  const relayMs: number[] = [];
  const relayedByNode = nodes.map(() => 0);
  let received = 0;
  let sent = 0;
  const finals = new Set<BenchClient>();
  for (const client of active) {
    client.onSignal = (data) => {
      if (data.final === true) {
        finals.add(client);
        return;
      }
      received += 1;
      relayedByNode[client.node] += 1;
      relayMs.push(performance.now() - data.sentAt);
    };
  }

  // 3. The kill, and the reseating of the killed node's clients on the others.
  const victim = plan.kill ? nodes.length - 1 : -1;
  let killedAt = 0;
  const reseatMs: number[] = [];
  let reseatFailed = 0;
  const reseating: Promise<void>[] = [];
  const survivors = nodes.map((_, i) => i).filter((i) => i !== victim);
  let survivorCursor = 0;
  for (const client of [...active, ...run.idle]) {
    client.onLost = () => {
      reseating.push(
        (async () => {
          await sleep(Math.random() * RESUME_JITTER_MS);
          for (let attempt = 0; attempt < survivors.length * 2; attempt += 1) {
            const target = survivors[survivorCursor++ % survivors.length];
            try {
              if (client.resumeToken === null) throw new Error('no resume token');
              await client.connect(nodes[target].signalUrl, target);
              await client.seat({ type: 'resume', resumeToken: client.resumeToken });
              reseatMs.push(performance.now() - killedAt);
              return;
            } catch {
              client.close();
            }
          }
          reseatFailed += 1;
        })(),
      );
    };
  }

  // A side that never learned of its partner has no one to signal: it sits the exchange out.
  const nextSeq = new Map<BenchClient, number>(
    active.map((client) => [client, client.partner === null ? SIGNALS : 0]),
  );
  phase = 'exchanging signals';
  const exchangeStarted = performance.now();
  const deadline = exchangeStarted + 60_000;
  for (let tick = 0; performance.now() < deadline; tick += 1) {
    if (tick === (SIGNALS / 2) * SLOTS && victim >= 0) {
      killedAt = performance.now();
      nodes[victim].kill('SIGKILL');
    }
    let pending = 0;
    for (const [index, client] of active.entries()) {
      const seq = nextSeq.get(client)!;
      if (seq >= SIGNALS) continue;
      pending += 1;
      if (index % SLOTS !== tick % SLOTS) continue;
      if (client.signal({ seq, sentAt: performance.now() })) {
        nextSeq.set(client, seq + 1);
        sent += 1;
        relayedByNode[client.node] += 1;
      }
    }
    if (pending === 0) break;
    await sleep(SIGNAL_INTERVAL_MS / SLOTS);
  }
  phase = "reseating the killed node's clients";
  await Promise.all(reseating);
  phase = 'waiting for the last signals';
  await waitFor(() => received >= sent, 5_000, 'signals in flight').catch(() => undefined);
  const exchangeSeconds = (performance.now() - exchangeStarted) / 1000;

  // Every room must still relay both ways: a last signal from each side.
  for (const client of active) client.signal({ seq: SIGNALS, sentAt: performance.now(), final: true });
  await waitFor(() => finals.size === active.length, 10_000, 'final signals').catch(() => undefined);
  const lost = pairs.filter((pair) => !finals.has(pair.station) || !finals.has(pair.doctor));
  const roomsLost = lost.length;

  const join = summarize(joinLatencies);
  const relay = summarize(relayMs);
  const reseat = summarize(reseatMs);
  return {
    label: plan.redis ? `${nodes.length} nodes + Redis` : '1 node, in memory',
    nodes: nodes.length,
    join: { p50: join.p50, p99: join.p99, n: join.n },
    relay: { p50: relay.p50, p99: relay.p99, n: relay.n },
    messagesPerSecond: relayedByNode.map((count) => count / exchangeSeconds),
    rssPer1000: run.rssPer1000,
    ...(victim >= 0
      ? {
          reseat: {
            clients: reseat.n + reseatFailed,
            p50: reseat.p50,
            max: reseat.max,
            failed: reseatFailed,
          },
        }
      : {}),
    roomsLost,
    lostWhy: countBy(lost.map((pair) => lostReason(pair, finals))),
    roomsUnmet,
    refusals: countBy(run.refusals),
    signalsSent: sent,
    signalsLost: Math.max(0, sent - received),
  };
}

/**
 * A join, tried again on the same node with the same invite after a refusal that says "later"
 * (the node closes the socket then): milliseconds from the first try to `joined`, NaN if it never
 * came. Every refusal is counted.
 */
async function joinWithRetries(
  client: BenchClient,
  node: RendezvousNode,
  token: string,
  refusals: string[],
): Promise<number> {
  const started = performance.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (client.socket === null) await client.connect(node.signalUrl, client.node);
      await client.seat({ type: 'join', token });
      return performance.now() - started;
    } catch (error) {
      refusals.push(String((error as Error).message));
      const later = client.refusal === 'unavailable' || client.refusal === 'server-busy';
      if (!later || attempt >= JOIN_ATTEMPTS) return Number.NaN;
      client.close();
      await sleep(JOIN_RETRY_MS * attempt * (0.5 + Math.random()));
    }
  }
}

/**
 * Why a room did not relay its last signals both ways, from what its two clients saw: a side never
 * seated (its join refused, with the code), a resume after the kill that failed, a side never told
 * of the other, or a final signal that did not arrive (with the errors its sender was sent, and
 * whether the receiver's socket was still open).
 */
function lostReason(pair: Pair, finals: ReadonlySet<BenchClient>): string {
  const sides = [
    ['station', pair.station, pair.doctor],
    ['doctor', pair.doctor, pair.station],
  ] as const;
  for (const [name, side] of sides)
    if (side.peerId === null) return `${name} never seated (join refused: ${side.refusal ?? 'no answer'})`;
  for (const [name, side] of sides)
    if (side.refusal !== null) return `${name} not reseated after the kill (resume refused: ${side.refusal})`;
  for (const [name, side] of sides) if (side.partner === null) return `${name} never told of its peer`;
  for (const [name, side, other] of sides)
    if (!finals.has(other)) {
      const errors = side.errors.length === 0 ? 'no error' : `errors ${[...new Set(side.errors)].join(',')}`;
      const receiver = other.socket === null ? 'receiver disconnected' : 'receiver connected';
      return `${name}'s final signal not received (${errors}; ${receiver})`;
    }
  return 'unknown';
}

function countBy(values: readonly string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((counts, value) => {
    counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  }, {});
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline)
      throw new Error(`rendezvous bench: ${what} not reached in ${timeoutMs} ms`);
    await sleep(20);
  }
}

export function printRendezvous(result: RendezvousBench): void {
  const runs = 'skipped' in result.multi ? [result.single] : [result.single, result.multi];
  console.log(
    `\nRendezvous under load (loopback; ${IDLE_SOCKETS} idle seated stations, ${ROOMS} rooms joining at once, ${SIGNALS} signals each way per room)`,
  );
  // Each signal counts twice in messages/s: received from its sender, sent to its target.
  console.log(
    `  offered: ${fmt((2 * ROOMS * 1000) / SIGNAL_INTERVAL_MS, 0)} signals/s in all while the rooms exchange; messages/s counts each signal in and out`,
  );
  for (const run of runs) {
    console.log(`  ${run.label}`);
    console.log(
      `    join latency    p50 ${fmt(run.join.p50)} ms   p99 ${fmt(run.join.p99)} ms   (${run.join.n} joins)`,
    );
    console.log(
      `    relay latency   p50 ${fmt(run.relay.p50)} ms   p99 ${fmt(run.relay.p99)} ms   (${run.relay.n} signals)`,
    );
    console.log(
      `    messages/s      ${run.messagesPerSecond.map((rate, i) => `node ${i}: ${fmt(rate, 0)}`).join(', ')}`,
    );
    console.log(
      `    RSS per 1,000 sockets  ${run.rssPer1000.map((mb, i) => `node ${i}: ${fmt(mb, 1)} MB`).join(', ')}`,
    );
    if (run.reseat !== undefined)
      console.log(
        `    reseated after SIGKILL  ${run.reseat.clients - run.reseat.failed}/${run.reseat.clients} clients, p50 ${fmt(run.reseat.p50, 0)} ms, all by ${fmt(run.reseat.max, 0)} ms`,
      );
    console.log(
      `    rooms lost      ${run.roomsLost}   (rooms whose sides were not told of each other within 15 s: ${run.roomsUnmet}; signals lost: ${run.signalsLost} of ${run.signalsSent})`,
    );
  }
  for (const run of runs)
    for (const [reason, count] of Object.entries(run.lostWhy))
      console.log(`  ${run.label}: ${count} room(s) lost: ${reason}`);
  for (const run of runs)
    if (Object.keys(run.refusals).length > 0)
      console.log(
        `  ${run.label}: joins refused (each try; "unavailable" is tried again) ${JSON.stringify(run.refusals)}`,
      );
  if ('skipped' in result.multi) console.log(`  ${NODES} nodes + Redis: skipped (${result.multi.skipped})`);
  else {
    const ratio = (a: number, b: number): string => `×${fmt(a / b, 1)}`;
    const { single, multi } = result as { single: ClusterRun; multi: ClusterRun };
    console.log(
      `  ratio ${NODES} nodes / 1 node: join p50 ${ratio(multi.join.p50, single.join.p50)}, p99 ${ratio(multi.join.p99, single.join.p99)}; relay p50 ${ratio(multi.relay.p50, single.relay.p50)}, p99 ${ratio(multi.relay.p99, single.relay.p99)}`,
    );
  }
}
