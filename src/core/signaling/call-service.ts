import { ListenerSet } from '../listeners';
import {
  CONSULTANT_INVITE_TTL_S,
  issueToken,
  MAX_REVOKED_PER_TOKEN,
  randomId,
  STATION_TOKEN_TTL_S,
} from './invite-token';
import { SIGNALING_PATH } from '../../shared/call/signaling';
import { MAX_SPENT_INVITES, type CallRoomState, type CallRoomStore } from './call-room-store';
import { verifyAssertion, type AssertionClaims } from '../psc/identity-assertion';

/**
 * The station's side of inviting: one current room, a single-use consultant link for it, and a
 * fresh station token on every (re)join. Backs the `call.invite` and `call.join` API methods.
 * Tokens are signed with the key the rendezvous server verifies with: the embedded server shares
 * it in-process; a standalone server must be given the same key (STATION_SIGNALING_SECRET).
 *
 * Leaving a room (a new consultation, or `newRoom`) closes it: the embedded server at once
 * (`onRoomClosed`: the station's page is sent away and rejoins the new room with a fresh token),
 * and any server through the station's next token, which names the rooms it left (`revokes`).
 *
 * With a `store`, a restart of the host does not move the call: the consultation's room, the rooms
 * it left and the invites used in it are kept (call-room-store.ts) until the consultation ends, so
 * the station's page rejoins the same room and the doctor's page resumes its seat, with no new link.
 */
export interface CallInvite {
  readonly consultantUrl: string;
  readonly consultantToken: string;
  readonly expiresAt: string;
}

export interface StationJoin {
  readonly signalingUrl: string;
  readonly token: string;
  readonly expiresAt: string;
}

export interface CallService {
  /**
   * `newRoom` starts a new room: links issued before lead nowhere, and the station's page is moved
   * into the new room (sent away from the old one, it rejoins with a fresh token).
   */
  invite(request: { newRoom?: boolean }): Promise<CallInvite>;
  /** Told after `invite({ newRoom })` replaced the room, so the station's page moves at once. */
  onMoved?(listener: () => void): () => void;
  join(): Promise<StationJoin>;
  /**
   * Gives the room to a consultation: a different one than before starts a new room, so links
   * issued for an earlier consultation (used or not) no longer lead into this call.
   */
  bindRoom(owner: string): void;
  /**
   * The consultation that owns the room has ended: its room is closed now (links refused, whoever
   * is in it sent away), not when the next consultation starts. Another owner's room is left alone.
   */
  releaseRoom?(owner: string): void;
  /**
   * A report-only room (report-sessions.ts): a consultant link (`#report=`) and station tokens for
   * a room apart from the call's, valid `ttlS`. Never the current room, never closed by a new one.
   */
  reportInvite?(room: string, ttlS: number): CallInvite;
  reportJoin?(room: string, ttlS: number): StationJoin;
  /**
   * The rendezvous seated a consultant with an invite for `room`: kept with the room, so that
   * after a restart the used link still seats no one else (RendezvousOptions.onInviteSpent).
   */
  inviteSpent?(spent: { room: string; jti: string; expMs: number }): void;
  /** Invites used in the current room, for a rendezvous starting afresh (a restarted host). */
  spentInvites?(): readonly { jti: string; expMs: number }[];
  /**
   * A rendezvous's signed word (identity-assertion.ts) that the doctor holding one of our invites
   * signed in with Pro Santé Connect, checked with our signing key and clock; null if it does not hold.
   */
  consultantIdentity?(assertion: string): AssertionClaims | null;
  /**
   * The consultation that owns `room` if it is the call's current room (kept across a restart),
   * else null: every consultant link for that room was given for that consultation.
   */
  roomOwnerOf?(room: string): string | null;
}

export interface CallServiceOptions {
  readonly secret: Uint8Array;
  /**
   * Origin of the rendezvous server (`https://rdv.example.org`, or this host's own origin when
   * the server is embedded), read per call: it is known only once the host listens, and the
   * `rendezvousUrl` setting may change.
   */
  readonly rendezvousOrigin: () => string;
  readonly now?: () => number;
  /** The station left this room: the embedded rendezvous closes it (RendezvousRooms.closeRoom). */
  readonly onRoomClosed?: (room: string) => void;
  /** Where the room outlives a restart of the host; without one it lives in memory only. */
  readonly store?: CallRoomStore;
}

/** The consultant page; the token goes in the fragment so it never reaches a server log or a Referer. */
export const CONSULTANT_PAGE = 'consultant.html';
/** The fragment key of a report-only link: the doctor's page opens with the report form alone. */
export const REPORT_FRAGMENT = 'report';

