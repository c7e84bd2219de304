import { randomBytes } from 'node:crypto';
import {
  clientMessageSchema,
  ROLE_CAPACITY,
  type IceServer,
  type Peer,
  type ServerMessage,
  type SignalingErrorCode,
} from '../../shared/call/signaling';
import { STATION_TOKEN_TTL_S, verifyToken, type TokenClaims } from './invite-token';
import { verifyAssertion } from '../psc/identity-assertion';
import { ReplayGuard } from './replay-guard';
import { issueResumeToken, verifyResumeToken, type ResumeClaims } from './resume-token';
import { RevokedRooms } from './revoked-rooms';
import { observe, type RendezvousObserver } from './rendezvous-observer';
import { TURN_GRACE_S } from './turn-credentials';

/**
 * The rendezvous rooms, without sockets or timers: the socket glue (signaling-route.ts)
 * hands each text message here with the participant's connection, and closes what we ask it to.
 * A room admits ROLE_CAPACITY participants per role, and relays opaque `signal` payloads only
 * between members of the same room.
 *
 * Seats. An invite seats its holder once (a used invite is `replayed-token` forever). Every
 * `joined` carries a resume token for the seat; `resume` with it takes the same seat back, with the
 * same peer id, from any socket: the older socket, if still there, is told `seat-taken-over` and
 * closed. The others hear `peer-left` when a seat's socket drops (as before) and `peer-joined` with
 * the same peer id when it is taken back: its page may be new (F5) or the same one (a lost socket,
 * a node that went away), so a side that still has a working peer connection with that peer id may
 * keep it. A seat whose socket dropped stays held for its resume token; a fresh invite for that
 * role takes a held seat over (a doctor who lost the link gets a new one from the station), never
 * a connected one (`role-taken`). `leave` ends the seat for good.
 *
 * The station may close a room (`closeRoom` from its host, the `revokes` claim of its next token,
 * or its `leave` with `closeRoom`): its members are sent away with `room-closed`, and no invite or
 * resume token for it works again (`revoked-token`, `room-closed`).
 */
export interface SignalingConnection {
  /** Who it is for the rate limits (client-key.ts): an IPv4 address or an IPv6 /64. */
  readonly client?: string;
  send(message: ServerMessage): void;
  /** 1000 after `leave`, 1008 for a policy violation. */
  close(code: number, reason: string): void;
}

export interface RendezvousOptions {
  readonly secret: Uint8Array;
  /**
   * STUN/TURN for a participant just seated; `notAfterMs` is its token's expiry plus TURN_GRACE_S:
   * a TURN credential must not outlive the consultation its invite was for by more than that.
   */
  readonly iceServersFor: (peerId: string, notAfterMs: number) => IceServer[];
  readonly now?: () => number;
  /** A monotonic clock in ms for latencies (performance.now by default). */
  readonly monotonicNow?: () => number;
  readonly maxRooms?: number;
  readonly replayCacheSize?: number;
  /** Malformed or out-of-place messages tolerated from a joined socket before it is closed. */
  readonly maxStrikes?: number;
  readonly maxRevokedRooms?: number;
  /**
   * What one seat may relay over its life: the rate limit bounds a second, this bounds a call, so a
   * page cannot pour gigabytes through the rendezvous into the other side's page over an hour.
   */
  readonly relayLimit?: { readonly signals: number; readonly bytes: number };
  /** Metrics and logs (rendezvous-observer.ts). */
  readonly observer?: RendezvousObserver;
  /**
   * Pro Santé Connect sign-in is required (core/psc/psc-service.ts): the signed assertion of the
   * doctor who signed in with this consultant invite, or null (the join is refused `psc-required`).
   * The assertion rides on the consultant's peer, so the station learns it from the rendezvous.
   */
  readonly consultantIdentity?: (claims: TokenClaims) => string | null;
  /**
   * A consultant invite was used (its `jti` spent until `expMs`): the embedded host keeps it with
   * the consultation's room, so a restart does not make a used link seat someone else.
   */
  readonly onInviteSpent?: (spent: { room: string; jti: string; expMs: number }) => void;
  /** Invites already used, from before this server started (a restarted host): refused as used. */
  readonly spentInvites?: readonly { readonly jti: string; readonly expMs: number }[];
}

