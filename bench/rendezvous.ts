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
  cpuSeconds,
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
/**
 * Sockets opened (and idle ones seated) at once while setting up, which nothing measures: on a
 * loaded machine each open waits for the scheduler in three processes (bench, node, Redis), so
 * more at once means fewer waits in all. Within the nodes' per-address cap (32 × 250 addresses).
 */
const CONNECT_CONCURRENCY = 400;
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
/** How long each phase of the current run took, in order (printed: what a slow run spent its time on). */
let phaseLog: Phase[] = [];
let phaseStarted = 0;
/** The run's child processes (nodes, Redis), whose CPU time each phase counts. */
let watchedPids: number[] = [];
let cpuAtPhaseStart = { bench: 0, children: [] as number[] };
function cpuNow(): { bench: number; children: number[] } {
  const { user, system } = process.cpuUsage();
  return { bench: (user + system) / 1e6, children: watchedPids.map(cpuSeconds) };
}
function enterPhase(name: string): void {
  const now = performance.now();
  const cpu = cpuNow();
  if (phaseStarted > 0)
    phaseLog.push({
      name: phase,
      ms: now - phaseStarted,
      benchCpuS: cpu.bench - cpuAtPhaseStart.bench,
      // A process killed during the phase counts for nothing in it (its last figure is gone).
      childrenCpuS: cpu.children.reduce(
        (sum, seconds, i) =>
          sum + (Number.isNaN(seconds) ? 0 : seconds - (cpuAtPhaseStart.children[i] ?? seconds)),
        0,
      ),
    });
  phase = name;
  phaseStarted = now;
  cpuAtPhaseStart = cpu;
}
/** A signal refused `unknown-peer` (its peer away) is sent again at most this many times. */
const RESEND_ATTEMPTS = 5;
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
  /** Every signal sent, by what became of it (signalFate): the lost ones are accounted for. */
  readonly signalFates: Record<string, number>;
  /** Each phase of the run: its wall time, and the CPU time the bench and the servers used in it. */
  readonly phases: readonly Phase[];
}

