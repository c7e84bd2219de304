import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  clientMessageSchema,
  ROLE_CAPACITY,
  type ClientMessage,
  serverMessageSchema,
  type ParticipantRole,
  type Peer,
  type ServerMessage,
  type SignalingErrorCode,
} from '../../../shared/call/signaling';
import { STATION_TOKEN_TTL_S, verifyToken } from '../invite-token';
import { observe, type RendezvousObserver } from '../rendezvous-observer';
import {
  CLOSE_NORMAL,
  CLOSE_POLICY_VIOLATION,
  DEFAULT_MAX_ROOMS,
  DEFAULT_RELAY_LIMIT,
  type RendezvousOptions,
  type SignalingConnection,
  unknownPeer,
} from '../rendezvous-server';
import { issueResumeToken, RESUME_TOKEN_TTL_S, verifyResumeToken } from '../resume-token';
import { TURN_GRACE_S } from '../turn-credentials';
import type { RoomsEngine } from './rooms-engine';
import {
  aliveKey,
  CLOSE_SCRIPT,
  NODE_ALIVE_MS,
  NODE_BEAT_MS,
  inviteKey,
  JOIN_SCRIPT,
  nodeChannel,
  rateKey,
  REGISTER_SCRIPT,
  RELAY_SCRIPT,
  RELEASE_SCRIPT,
  RESUME_SCRIPT,
  revokedKey,
  roomKey,
  spentKey,
  UNJOIN_SCRIPT,
} from './redis-scripts';
import { withDeadline } from './redis-deadline';

/**
 * The rooms of a network of rendezvous nodes, kept in Redis (redis-scripts.ts says what is where):
 * a station on node A and a doctor on node B meet in one room, an invite used on one node is spent
 * on all, a room closed on one is closed everywhere, and a seat whose node went away (SIGTERM
 * drain, SIGKILL, a load balancer moving the client) is taken back on any other with its resume
 * token. Signals between two sockets of this node go straight across; others travel through the
 * target node's pub/sub channel.
 *
 * Redis unreachable: joins and resumes are refused with `unavailable` (fail closed: this node
 * cannot know whether an invite was used or a room closed), sockets already seated here keep
 * relaying to each other, and when Redis is back the seats this node holds are written back (a
 * Redis restarted without its data forgets them; what it forgot of used invites and closed rooms
 * is lost too, which is why production Redis keeps an append-only file).
 */
export interface RedisRoomsOptions extends RendezvousOptions {
  readonly redisUrl: string;
  /** Joins and resumes one client (address, IPv6 /64) may make per window, on all nodes together. */
  readonly joinRate?: { readonly limit: number; readonly windowMs: number };
  /**
   * A Redis command unanswered after this counts as Redis unreachable (a join or resume is then
   * refused `unavailable`, and undone in Redis in case it ran).
   */
  readonly commandTimeoutMs?: number;
}

export const DEFAULT_JOIN_RATE = { limit: 120, windowMs: 60_000 };
const ROOM_CAPACITY = Object.values(ROLE_CAPACITY).reduce((sum, n) => sum + n, 0);
/** A room's record outlives its last change as long as a resume token handed out then. */
const ROOM_TTL_MS = RESUME_TOKEN_TTL_S * 1000;
const REVOKED_TTL_MS = STATION_TOKEN_TTL_S * 1000;
/** 1013 Try Again Later: Redis is unreachable. 1012 Service Restart: this node is draining. */
const CLOSE_TRY_AGAIN_LATER = 1013;
const CLOSE_SERVICE_RESTART = 1012;
/** What one seating socket may have waiting for it (a peer-joined, a few signals). */
const MAX_EARLY_MESSAGES = 64;
/** Undos and releases waiting for Redis; past this many the oldest are dropped (memory bound). */
const MAX_REPAIRS = 10_000;
/**
 * ioredis's own timeout, only so that commands to a Redis that hung do not pile up forever; the
 * decision that Redis is unreachable is commandTimeoutMs's (withDeadline).
 */
const BACKSTOP_TIMEOUT_MS = 30_000;