/** A call's setup and a long run of ICE restarts need a few hundred signals and a few MiB. */
export const DEFAULT_RELAY_LIMIT = { signals: 5000, bytes: 16 * 1024 * 1024 };

export const DEFAULT_MAX_ROOMS = 1000;
/** Seats in one room, all roles together. */
const ROOM_CAPACITY = Object.values(ROLE_CAPACITY).reduce((sum, n) => sum + n, 0);
export const CLOSE_NORMAL = 1000;
export const CLOSE_POLICY_VIOLATION = 1008;

interface Seat {
  readonly peer: Peer;
  readonly room: Room;
  /** Names this seat in its resume tokens; spent when the seat ends. */
  readonly nonce: string;
  /** The socket holding the seat; null while it is held for a resume. */
  connection: SignalingConnection | null;
  strikes: number;
  relayedSignals: number;
  /** Characters of the `signal` messages relayed (a close bound on their bytes). */
  relayedBytes: number;
  /** Expiry of the latest resume token handed out for this seat (epoch ms). */
  resumableUntilMs: number;
}

interface Room {
  readonly id: string;
  /** Peer id → seat, connected or held. */
  readonly seats: Map<string, Seat>;
}

export class RendezvousRooms {
  private readonly rooms = new Map<string, Room>();
  private readonly seats = new Map<SignalingConnection, Seat>();
  private readonly replay: ReplayGuard;
  private readonly revoked: RevokedRooms;
  private readonly now: () => number;
  private readonly monotonicNow: () => number;
  private readonly relayLimit: { readonly signals: number; readonly bytes: number };
  private readonly observer: RendezvousObserver | undefined;

  constructor(private readonly options: RendezvousOptions) {
    this.now = options.now ?? Date.now;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.relayLimit = options.relayLimit ?? DEFAULT_RELAY_LIMIT;
    this.observer = options.observer;
    this.replay = new ReplayGuard({ maxEntries: options.replayCacheSize ?? 10_000 });
    for (const invite of options.spentInvites ?? []) this.replay.spend(invite.jti, invite.expMs);
    // A station token is the longest-lived (and resume tokens live as long): past it, no token for
    // a closed room can verify anyway.
    this.revoked = new RevokedRooms({
      rememberMs: STATION_TOKEN_TTL_S * 1000,
      maxEntries: options.maxRevokedRooms ?? 10_000,
    });
  }

  /**
   * The station left this room for another: everyone still in it is sent away (the station's own
   * page rejoins with a fresh token, which names its new room), and its links stop working.
   */
  closeRoom(roomId: string): void {
    const nowMs = this.now();
    this.revoked.revoke(roomId, nowMs);
    observe(this.observer, 'roomClosed');
    const room = this.rooms.get(roomId);
    if (room === undefined) return;
    this.rooms.delete(roomId);
    for (const seat of [...room.seats.values()]) {
      this.replay.spend(seat.nonce, seat.resumableUntilMs);
      const connection = seat.connection;
      if (connection === null) continue;
      this.seats.delete(connection);
      connection.send(error('room-closed', 'this room was closed by the station'));
      connection.close(CLOSE_POLICY_VIOLATION, 'room-closed');
      observe(this.observer, 'seatEnded', { code: 'room-closed' });
    }
  }

  /** Rooms with at least one seat, connected or held for a resume. */
  get roomCount(): number {
    return this.rooms.size;
  }

  isJoined(connection: SignalingConnection): boolean {
    return this.seats.has(connection);
  }

