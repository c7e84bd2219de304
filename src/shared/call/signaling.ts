import { z } from 'zod';

/**
 * The rendezvous (signaling) protocol between a participant's browser and the rendezvous server,
 * JSON over WebSocket. The server relays opaque WebRTC signals between the participants of one
 * room and never sees media or readings. Rooms hold one station and one consultant today; roles
 * and peer lists are already plural so an interpreter or a second doctor can join later without a
 * protocol change.
 */

export const PARTICIPANT_ROLES = ['station', 'consultant'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** How many participants of each role a room admits. */
export const ROLE_CAPACITY: Readonly<Record<ParticipantRole, number>> = { station: 1, consultant: 1 };

/** Upper bound on one signaling message (an SDP offer with many candidates is ~10 KiB). */
export const MAX_SIGNAL_MESSAGE_BYTES = 64 * 1024;

/**
 * Longest resume token the server hands out or accepts: a consultant's seat carries the signed
 * assertion of its Pro Santé Connect sign-in (2048 characters at most) inside it.
 */
export const RESUME_TOKEN_MAX_CHARS = 3200;

const peerId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const peerSchema = z.strictObject({
  peerId,
  role: z.enum(PARTICIPANT_ROLES),
  /**
   * A consultant who signed in with Pro Santé Connect: the rendezvous's signed assertion of who
   * they are (core/psc/identity-assertion.ts), for the station's backend to check. Opaque to pages.
   */
  identity: z.string().min(1).max(2048).optional(),
});
export type Peer = z.infer<typeof peerSchema>;

/** An RTCIceServer as the browser takes it. */
export const iceServerSchema = z.strictObject({
  urls: z.union([z.string().max(300), z.array(z.string().max(300)).max(8)]),
  username: z.string().max(300).optional(),
  credential: z.string().max(300).optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

/** Opaque to the server: an SDP description or an ICE candidate, as simple-peer emits them. */
const signalData = z.record(z.string(), z.unknown());
const signalId = z.string().min(1).max(64);

export const clientMessageSchema = z.discriminatedUnion('type', [
  /** First message on a socket: the invite token says which room and role. */
  z.strictObject({ type: z.literal('join'), token: z.string().min(1).max(2048) }),
  /**
   * First message instead of `join` after a reload, a crashed tab or a lost socket: the
   * `resumeToken` of an earlier `joined` takes back the same seat (the newer socket wins, the older
   * one is told `seat-taken-over`), with no invite. Valid while the room lives.
   */
  z.strictObject({ type: z.literal('resume'), resumeToken: z.string().min(1).max(RESUME_TOKEN_MAX_CHARS) }),
  /**
   * `id` (optional, the sender's own): an `unknown-peer` refusal of this signal names it in its
   * `ref`, so the sender knows which signal did not reach its peer (away for a moment: its socket
   * dropped, its rendezvous node died) and can send it again once the peer is back (`peer-joined`).
   */
  z.strictObject({ type: z.literal('signal'), to: peerId, data: signalData, id: signalId.optional() }),
  /**
   * Leaves on purpose (the seat and its resume token end). A station adds `closeRoom` when its
   * backend has left this room (a new room, or the consultation's end): the room is closed for
   * everyone (`room-closed`) and its links and resume tokens stop working, on any rendezvous.
   */
  z.strictObject({ type: z.literal('leave'), closeRoom: z.literal(true).optional() }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const SIGNALING_ERROR_CODES = [
  'bad-token',
  'expired-token',
  'replayed-token',
  'role-taken',
  'room-full',
  'bad-message',
  'too-large',
  'rate-limited',
  'not-joined',
  'unknown-peer',
  'server-busy',
  /** No complete message for too long (pages ping every second). */
  'idle-timeout',
  /**
   * The station closed the room (its consultation ended, or it started a new room): a station
   * rejoins with a fresh token from its backend; a doctor has nowhere to rejoin (the call is over).
   */
  'room-closed',
  /** A link to a room the station has closed: ask the station for a new link. */
  'revoked-token',
  /** This seat relayed all the signals one call may (RendezvousOptions.relayLimit). */
  'relay-limit',
  /** A `resume` with a token that is unknown, forged, or of a room that no longer exists. */
  'bad-resume',
  /** This seat was taken back by a newer socket with the same resume token (another tab, F5). */
  'seat-taken-over',
  /** The rendezvous cannot reach its shared state (Redis): new joins are refused for now. */
  'unavailable',
  /** This rendezvous node is shutting down: reconnect (to another node) and `resume`. */
  'draining',
  /** This rendezvous asks the doctor to sign in with Pro Santé Connect before joining. */
  'psc-required',
] as const;
export type SignalingErrorCode = (typeof SIGNALING_ERROR_CODES)[number];

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('joined'),
    peerId,
    role: z.enum(PARTICIPANT_ROLES),
    /** Everyone already in the room. */
    peers: z.array(peerSchema).max(16),
    /** STUN/TURN servers with short-lived TURN credentials for this participant. */
    iceServers: z.array(iceServerSchema).max(8),
    /** Takes this seat back with `resume` after a reload or a lost socket; keep it per tab. */
    resumeToken: z.string().min(1).max(RESUME_TOKEN_MAX_CHARS).optional(),
  }),
  /**
   * Someone took a seat. A peer id already known means that participant took its seat back
   * (`resume`): its page may be new (F5) or the same (a lost socket, a rendezvous node that went
   * away), so a peer connection with it that still works may be kept.
   */
  z.strictObject({ type: z.literal('peer-joined'), peer: peerSchema }),
  /**
   * A seat's socket dropped (the seat is held for a resume) or its participant left; not sent when
   * that participant's rendezvous node drains or dies (it resumes elsewhere, media unaffected).
   */
  z.strictObject({ type: z.literal('peer-left'), peerId }),
  z.strictObject({ type: z.literal('signal'), from: peerId, data: signalData }),
  z.strictObject({
    type: z.literal('error'),
    code: z.enum(SIGNALING_ERROR_CODES),
    /** For logs only: pages show the code through their catalogue, never this text. */
    message: z.string().max(500),
    /** The `id` of the signal this refusal is about (`unknown-peer`), when it had one. */
    ref: signalId.optional(),
  }),
  z.strictObject({ type: z.literal('pong') }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** WebSocket path of the rendezvous server, on the station's Node host or a standalone server. */
export const SIGNALING_PATH = '/signal';