/** A script to run again once Redis answers: an undo or a release whose outcome is unknown. */
interface Repair {
  readonly lua: string;
  readonly keys: string[];
  readonly args: (string | number)[];
}

interface LocalSeat {
  readonly room: string;
  readonly peer: Peer;
  readonly nonce: string;
  readonly connId: string;
  resumeExpMs: number;
  strikes: number;
  relayedSignals: number;
  relayedBytes: number;
  /** The peers its client was told of (joined, peer-joined, less peer-left): see resync. */
  readonly known: Set<string>;
}

export class RedisRooms implements RoomsEngine {
  readonly nodeId = randomBytes(9).toString('base64url');
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly seats = new Map<SignalingConnection, LocalSeat>();
  private readonly byConnId = new Map<string, SignalingConnection>();
  /** `<room> <peer>` → the socket seated here. */
  private readonly byPeer = new Map<string, SignalingConnection>();
  private readonly connIds = new WeakMap<SignalingConnection, string>();
  private readonly queues = new Map<SignalingConnection, Promise<void>>();
  /** Sockets whose join or resume waits for Redis. */
  private readonly seating = new Set<SignalingConnection>();
  /**
   * Messages for a socket whose join or resume script has run in Redis but whose reply this node
   * has not read yet: another node's `peer-joined` may come first through the subscriber, which
   * is another connection. Handed over right after `joined`.
   */
  private readonly early = new Map<string, string[]>();
  private nextConnId = 0;
  private readonly now: () => number;
  private readonly monotonicNow: () => number;
  private readonly observer: RendezvousObserver | undefined;
  private readonly relayLimit: { readonly signals: number; readonly bytes: number };
  private readonly joinRate: { readonly limit: number; readonly windowMs: number };
  private wasReady = false;
  private closed = false;
  /** This node's channel is subscribed: messages for its sockets reach it (see `available`). */
  private subscribed = false;
  /** The subscriber was away after having subscribed: messages may have been missed. */
  private missedMessages = false;
  /** Redis is back but this node's repairs are not all done yet: no new seat until they are. */
  private repairing = false;
  private readonly repairs: Repair[] = [];
  private readonly deadlineMs: number;
  /** Keeps `rdv:alive:<node>` present while this node runs. */
  private readonly beat: NodeJS.Timeout;

  constructor(private readonly options: RedisRoomsOptions) {
    this.now = options.now ?? Date.now;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.observer = options.observer;
    this.relayLimit = options.relayLimit ?? DEFAULT_RELAY_LIMIT;
    this.joinRate = options.joinRate ?? DEFAULT_JOIN_RATE;
    this.deadlineMs = options.commandTimeoutMs ?? 2000;
    const common = {
      // Never queue a command while Redis is away: fail at once, so joins are refused at once.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: Math.max(BACKSTOP_TIMEOUT_MS, this.deadlineMs),
      // Forever while open (Redis comes back), never once closed (no timer outlives the node).
      retryStrategy: (attempt: number) => (this.closed ? null : Math.min(100 * attempt, 1000)),
      lazyConnect: false,
      // ioredis arms this timer on `disconnect` and clears it only when the socket closes, which a
      // socket that never connected (Redis away) already did: short, so a closed node leaves no
      // timer behind for long (the tests' "did not exit one second after the test run").
      disconnectTimeout: 100,
    };
    this.redis = new Redis(options.redisUrl, common);
    // The subscriber subscribes itself each time it is ready (not ioredis's resubscription, whose
    // end this node could not see): no seat is given before its node's channel is subscribed, so a
    // message published for it afterwards always arrives. (No command timeout there: a SUBSCRIBE
    // waiting for Redis would hold a timer past `close`.)
    this.subscriber = new Redis(options.redisUrl, {
      ...common,
      enableOfflineQueue: true,
      autoResubscribe: false,
      commandTimeout: undefined,
      // Named in CLIENT LIST, for an operator (and a test) to tell which node's subscriber it is.
      connectionName: `rdv-sub-${this.nodeId}`,
    });
    this.redis.on('error', () => undefined); // its state is what matters: see `available`
    this.subscriber.on('error', () => undefined);
    this.redis.on('ready', () => void this.becameReady());
    this.redis.on('close', () => {
      if (!this.wasReady) return;
      this.wasReady = false;
      observe(this.observer, 'storeAvailability', false);
    });
    this.subscriber.on('message', (_channel: string, payload: string) => this.deliver(payload));
    this.subscriber.on('ready', () => void this.subscribe());
    this.subscriber.on('close', () => {
      if (!this.subscribed) return;
      this.subscribed = false;
      this.missedMessages = true;
    });
    this.beat = setInterval(() => void this.markAlive().catch(() => undefined), NODE_BEAT_MS);
    this.beat.unref();
  }