interface Phase {
  readonly name: string;
  readonly ms: number;
  readonly benchCpuS: number;
  readonly childrenCpuS: number;
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
  phaseLog = [];
  phaseStarted = 0;
  watchedPids = [];
  enterPhase('starting the processes');
  const newClient = (): BenchClient => {
    const client = new BenchClient(`127.0.0.${2 + (addressCursor++ % SOURCE_ADDRESSES)}`, clients.length);
    clients.push(client);
    return client;
  };
  const tokenFor = (room: string, role: ParticipantRole): string =>
    issueToken(Buffer.from(secret, 'utf8'), { room, role, ttlS: 3600, nowMs: Date.now() }).token;
  try {
    const redis = plan.redis ? await startRedis() : undefined;
    if (redis !== undefined) children.push(redis);
    // One after the other: started together on a loaded machine, they compete for the cores while
    // loading and one may miss its start bound.
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
    watchedPids = children.map((child) => child.pid);
    enterPhase('seating the idle stations');
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
  enterPhase("opening the rooms' sockets");
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
  enterPhase('joining the rooms');
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
  // Every signal by `<sender>:<seq>`: where its two sides sat when it was first sent, and whether
  // the rendezvous refused it (`unknown-peer`, naming it): its sender then knows, and sends it again
  // once its peer is back (`peer-joined` after the peer's reseat).
  const sentLog = new Map<string, SentSignal>();
  const arrived = new Set<string>();
  const finals = new Set<BenchClient>();
  const peerOf = new Map<BenchClient, BenchClient>(
    pairs.flatMap((pair) => [
      [pair.station, pair.doctor],
      [pair.doctor, pair.station],
    ]),
  );
  const sendSignal = (client: BenchClient, seq: number, attempt: number): boolean => {
    const key = `${client.index}:${seq}`;
    if (!client.signal({ sender: client.index, seq, sentAt: performance.now(), attempt })) return false;
    const entry = sentLog.get(key);
    if (entry === undefined)
      sentLog.set(key, {
        senderNode: client.node,
        receiverNode: peerOf.get(client)!.node,
        refusals: 0,
        attempts: 1,
        returnsAtSend: client.peerReturns,
      });
    else {
      entry.attempts += 1;
      entry.returnsAtSend = client.peerReturns;
    }
    relayedByNode[client.node] += 1;
    return true;
  };
  const resendQueue = new Map<BenchClient, number[]>();
  const resend = (client: BenchClient, seq: number): void => {
    const entry = sentLog.get(`${client.index}:${seq}`);
    if (entry === undefined || entry.attempts > RESEND_ATTEMPTS) return;
    if (!sendSignal(client, seq, entry.attempts))
      resendQueue.set(client, [...(resendQueue.get(client) ?? []), seq]);
  };
  for (const client of active) {
    client.onSignal = (data) => {
      if (data.final === true) {
        finals.add(client);
        return;
      }
      const key = `${data.sender}:${data.seq}`;
      if (arrived.has(key)) return;
      arrived.add(key);
      relayedByNode[client.node] += 1;
      // Relay latency: first tries only (a resent signal waited for its peer's reseat, on purpose).
      if (data.attempt === 0) relayMs.push(performance.now() - data.sentAt);
    };
    client.onRefused = (seq) => {
      const entry = sentLog.get(`${client.index}:${seq}`);
      if (entry === undefined) return;
      entry.refusals += 1;
      // The peer came back since this try went out: at once; else after its next peer-joined.
      if (client.peerReturns > entry.returnsAtSend) resend(client, seq);
      else resendQueue.set(client, [...(resendQueue.get(client) ?? []), seq]);
    };
    client.onPeerJoined = () => {
      const waiting = resendQueue.get(client) ?? [];
      resendQueue.delete(client);
      for (const seq of waiting) resend(client, seq);
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
              // Its own refused signals (none: a dead socket refuses nothing) and queued ones go now.
              client.onPeerJoined();
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
  enterPhase('exchanging signals');
  const exchangeStarted = performance.now();
  const deadline = exchangeStarted + 60_000;
  // Paced by the clock, not by the loop's turns: on a loaded machine a 10 ms sleep takes far longer,
  // and sending on one turn in SLOTS only would stretch the phase to its deadline. Each client sends
  // when its next signal is due, at most one a turn: a loop that wakes late sends no burst to make
  // up for it, nor does a client that was away (its node killed) once reseated.
  const step = SIGNAL_INTERVAL_MS / SLOTS;
  const nextDue = new Map<BenchClient, number>(
    active.map((client, index) => [client, exchangeStarted + (index % SLOTS) * step]),
  );
  const killAt = exchangeStarted + (SIGNALS / 2) * SIGNAL_INTERVAL_MS;
  while (performance.now() < deadline) {
    if (victim >= 0 && killedAt === 0 && performance.now() >= killAt) {
      killedAt = performance.now();
      nodes[victim].kill('SIGKILL');
    }
    let pending = 0;
    const now = performance.now();
    for (const client of active) {
      const seq = nextSeq.get(client)!;
      if (seq >= SIGNALS) continue;
      pending += 1;
      const due = nextDue.get(client)!;
      // Not seated (reconnecting): tried again at the next turn.
      if (due > now || !sendSignal(client, seq, 0)) continue;
      nextSeq.set(client, seq + 1);
      nextDue.set(client, Math.max(due, now) + SIGNAL_INTERVAL_MS);
    }
    if (pending === 0) break;
    await sleep(step);
  }
  enterPhase("reseating the killed node's clients");
  await Promise.all(reseating);
  enterPhase('waiting for the last signals');
  // Every signal arrives, or is one the killed node held when it died, or was refused and is being
  // sent again after its peer's reseat (resendQueue): up to 10 s for those to land.
  const expected = (key: string, entry: SentSignal): boolean =>
    !arrived.has(key) &&
    (entry.refusals > 0
      ? entry.attempts <= RESEND_ATTEMPTS
      : signalFate(entry, false, victim) === 'unaccounted');
  const settled = (): boolean =>
    arrived.size >= sentLog.size || ![...sentLog.entries()].some(([key, entry]) => expected(key, entry));
  await waitFor(settled, 10_000, 'signals in flight').catch(() => undefined);
  const exchangeSeconds = (performance.now() - exchangeStarted) / 1000;
  const signalFates = countBy(
    [...sentLog.entries()].map(([key, entry]) => signalFate(entry, arrived.has(key), victim)),
  );

  // Every room must still relay both ways: a last signal from each side.
  enterPhase('final signals');
  for (const client of active)
    client.signal({ sender: client.index, seq: SIGNALS, sentAt: performance.now(), attempt: 0, final: true });
  await waitFor(() => finals.size === active.length, 10_000, 'final signals').catch(() => undefined);
  const lost = pairs.filter((pair) => !finals.has(pair.station) || !finals.has(pair.doctor));
  const roomsLost = lost.length;
  enterPhase('stopping');

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
    signalsSent: sentLog.size,
    signalsLost: [...sentLog.keys()].filter((key) => !arrived.has(key)).length,
    signalFates,
    phases: [...phaseLog],
  };
}

interface SentSignal {
  /** The nodes its sender and its receiver sat on when it was first sent. */
  readonly senderNode: number;
  readonly receiverNode: number;
  /** `unknown-peer` refusals naming it: its sender was told. */
  refusals: number;
  attempts: number;
  /** Its sender's `peer-joined` count at its last try (a later one: the peer is back). */
  returnsAtSend: number;
}

/**
 * What became of one signal. Arrived (at once, or sent again after a refusal); or lost with the
 * killed node, which its sender cannot be told of: sent by one of its clients (into the node as it
 * died), or handed to it for one of its clients (read from Redis, or published to its channel as
 * it died, before Redis saw it go); or refused and not yet delivered; anything else is unaccounted
 * for: a signal that had to arrive and did not (a bug).
 */
function signalFate(entry: SentSignal, arrived: boolean, victim: number): string {
  if (arrived)
    return entry.refusals > 0 ? 'refused (peer away), sent again after its reseat, arrived' : 'arrived';
  if (entry.refusals > 0) return 'refused (peer away), its sender told, not arrived after its resends';
  if (entry.senderNode === victim) return "lost in flight: sent by the killed node's client as it died";
  if (entry.receiverNode === victim)
    return 'lost in flight: handed to the killed node for its client as it died';
  return 'unaccounted';
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
    for (const [fate, count] of Object.entries(run.signalFates).sort(([, a], [, b]) => b - a))
      console.log(`      signals ${fate}: ${count}`);
    console.log('    phases (wall s / CPU s of the bench / CPU s of the nodes and Redis):');
    for (const { name, ms, benchCpuS, childrenCpuS } of run.phases)
      console.log(
        `      ${name.padEnd(38)} ${fmt(ms / 1000, 1).padStart(6)} / ${fmt(benchCpuS, 1).padStart(5)} / ${fmt(childrenCpuS, 1).padStart(5)}`,
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
