import { randomBytes } from 'node:crypto';
import {
  clientMessageSchema,
  ROLE_CAPACITY,
  type IceServer,
  type Peer,
  type ServerMessage,
  type SignalingErrorCode,
} from '../../shared/call/signaling';
import { STATION_TOKEN_TTL_S, verifyToken } from './invite-token';
import { ReplayGuard } from './replay-guard';
import { RevokedRooms } from './revoked-rooms';
import { TURN_GRACE_S } from './turn-credentials';

/**
 * The rendezvous rooms, without sockets or timers: the socket glue (signaling-route.ts)
 * hands each text message here with the participant's connection, and closes what we ask it to.
 * A room exists while someone is in it; it admits ROLE_CAPACITY participants per role, and relays
 * opaque `signal` payloads only between members of the same room. The station may close a room
 * (`closeRoom`, or the `revokes` claim of its next token): its members are sent away with
 * `room-closed` and no token for it joins again (`revoked-token`).
 */
export interface SignalingConnection {
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
  readonly maxRooms?: number;
  readonly replayCacheSize?: number;
  readonly rejoinGraceMs?: number;
  /** Malformed or out-of-place messages tolerated from a joined socket before it is closed. */
  readonly maxStrikes?: number;
  readonly maxRevokedRooms?: number;
  /**
   * What one seat may relay over its life: the rate limit bounds a second, this bounds a call, so a
   * page cannot pour gigabytes through the rendezvous into the other side's page over an hour.
   */
  readonly relayLimit?: { readonly signals: number; readonly bytes: number };
}

/** A call's setup and a long run of ICE restarts need a few hundred signals and a few MiB. */
export const DEFAULT_RELAY_LIMIT = { signals: 5000, bytes: 16 * 1024 * 1024 };

export const DEFAULT_MAX_ROOMS = 1000;
export const DEFAULT_REJOIN_GRACE_MS = 2 * 60 * 1000;
/** Seats in one room, all roles together. */
const ROOM_CAPACITY = Object.values(ROLE_CAPACITY).reduce((sum, n) => sum + n, 0);
export const CLOSE_NORMAL = 1000;
export const CLOSE_POLICY_VIOLATION = 1008;

interface Seat {
  readonly peer: Peer;
  readonly room: string;
  readonly jti: string;
  strikes: number;
  relayedSignals: number;
  /** Characters of the `signal` messages relayed (a close bound on their bytes). */
  relayedBytes: number;
}

export class RendezvousRooms {
  private readonly rooms = new Map<string, Map<string, { seat: Seat; connection: SignalingConnection }>>();
  private readonly seats = new Map<SignalingConnection, Seat>();
  private readonly replay: ReplayGuard;
  private readonly revoked: RevokedRooms;
  private readonly now: () => number;
  private readonly relayLimit: { readonly signals: number; readonly bytes: number };

  constructor(private readonly options: RendezvousOptions) {
    this.now = options.now ?? Date.now;
    this.relayLimit = options.relayLimit ?? DEFAULT_RELAY_LIMIT;
    this.replay = new ReplayGuard({
      maxEntries: options.replayCacheSize ?? 10_000,
      rejoinGraceMs: options.rejoinGraceMs ?? DEFAULT_REJOIN_GRACE_MS,
    });
    // A station token is the longest-lived: past it, no token for a closed room can verify anyway.
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
    this.revoked.revoke(roomId, this.now());
    const room = this.rooms.get(roomId);
    if (room === undefined) return;
    for (const { connection } of [...room.values()]) {
      connection.send(error('room-closed', 'this room was closed by the station'));
      this.disconnect(connection, true);
      connection.close(CLOSE_POLICY_VIOLATION, 'room-closed');
    }
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  isJoined(connection: SignalingConnection): boolean {
    return this.seats.has(connection);
  }

  /** One text message from a socket. Never throws: bad input becomes an error reply or a close. */
  handleText(connection: SignalingConnection, text: string): void {
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
      case 'leave':
        this.disconnect(connection, true);
        connection.close(CLOSE_NORMAL, 'left');
        return;
      case 'signal': {
        if (seat === undefined) return this.refuse(connection, 'not-joined', 'join first');
        const target = this.rooms.get(seat.room)?.get(message.to);
        if (target === undefined || message.to === seat.peer.peerId) {
          connection.send(error('unknown-peer', 'no such peer in this room'));
          return;
        }
        seat.relayedSignals += 1;
        seat.relayedBytes += text.length;
        if (seat.relayedSignals > this.relayLimit.signals || seat.relayedBytes > this.relayLimit.bytes) {
          return this.reject(connection, 'relay-limit', 'this seat has relayed all it may');
        }
        target.connection.send({ type: 'signal', from: seat.peer.peerId, data: message.data });
      }
    }
  }