  get available(): boolean {
    return (
      this.redis.status === 'ready' &&
      this.subscriber.status === 'ready' &&
      this.subscribed &&
      !this.repairing
    );
  }

  get roomCount(): number {
    return new Set([...this.seats.values()].map((seat) => seat.room)).size;
  }

  notReadyReasons(): readonly string[] {
    return this.available ? [] : ['redis-unreachable'];
  }

  /**
   * Not ready unless Redis answers a PING within `timeoutMs`: a Redis that hangs (stopped, swapping,
   * a half-open link) keeps its socket open and `ready`, and would otherwise be called reachable
   * while every join waits for it and is refused.
   */
  async probeReady(timeoutMs: number): Promise<readonly string[]> {
    if (!this.available) return ['redis-unreachable'];
    const started = this.monotonicNow();
    const answered = await withDeadline(this.redis.ping(), timeoutMs).then(
      () => true,
      () => false,
    );
    observe(this.observer, 'storeRoundTrip', { latencyMs: this.monotonicNow() - started, ok: answered });
    return answered ? this.notReadyReasons() : ['redis-unreachable'];
  }

  isJoined(connection: SignalingConnection): boolean {
    return this.seats.has(connection) || this.seating.has(connection);
  }

  handleText(connection: SignalingConnection, text: string): void {
    const arrivedAt = this.monotonicNow();
    this.enqueue(connection, () => this.handle(connection, text, arrivedAt));
  }

  disconnect(connection: SignalingConnection, left = false): void {
    this.enqueue(connection, () => this.release(connection, left ? 'leave' : 'drop'));
    void this.queues.get(connection)?.then(() => {
      if (!this.seats.has(connection)) this.queues.delete(connection);
    });
  }

  closeRoom(roomId: string): void {
    void this.closeRoomNow(roomId);
  }

  async drain(connections: readonly SignalingConnection[]): Promise<void> {
    observe(this.observer, 'draining');
    await Promise.all(
      connections.map(async (connection) => {
        await this.queues.get(connection);
        const seat = this.seats.get(connection);
        if (seat !== undefined) {
          this.forget(connection, seat);
          // Held for its resume token, with no peer-left: the others keep their peer connection.
          await this.script(
            RELEASE_SCRIPT,
            [roomKey(seat.room)],
            [seat.peer.peerId, seat.connId, 'drain', this.now(), this.nodeId],
          ).catch(() => undefined);
        }
        connection.send(error('draining', 'this rendezvous node is shutting down: resume on another'));
        connection.close(CLOSE_SERVICE_RESTART, 'draining');
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.beat);
    // Gone for good: seats still marked here count as held at once, not after NODE_ALIVE_MS.
    if (this.redis.status === 'ready') await this.redis.del(aliveKey(this.nodeId)).catch(() => undefined);
    this.redis.disconnect();
    this.subscriber.disconnect();
    await Promise.resolve();
  }

  private enqueue(connection: SignalingConnection, work: () => Promise<void>): void {
    const previous = this.queues.get(connection) ?? Promise.resolve();
    const next = previous.then(work).catch(() => {
      // A bug must cost this socket, never the process.
      this.forgetConnection(connection);
      connection.close(1011, 'internal error');
    });
    this.queues.set(connection, next);
  }

  private async handle(connection: SignalingConnection, text: string, arrivedAt: number): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.refuse(connection, 'bad-message', 'message is not valid JSON');
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) return this.refuse(connection, 'bad-message', 'unknown or malformed message');
    const message = parsed.data;
    const seat = this.seats.get(connection);
    switch (message.type) {
      case 'ping':
        connection.send({ type: 'pong' });
        return;
      case 'join':
      case 'resume':
        if (seat !== undefined) return this.refuse(connection, 'bad-message', 'already joined');
        this.seating.add(connection);
        try {
          if (message.type === 'join') return await this.join(connection, message.token);
          return await this.resume(connection, message.resumeToken);
        } finally {
          this.seating.delete(connection);
        }
      case 'leave':
        await this.release(connection, 'leave');
        connection.close(CLOSE_NORMAL, 'left');
        if (message.closeRoom === true && seat?.peer.role === 'station') await this.closeRoomNow(seat.room);
        return;
      case 'signal':
        if (seat === undefined) return this.refuse(connection, 'not-joined', 'join first');
        // Not awaited: the socket's next message need not wait for this one's Redis round trip.
        // Its order is kept all the same: scripts run in Redis in the order this connection sent
        // them, and each node's channel delivers in order.
        void this.relay(connection, seat, message, text.length, arrivedAt);
        return;
    }
  }