export function createCallService(options: CallServiceOptions): CallService {
  const now = options.now ?? Date.now;
  const kept = options.store?.load() ?? null;
  // A consultation's room outlives the restart; once it ended only the rooms it left do.
  const keptRoom = kept !== null && kept.owner !== null ? kept : null;
  let room = keptRoom?.room ?? randomId();
  let roomOwner: string | null = kept?.owner ?? null;
  /** Rooms left most recently, newest last: named in station tokens so any server closes them. */
  const leftRooms: string[] = [...(kept?.leftRooms ?? [])];
  /** Consultant invites used in the current room (the rendezvous tells us), oldest first. */
  let spent: { jti: string; expMs: number }[] = [...(keptRoom?.spentInvites ?? [])];
  const save = (): void => {
    const state: CallRoomState = {
      room,
      owner: roomOwner,
      leftRooms: [...leftRooms],
      spentInvites: spent.filter((invite) => invite.expMs > now()),
    };
    options.store?.save(state);
  };
  // The embedded rendezvous starts with no memory: the rooms left before the restart stay closed.
  for (const old of leftRooms) options.onRoomClosed?.(old);
  const moveToNewRoom = (): void => {
    const old = room;
    room = randomId();
    spent = [];
    leftRooms.push(old);
    leftRooms.splice(0, Math.max(0, leftRooms.length - MAX_REVOKED_PER_TOKEN));
    options.onRoomClosed?.(old);
  };
  const origin = (): string => new URL(options.rendezvousOrigin()).origin;
  const moved = new ListenerSet<[]>();
  return {
    onMoved: (listener) => moved.add(listener),
    invite({ newRoom }) {
      if (newRoom === true) {
        moveToNewRoom();
        save();
        moved.emit();
      }
      const { token, claims } = issueToken(options.secret, {
        room,
        role: 'consultant',
        ttlS: CONSULTANT_INVITE_TTL_S,
        nowMs: now(),
      });
      return Promise.resolve({
        consultantUrl: `${origin()}/${CONSULTANT_PAGE}#invite=${token}`,
        consultantToken: token,
        expiresAt: new Date(claims.exp * 1000).toISOString(),
      });
    },
    bindRoom(owner) {
      if (owner === roomOwner) return;
      roomOwner = owner;
      moveToNewRoom();
      save();
    },
    releaseRoom(owner) {
      if (owner !== roomOwner) return;
      roomOwner = null;
      moveToNewRoom();
      save();
    },
    inviteSpent(invite) {
      if (invite.room !== room || roomOwner === null) return;
      const fresh = spent.filter((s) => s.expMs > now() && s.jti !== invite.jti);
      spent = [...fresh, { jti: invite.jti, expMs: invite.expMs }].slice(-MAX_SPENT_INVITES);
      save();
    },
    spentInvites: () => spent.filter((invite) => invite.expMs > now()),
    reportInvite(reportRoom, ttlS) {
      const { token, claims } = issueToken(options.secret, {
        room: reportRoom,
        role: 'consultant',
        ttlS,
        nowMs: now(),
      });
      return {
        consultantUrl: `${origin()}/${CONSULTANT_PAGE}#${REPORT_FRAGMENT}=${token}`,
        consultantToken: token,
        expiresAt: new Date(claims.exp * 1000).toISOString(),
      };
    },
    reportJoin(reportRoom, ttlS) {
      const { token, claims } = issueToken(options.secret, {
        room: reportRoom,
        role: 'station',
        ttlS,
        nowMs: now(),
      });
      return {
        signalingUrl: signalingUrlOf(origin()),
        token,
        expiresAt: new Date(claims.exp * 1000).toISOString(),
      };
    },
    consultantIdentity(assertion) {
      return verifyAssertion(options.secret, assertion, now());
    },
    roomOwnerOf(asked) {
      return asked === room ? roomOwner : null;
    },
    join() {
      const { token, claims } = issueToken(options.secret, {
        room,
        role: 'station',
        ttlS: STATION_TOKEN_TTL_S,
        nowMs: now(),
        revokes: leftRooms,
      });
      return Promise.resolve({
        signalingUrl: signalingUrlOf(origin()),
        token,
        expiresAt: new Date(claims.exp * 1000).toISOString(),
      });
    },
  };
}

/** `https://h:1` → `wss://h:1/signal`; `http://h` → `ws://h/signal`. */
export function signalingUrlOf(origin: string): string {
  const url = new URL(SIGNALING_PATH, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** The `rendezvousUrl` setting (`wss://h/signal`) → the rendezvous origin (`https://h`). */
export function originOfRendezvousUrl(rendezvousUrl: string): string {
  const url = new URL(rendezvousUrl);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
}