  /** The socket closed (`left` after a `leave`): frees its seat and tells the others. */
  disconnect(connection: SignalingConnection, left = false): void {
    const seat = this.seats.get(connection);
    if (seat === undefined) return;
    this.seats.delete(connection);
    this.replay.release(seat.jti, left, this.now());
    const room = this.rooms.get(seat.room);
    room?.delete(seat.peer.peerId);
    if (room === undefined || room.size === 0) {
      this.rooms.delete(seat.room);
      return;
    }
    for (const other of room.values()) other.connection.send({ type: 'peer-left', peerId: seat.peer.peerId });
  }

  private join(connection: SignalingConnection, token: string): void {
    const nowMs = this.now();
    const check = verifyToken(this.options.secret, token, nowMs);
    if (!check.ok) return this.reject(connection, check.code, check.message);
    const { room: roomId, role, jti, exp, revokes } = check.claims;
    if (this.revoked.isRevoked(roomId, nowMs)) {
      return this.reject(connection, 'revoked-token', 'this room was closed: ask for a new link');
    }
    if (this.replay.isReplay(jti, nowMs)) {
      return this.reject(connection, 'replayed-token', 'this invite was already used');
    }
    // Only a station's token closes rooms: a consultant link never names any.
    if (role === 'station') for (const old of revokes ?? []) if (old !== roomId) this.closeRoom(old);
    const room = this.rooms.get(roomId);
    if (room === undefined && this.rooms.size >= (this.options.maxRooms ?? DEFAULT_MAX_ROOMS)) {
      return this.reject(connection, 'server-busy', 'too many rooms open: try again later');
    }
    const members = [...(room?.values() ?? [])].map((member) => member.seat.peer);
    // Every seat taken → room-full; a free seat, but not for this role → role-taken.
    if (members.length >= ROOM_CAPACITY) return this.reject(connection, 'room-full', 'this room is full');
    if (members.filter((peer) => peer.role === role).length >= ROLE_CAPACITY[role]) {
      return this.reject(connection, 'role-taken', `this room already has its ${role}`);
    }
    if (this.replay.claim(jti, exp, nowMs) === 'full')
      return this.reject(connection, 'server-busy', 'too many invites in use: try again later');

    const seat: Seat = {
      peer: { peerId: randomBytes(12).toString('base64url'), role },
      room: roomId,
      jti,
      strikes: 0,
      relayedSignals: 0,
      relayedBytes: 0,
    };
    const seated = room ?? new Map<string, { seat: Seat; connection: SignalingConnection }>();
    this.rooms.set(roomId, seated);
    seated.set(seat.peer.peerId, { seat, connection });
    this.seats.set(connection, seat);
    connection.send({
      type: 'joined',
      peerId: seat.peer.peerId,
      role,
      peers: members,
      iceServers: this.options.iceServersFor(seat.peer.peerId, exp * 1000 + TURN_GRACE_S * 1000),
    });
    for (const peer of members)
      seated.get(peer.peerId)?.connection.send({ type: 'peer-joined', peer: seat.peer });
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

  private reject(connection: SignalingConnection, code: SignalingErrorCode, message: string): void {
    connection.send(error(code, message));
    this.disconnect(connection, true); // closed for cause: its token does not get a rejoin grace
    connection.close(CLOSE_POLICY_VIOLATION, code);
  }
}

function error(code: SignalingErrorCode, message: string): ServerMessage {
  return { type: 'error', code, message };
}