  private async relay(
    connection: SignalingConnection,
    seat: LocalSeat,
    signal: Extract<ClientMessage, { type: 'signal' }>,
    chars: number,
    arrivedAt: number,
  ): Promise<void> {
    const { to, data } = signal;
    if (to === seat.peer.peerId) {
      connection.send(unknownPeer(signal.id));
      return;
    }
    seat.relayedSignals += 1;
    seat.relayedBytes += chars;
    if (seat.relayedSignals > this.relayLimit.signals || seat.relayedBytes > this.relayLimit.bytes)
      return this.reject(connection, 'relay-limit', 'this seat has relayed all it may');
    const message: ServerMessage = { type: 'signal', from: seat.peer.peerId, data };
    const here = this.byPeer.get(`${seat.room} ${to}`);
    if (here !== undefined) {
      // Both on this node: straight across, Redis or not.
      here.send(message);
      observe(this.observer, 'signalRelayed', {
        latencyMs: this.monotonicNow() - arrivedAt,
        crossNode: false,
      });
      return;
    }
    // Another node's: through Redis. Unreachable, the signal is lost as on a lossy link (the pages
    // retry their negotiation); the sender keeps its seat.
    const handed = await this.script(RELAY_SCRIPT, [roomKey(seat.room)], [to, JSON.stringify(message)]).catch(
      () => null,
    );
    if (handed === 0) connection.send(unknownPeer(signal.id));
    else if (handed === 1)
      observe(this.observer, 'signalRelayed', {
        latencyMs: this.monotonicNow() - arrivedAt,
        crossNode: true,
      });
  }

  private async join(connection: SignalingConnection, token: string): Promise<void> {
    const nowMs = this.now();
    const check = verifyToken(this.options.secret, token, nowMs);
    if (!check.ok) return this.refuseJoin('join', connection, check.code, check.message);
    if (!this.available) return this.refuseUnavailable('join', connection);
    const { room, role, jti, exp, revokes } = check.claims;
    if (!this.hasRoomFor(room))
      return this.refuseJoin('join', connection, 'server-busy', 'too many rooms open: try again later');
    if (role === 'station') for (const old of revokes ?? []) if (old !== room) await this.closeRoomNow(old);
    const peer: Peer = { peerId: randomBytes(12).toString('base64url'), role };
    const nonce = randomBytes(16).toString('base64url');
    const resume = issueResumeToken(this.options.secret, {
      room,
      role,
      peer: peer.peerId,
      seat: nonce,
      nowMs,
    });
    const connId = this.connIdOf(connection);
    this.early.set(connId, []);
    const result = await this.script(
      JOIN_SCRIPT,
      [roomKey(room), revokedKey(room), inviteKey(jti), rateKey(connection.client ?? 'unknown')],
      [
        peer.peerId,
        role,
        nonce,
        this.nodeId,
        connId,
        Math.max(1, exp * 1000 - nowMs),
        ROOM_TTL_MS,
        ROLE_CAPACITY[role],
        ROOM_CAPACITY,
        resume.claims.exp * 1000,
        nowMs,
        this.joinRate.limit,
        this.joinRate.windowMs,
      ],
    ).catch(() => null);
    const early = this.takeEarly(connId);
    if (result === null) {
      // The join may have run in Redis all the same (only its answer is missing): undone before
      // the refusal, so the client's next try with the same invite finds it unused.
      await this.repair({
        lua: UNJOIN_SCRIPT,
        keys: [roomKey(room), inviteKey(jti)],
        args: [peer.peerId, nonce, this.nodeId, connId],
      });
      return this.refuseUnavailable('join', connection);
    }
    const others = peersOf(result);
    if (typeof others === 'string') return this.refuseJoin('join', connection, others, refusalText(others));
    this.seatHere(connection, {
      room,
      peer,
      nonce,
      connId,
      resumeExpMs: resume.claims.exp * 1000,
      strikes: 0,
      relayedSignals: 0,
      relayedBytes: 0,
      known: new Set(others.map((other) => other.peerId)),
    });
    this.sendJoined(connection, peer, others, resume.token, exp * 1000 + TURN_GRACE_S * 1000, 'join');
    for (const payload of early) this.deliver(payload);
  }