  /** One text message from a socket. Never throws: bad input becomes an error reply or a close. */
  handleText(connection: SignalingConnection, text: string): void {
    const arrivedAt = this.monotonicNow();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.refuse(connection, 'bad-message', 'message is not valid JSON');
      return;
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      this.refuse(connection, 'bad-message', 'unknown or malformed message');
      return;
    }
    const message = parsed.data;
    const seat = this.seats.get(connection);
    switch (message.type) {
      case 'ping':
        connection.send({ type: 'pong' });
        return;
      case 'join':
        if (seat !== undefined) this.refuse(connection, 'bad-message', 'already joined');
        else this.join(connection, message.token);
        return;
      case 'resume':
        if (seat !== undefined) this.refuse(connection, 'bad-message', 'already joined');
        else this.resume(connection, message.resumeToken);
        return;
      case 'leave':
        this.disconnect(connection, true);
        connection.close(CLOSE_NORMAL, 'left');
        // Only a station closes its room: a consultant's flag is no authority over it.
        if (message.closeRoom === true && seat?.peer.role === 'station') this.closeRoom(seat.room.id);
        return;
      case 'signal': {
        if (seat === undefined) return this.refuse(connection, 'not-joined', 'join first');
        const target = seat.room.seats.get(message.to)?.connection ?? null;
        if (target === null || message.to === seat.peer.peerId) {
          connection.send(unknownPeer(message.id));
          return;
        }
        seat.relayedSignals += 1;
        seat.relayedBytes += text.length;
        if (seat.relayedSignals > this.relayLimit.signals || seat.relayedBytes > this.relayLimit.bytes) {
          return this.reject(connection, 'relay-limit', 'this seat has relayed all it may');
        }
        target.send({ type: 'signal', from: seat.peer.peerId, data: message.data });
        observe(this.observer, 'signalRelayed', {
          latencyMs: this.monotonicNow() - arrivedAt,
          crossNode: false,
        });
      }
    }
  }

  /**
   * The socket closed. After a `leave` (`left`) the seat ends; after a drop it is held for its
   * resume token. Either way the others hear `peer-left`.
   */
  disconnect(connection: SignalingConnection, left = false): void {
    this.release(connection, left ? 'left' : 'dropped');
  }

  private release(connection: SignalingConnection, code: SignalingErrorCode | 'left' | 'dropped'): void {
    const seat = this.seats.get(connection);
    if (seat === undefined) return;
    this.seats.delete(connection);
    seat.connection = null;
    if (code !== 'dropped') this.endSeat(seat, code);
    else {
      observe(this.observer, 'seatEnded', { code: 'dropped' });
      this.tellOthers(seat, { type: 'peer-left', peerId: seat.peer.peerId });
    }
  }

  private join(connection: SignalingConnection, token: string): void {
    const nowMs = this.now();
    const check = verifyToken(this.options.secret, token, nowMs);
    if (!check.ok) return this.refuseJoin('join', connection, check.code, check.message);
    const { room: roomId, role, jti, exp, revokes } = check.claims;
    if (this.revoked.isRevoked(roomId, nowMs)) {
      return this.refuseJoin('join', connection, 'revoked-token', 'this room was closed: ask for a new link');
    }
    if (this.replay.isReplay(jti, nowMs)) {
      return this.refuseJoin('join', connection, 'replayed-token', 'this invite was already used');
    }
    const identity = role === 'consultant' ? this.options.consultantIdentity?.(check.claims) : undefined;
    if (identity === null)
      return this.refuseJoin('join', connection, 'psc-required', 'sign in with Pro Santé Connect first');
    // Only a station's token closes rooms: a consultant link never names any.
    if (role === 'station') for (const old of revokes ?? []) if (old !== roomId) this.closeRoom(old);
    let room = this.rooms.get(roomId);
    if (room === undefined && !this.makeRoomFor(nowMs)) {
      return this.refuseJoin('join', connection, 'server-busy', 'too many rooms open: try again later');
    }
    const seated = [...(room?.seats.values() ?? [])];
    const ofRole = seated.filter((seat) => seat.peer.role === role);
    // A seat held for a resume gives way to a fresh invite for its role; a connected one never.
    const heldForResume = ofRole.find((seat) => seat.connection === null);
    if (ofRole.length >= ROLE_CAPACITY[role] && heldForResume === undefined) {
      // Every seat taken → room-full; a free seat, but not for this role → role-taken.
      if (seated.length >= ROOM_CAPACITY)
        return this.refuseJoin('join', connection, 'room-full', 'this room is full');
      return this.refuseJoin('join', connection, 'role-taken', `this room already has its ${role}`);
    }
    if (this.replay.claim(jti, exp * 1000, nowMs) === 'full')
      return this.refuseJoin('join', connection, 'server-busy', 'too many invites in use: try again later');
    if (role === 'consultant') this.options.onInviteSpent?.({ room: roomId, jti, expMs: exp * 1000 });
    if (ofRole.length >= ROLE_CAPACITY[role] && heldForResume !== undefined)
      this.endSeat(heldForResume, 'seat-taken-over');

    room = this.rooms.get(roomId) ?? { id: roomId, seats: new Map<string, Seat>() };
    this.rooms.set(roomId, room);
    const seat: Seat = {
      peer: {
        peerId: randomBytes(12).toString('base64url'),
        role,
        ...(identity === undefined ? {} : { identity }),
      },
      room,
      nonce: randomBytes(16).toString('base64url'),
      connection: null,
      strikes: 0,
      relayedSignals: 0,
      relayedBytes: 0,
      resumableUntilMs: 0,
    };
    room.seats.set(seat.peer.peerId, seat);
    this.seat(connection, seat, 'join', exp * 1000 + TURN_GRACE_S * 1000);
  }

  private resume(connection: SignalingConnection, resumeToken: string): void {
    const nowMs = this.now();
    const check = verifyResumeToken(this.options.secret, resumeToken, nowMs);
    if (!check.ok) return this.refuseJoin('resume', connection, 'bad-resume', check.message);
    const claims = check.claims;
    if (this.revoked.isRevoked(claims.room, nowMs)) {
      return this.refuseJoin('resume', connection, 'room-closed', 'this room was closed by the station');
    }
    if (this.replay.isReplay(claims.seat, nowMs)) {
      return this.refuseJoin('resume', connection, 'bad-resume', 'this seat has ended');
    }
    const room = this.rooms.get(claims.room);
    const existing = room?.seats.get(claims.peer);
    if (existing !== undefined) {
      if (existing.nonce !== claims.seat || existing.peer.role !== claims.role)
        return this.refuseJoin('resume', connection, 'bad-resume', 'this seat is no longer yours');
      const older = existing.connection;
      if (older !== null) {
        this.seats.delete(older);
        existing.connection = null;
        older.send(error('seat-taken-over', 'this seat was taken back by a newer connection'));
        older.close(CLOSE_POLICY_VIOLATION, 'seat-taken-over');
        observe(this.observer, 'seatEnded', { code: 'seat-taken-over' });
      }
      existing.strikes = 0;
      this.seat(connection, existing, 'resume', claims.exp * 1000);
      return;
    }
    // Not here: this node never saw the seat, or forgot its room (a restart, a room evicted while
    // every seat was held). The signed token is proof enough, if its role still has room.
    const recreated = this.recreateSeat(claims, nowMs);
    if (typeof recreated === 'string')
      return this.refuseJoin('resume', connection, recreated, 'this seat cannot be taken back');
    this.seat(connection, recreated, 'resume', claims.exp * 1000);
  }

  private recreateSeat(
    claims: ResumeClaims,
    nowMs: number,
  ): Seat | 'bad-resume' | 'server-busy' | 'psc-required' {
    const identity = this.identityOf(claims, nowMs);
    if (identity === null) return 'psc-required';
    let room = this.rooms.get(claims.room);
    if (room === undefined) {
      if (!this.makeRoomFor(nowMs)) return 'server-busy';
      room = { id: claims.room, seats: new Map<string, Seat>() };
      this.rooms.set(room.id, room);
    }
    const ofRole = [...room.seats.values()].filter((seat) => seat.peer.role === claims.role);
    if (ofRole.length >= ROLE_CAPACITY[claims.role]) return 'bad-resume';
    const seat: Seat = {
      peer: { peerId: claims.peer, role: claims.role, ...(identity === undefined ? {} : { identity }) },
      room,
      nonce: claims.seat,
      connection: null,
      strikes: 0,
      relayedSignals: 0,
      relayedBytes: 0,
      resumableUntilMs: claims.exp * 1000,
    };
    room.seats.set(seat.peer.peerId, seat);
    return seat;
  }

  /**
   * Who holds a seat taken back from its token alone: the Pro Santé Connect assertion it carries,
   * if it still verifies for this room (undefined: none needed). Where sign-in is required, a
   * consultant seat without one is not taken back (null: `psc-required`), as a join would not be.
   */
  private identityOf(claims: ResumeClaims, nowMs: number): string | undefined | null {
    const needed = claims.role === 'consultant' && this.options.consultantIdentity !== undefined;
    if (claims.identity === undefined) return needed ? null : undefined;
    const assertion = verifyAssertion(this.options.secret, claims.identity, nowMs);
    if (assertion !== null && assertion.room === claims.room) return claims.identity;
    return needed ? null : undefined;
  }

  /** Puts `connection` in `seat` and tells everyone: `joined` to it, `peer-joined` to the others. */
  private seat(
    connection: SignalingConnection,
    seat: Seat,
    how: 'join' | 'resume',
    turnNotAfterMs: number,
  ): void {
    const nowMs = this.now();
    seat.connection = connection;
    this.seats.set(connection, seat);
    const resume = issueResumeToken(this.options.secret, {
      room: seat.room.id,
      role: seat.peer.role,
      peer: seat.peer.peerId,
      seat: seat.nonce,
      nowMs,
      identity: seat.peer.identity,
    });
    seat.resumableUntilMs = resume.claims.exp * 1000;
    const others = [...seat.room.seats.values()].filter(
      (other) => other !== seat && other.connection !== null,
    );
    connection.send({
      type: 'joined',
      peerId: seat.peer.peerId,
      role: seat.peer.role,
      peers: others.map((other) => other.peer),
      iceServers: this.options.iceServersFor(seat.peer.peerId, turnNotAfterMs),
      resumeToken: resume.token,
    });
    observe(this.observer, 'joinAccepted', { how, role: seat.peer.role });
    this.tellOthers(seat, { type: 'peer-joined', peer: seat.peer });
  }

  /** The seat is over (left, or given to a fresh invite): its resume tokens stop working. */
  private endSeat(seat: Seat, code: SignalingErrorCode | 'left'): void {
    const room = seat.room;
    if (room.seats.get(seat.peer.peerId) !== seat) return;
    room.seats.delete(seat.peer.peerId);
    if (seat.resumableUntilMs > 0) this.replay.spend(seat.nonce, seat.resumableUntilMs);
    const connection = seat.connection;
    seat.connection = null;
    if (connection !== null) {
      this.seats.delete(connection);
      connection.send(error('seat-taken-over', 'this seat was given to someone else'));
      connection.close(CLOSE_POLICY_VIOLATION, 'seat-taken-over');
    }
    observe(this.observer, 'seatEnded', { code });
    if (room.seats.size === 0) {
      this.rooms.delete(room.id);
      return;
    }
    this.tellOthers(seat, { type: 'peer-left', peerId: seat.peer.peerId });
  }

  private tellOthers(seat: Seat, message: ServerMessage): void {
    for (const other of seat.room.seats.values()) if (other !== seat) other.connection?.send(message);
  }

  /**
   * Whether a new room may open: under `maxRooms`, or once a room whose every seat is held for a
   * resume (nobody connected) is let go. Its participants lose nothing: their resume tokens
   * recreate it, here or on another node.
   */
  private makeRoomFor(nowMs: number): boolean {
    if (this.rooms.size < (this.options.maxRooms ?? DEFAULT_MAX_ROOMS)) return true;
    for (const room of this.rooms.values()) {
      const seats = [...room.seats.values()];
      if (seats.every((seat) => seat.connection === null)) {
        this.rooms.delete(room.id);
        return true;
      }
    }
    this.replay.forgetExpired(nowMs);
    return false;
  }

  /** Joined sockets get a few strikes for bad messages; an unjoined one gets none. */
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
    this.reject(connection, code, message);
  }

  private reject(connection: SignalingConnection, code: SignalingErrorCode, message: string): void {
    connection.send(error(code, message));
    this.release(connection, code); // closed for cause: the seat ends with it
    connection.close(CLOSE_POLICY_VIOLATION, code);
  }
}

function error(code: SignalingErrorCode, message: string): ServerMessage {
  return { type: 'error', code, message };
}

/** A signal not relayed: its target is not connected. `ref` names the signal when it had an `id`. */
export function unknownPeer(ref: string | undefined): ServerMessage {
  return {
    ...(error('unknown-peer', 'no such peer connected in this room') as Extract<
      ServerMessage,
      { type: 'error' }
    >),
    ...(ref === undefined ? {} : { ref }),
  };
}