  private async resume(connection: SignalingConnection, resumeToken: string): Promise<void> {
    const nowMs = this.now();
    const check = verifyResumeToken(this.options.secret, resumeToken, nowMs);
    if (!check.ok) return this.refuseJoin('resume', connection, 'bad-resume', check.message);
    if (!this.available) return this.refuseUnavailable('resume', connection);
    const claims = check.claims;
    if (!this.hasRoomFor(claims.room))
      return this.refuseJoin('resume', connection, 'server-busy', 'too many rooms open: try again later');
    const resume = issueResumeToken(this.options.secret, {
      room: claims.room,
      role: claims.role,
      peer: claims.peer,
      seat: claims.seat,
      nowMs,
    });
    const connId = this.connIdOf(connection);
    this.early.set(connId, []);
    const result = await this.script(
      RESUME_SCRIPT,
      [
        roomKey(claims.room),
        revokedKey(claims.room),
        spentKey(claims.seat),
        rateKey(connection.client ?? 'unknown'),
      ],
      [
        claims.peer,
        claims.role,
        claims.seat,
        this.nodeId,
        connId,
        ROOM_TTL_MS,
        ROLE_CAPACITY[claims.role],
        resume.claims.exp * 1000,
        this.joinRate.limit,
        this.joinRate.windowMs,
      ],
    ).catch(() => null);
    const early = this.takeEarly(connId);
    if (result === null) {
      // It may have run: its seat is held again (as after a dropped socket) for the next try.
      await this.repair({
        lua: RELEASE_SCRIPT,
        keys: [roomKey(claims.room)],
        args: [claims.peer, connId, 'drop', nowMs, this.nodeId],
      });
      return this.refuseUnavailable('resume', connection);
    }
    const others = peersOf(result);
    if (typeof others === 'string') return this.refuseJoin('resume', connection, others, refusalText(others));
    const peer: Peer = { peerId: claims.peer, role: claims.role };
    this.seatHere(connection, {
      room: claims.room,
      peer,
      nonce: claims.seat,
      connId,
      resumeExpMs: resume.claims.exp * 1000,
      strikes: 0,
      relayedSignals: 0,
      relayedBytes: 0,
      known: new Set(others.map((other) => other.peerId)),
    });
    this.sendJoined(connection, peer, others, resume.token, claims.exp * 1000, 'resume');
    for (const payload of early) this.deliver(payload);
  }

  /** `maxRooms` bounds the rooms this node holds seats in (the others live on other nodes). */
  private hasRoomFor(room: string): boolean {
    if (this.roomCount < (this.options.maxRooms ?? DEFAULT_MAX_ROOMS)) return true;
    return [...this.seats.values()].some((seat) => seat.room === room);
  }

  private seatHere(connection: SignalingConnection, seat: LocalSeat): void {
    this.seats.set(connection, seat);
    this.byConnId.set(seat.connId, connection);
    this.byPeer.set(`${seat.room} ${seat.peer.peerId}`, connection);
  }

  private sendJoined(
    connection: SignalingConnection,
    peer: Peer,
    peers: Peer[],
    resumeToken: string,
    turnNotAfterMs: number,
    how: 'join' | 'resume',
  ): void {
    connection.send({
      type: 'joined',
      peerId: peer.peerId,
      role: peer.role,
      peers,
      iceServers: this.options.iceServersFor(peer.peerId, turnNotAfterMs),
      resumeToken,
    });
    observe(this.observer, 'joinAccepted', { how, role: peer.role });
  }

  /** The socket is gone or left: its seat is released in Redis (held after a drop). */
  private async release(connection: SignalingConnection, mode: 'leave' | 'drop'): Promise<void> {
    const seat = this.seats.get(connection);
    if (seat === undefined) return;
    this.forget(connection, seat);
    observe(this.observer, 'seatEnded', { code: mode === 'leave' ? 'left' : 'dropped' });
    const released = await this.repair({
      lua: RELEASE_SCRIPT,
      keys: [roomKey(seat.room)],
      args: [seat.peer.peerId, seat.connId, mode, this.now(), this.nodeId],
    });
    if (released) return;
    // Redis away: at least the others seated here hear it.
    for (const [other, otherSeat] of this.seats)
      if (otherSeat.room === seat.room) other.send({ type: 'peer-left', peerId: seat.peer.peerId });
  }

  private async closeRoomNow(roomId: string): Promise<void> {
    observe(this.observer, 'roomClosed');
    const done = await this.script(
      CLOSE_SCRIPT,
      [roomKey(roomId), revokedKey(roomId)],
      [REVOKED_TTL_MS, this.now()],
    ).catch(() => null);
    if (done !== null) return; // every member, here included, hears it through its node's channel
    for (const [connection, seat] of [...this.seats])
      if (seat.room === roomId) this.sendAway(connection, 'room-closed');
  }

  /** A message for one of this node's sockets, from a script on any node. */
  private deliver(payload: string): void {
    const newline = payload.indexOf('\n');
    const connId = payload.slice(0, newline);
    const connection = this.byConnId.get(connId);
    if (connection === undefined) {
      const early = this.early.get(connId);
      if (early !== undefined && early.length < MAX_EARLY_MESSAGES) early.push(payload);
      return;
    }
    let message: ServerMessage;
    try {
      message = serverMessageSchema.parse(JSON.parse(payload.slice(newline + 1)));
    } catch {
      return;
    }
    if (message.type === 'error' && (message.code === 'seat-taken-over' || message.code === 'room-closed')) {
      this.sendAway(connection, message.code);
      return;
    }
    const known = this.seats.get(connection)?.known;
    if (message.type === 'peer-joined') known?.add(message.peer.peerId);
    else if (message.type === 'peer-left') known?.delete(message.peerId);
    connection.send(message);
  }

  private sendAway(connection: SignalingConnection, code: 'seat-taken-over' | 'room-closed'): void {
    const seat = this.seats.get(connection);
    if (seat !== undefined) this.forget(connection, seat);
    connection.send(
      error(
        code,
        code === 'room-closed'
          ? 'this room was closed by the station'
          : 'this seat was taken back by a newer connection',
      ),
    );
    connection.close(CLOSE_POLICY_VIOLATION, code);
    observe(this.observer, 'seatEnded', { code });
  }

  /**
   * Redis is (back) up: first what this node could not finish while it was away (undos, releases),
   * then the seats this node holds are written back where Redis lost them.
   */
  private async becameReady(): Promise<void> {
    if (this.closed) return;
    this.repairing = true;
    await this.markAlive().catch(() => undefined);
    await this.flushRepairs();
    this.repairing = false;
    this.wasReady = true;
    observe(this.observer, 'storeAvailability', true);
    await this.resync();
  }

  /** The subscriber is (back) up: this node's channel subscribed, then what it missed made good. */
  private async subscribe(): Promise<void> {
    const ok = await this.subscriber.subscribe(nodeChannel(this.nodeId)).then(
      () => true,
      () => false,
    );
    if (!ok || this.closed || this.subscriber.status !== 'ready') return;
    this.subscribed = true;
    if (!this.missedMessages) return;
    this.missedMessages = false;
    await this.resync();
  }

  /**
   * Each seat of this node is written again and announced to the others (a peer-joined they may
   * have missed is, for them, a seat taken back); its own client is told of the peers it missed
   * (peer-joined) and of those gone meanwhile (peer-left). Signals sent meanwhile are lost, as on a
   * lossy link: the pages negotiate again.
   */
  private async resync(): Promise<void> {
    for (const [connection, seat] of [...this.seats]) {
      if (this.closed) return;
      const outcome = await this.script(
        REGISTER_SCRIPT,
        [roomKey(seat.room), revokedKey(seat.room)],
        [
          seat.peer.peerId,
          seat.peer.role,
          seat.nonce,
          this.nodeId,
          seat.connId,
          seat.resumeExpMs,
          ROOM_TTL_MS,
        ],
      ).catch(() => null);
      if (outcome === null || this.seats.get(connection) !== seat) continue;
      const verdict: unknown = Array.isArray(outcome) ? outcome[0] : undefined;
      if (verdict === 'ok') this.tellChanges(connection, seat, peersOf(outcome) as Peer[]);
      else this.sendAway(connection, verdict === 'revoked' ? 'room-closed' : 'seat-taken-over');
    }
  }

  private tellChanges(connection: SignalingConnection, seat: LocalSeat, others: Peer[]): void {
    const present = new Set(others.map((other) => other.peerId));
    for (const gone of [...seat.known].filter((peerId) => !present.has(peerId))) {
      seat.known.delete(gone);
      connection.send({ type: 'peer-left', peerId: gone });
    }
    for (const other of others.filter((peer) => !seat.known.has(peer.peerId))) {
      seat.known.add(other.peerId);
      connection.send({ type: 'peer-joined', peer: other });
    }
  }

  /**
   * Runs a script whose outcome must reach Redis (an undo, a release): now if Redis answers, else
   * kept and run again once Redis is back, in order. True when it ran now.
   */
  private async repair(repair: Repair): Promise<boolean> {
    if (this.repairs.length > 0) {
      this.keepRepair(repair);
      await this.flushRepairs();
      return !this.repairs.includes(repair);
    }
    const done = await this.script(repair.lua, repair.keys, repair.args).then(
      () => true,
      () => false,
    );
    if (!done) this.keepRepair(repair);
    return done;
  }

  private keepRepair(repair: Repair): void {
    this.repairs.push(repair);
    if (this.repairs.length > MAX_REPAIRS) this.repairs.shift();
  }

  private flushing: Promise<void> | undefined;

  private flushRepairs(): Promise<void> {
    this.flushing ??= (async () => {
      while (this.repairs.length > 0 && !this.closed) {
        const next = this.repairs[0];
        const done = await this.script(next.lua, next.keys, next.args).then(
          () => true,
          () => false,
        );
        if (!done) break;
        if (this.repairs[0] === next) this.repairs.shift();
      }
    })().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private takeEarly(connId: string): string[] {
    const early = this.early.get(connId) ?? [];
    this.early.delete(connId);
    return early;
  }

  private async markAlive(): Promise<void> {
    if (this.closed) return;
    if (this.repairs.length > 0 && !this.repairing) void this.flushRepairs();
    await this.redis.set(aliveKey(this.nodeId), '1', 'PX', NODE_ALIVE_MS);
  }

  private async script(lua: string, keys: string[], args: (string | number)[]): Promise<unknown> {
    const started = this.monotonicNow();
    try {
      const values = [...keys, ...args.map(String)];
      const sha = createHash('sha1').update(lua).digest('hex');
      // EVALSHA first: a script is sent once per Redis, again only after Redis lost it (NOSCRIPT),
      // and then never past the deadline (an undo sent meanwhile must run after it, not before).
      let gaveUp = false;
      const sent = this.redis.evalsha(sha, keys.length, ...values).catch((cause: unknown) => {
        if (gaveUp || !String(cause).includes('NOSCRIPT')) throw cause;
        return this.redis.eval(lua, keys.length, ...values);
      });
      const result: unknown = await withDeadline(sent, this.deadlineMs).catch((cause: unknown) => {
        gaveUp = true;
        throw cause;
      });
      observe(this.observer, 'storeRoundTrip', { latencyMs: this.monotonicNow() - started, ok: true });
      return result;
    } catch (cause) {
      observe(this.observer, 'storeRoundTrip', { latencyMs: this.monotonicNow() - started, ok: false });
      throw cause;
    }
  }

  private connIdOf(connection: SignalingConnection): string {
    let id = this.connIds.get(connection);
    if (id === undefined) {
      id = (this.nextConnId++).toString(36);
      this.connIds.set(connection, id);
    }
    return id;
  }

  private forget(connection: SignalingConnection, seat: LocalSeat): void {
    this.seats.delete(connection);
    this.byConnId.delete(seat.connId);
    this.byPeer.delete(`${seat.room} ${seat.peer.peerId}`);
  }

  private forgetConnection(connection: SignalingConnection): void {
    const seat = this.seats.get(connection);
    if (seat !== undefined) this.forget(connection, seat);
  }

  private refuse(connection: SignalingConnection, code: SignalingErrorCode, message: string): void {
    const seat = this.seats.get(connection);
    if (seat !== undefined && ++seat.strikes <= (this.options.maxStrikes ?? 10)) {
      connection.send(error(code, message));
      return;
    }
    this.reject(connection, code, message);
  }

  private refuseJoin(
    how: 'join' | 'resume',
    connection: SignalingConnection,
    code: SignalingErrorCode,
    message: string,
  ): void {
    observe(this.observer, 'joinRefused', { how, code });
    connection.send(error(code, message));
    connection.close(CLOSE_POLICY_VIOLATION, code);
  }

  private refuseUnavailable(how: 'join' | 'resume', connection: SignalingConnection): void {
    observe(this.observer, 'joinRefused', { how, code: 'unavailable' });
    connection.send(error('unavailable', 'the rendezvous cannot reach its shared state: try again shortly'));
    connection.close(CLOSE_TRY_AGAIN_LATER, 'unavailable');
  }

  private reject(connection: SignalingConnection, code: SignalingErrorCode, message: string): void {
    connection.send(error(code, message));
    const seat = this.seats.get(connection);
    connection.close(CLOSE_POLICY_VIOLATION, code);
    if (seat === undefined) return;
    // Closed for cause: the seat ends with it, as after a leave.
    this.forget(connection, seat);
    observe(this.observer, 'seatEnded', { code });
    void this.script(
      RELEASE_SCRIPT,
      [roomKey(seat.room)],
      [seat.peer.peerId, seat.connId, 'leave', this.now(), this.nodeId],
    ).catch(() => undefined);
  }
}

/** A script's `{'ok', peer, role, …}` as peers, or its refusal code. */
function peersOf(result: unknown): Peer[] | SignalingErrorCode {
  if (!Array.isArray(result) || result[0] !== 'ok') return (result as string[])[0] as SignalingErrorCode;
  const peers: Peer[] = [];
  for (let i = 1; i + 1 < result.length; i += 2)
    peers.push({ peerId: String(result[i]), role: String(result[i + 1]) as ParticipantRole });
  return peers;
}

const REFUSAL_TEXT: Partial<Record<SignalingErrorCode, string>> = {
  'revoked-token': 'this room was closed: ask for a new link',
  'replayed-token': 'this invite was already used',
  'room-full': 'this room is full',
  'role-taken': 'this room already has a participant in this role',
  'room-closed': 'this room was closed by the station',
  'rate-limited': 'too many joins from this address: slow down',
};

function refusalText(code: SignalingErrorCode): string {
  return REFUSAL_TEXT[code] ?? 'this seat cannot be taken back';
}

function error(code: SignalingErrorCode, message: string): ServerMessage {
  return { type: 'error', code, message };
}
