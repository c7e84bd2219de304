import type { ParticipantRole, Peer, SignalingErrorCode } from '../../../shared/call/signaling';
import type { CallCredentials } from './call-session-options';
import { NamedTimers } from './named-timers';
import type { CallClock, ReconnectTiming } from './reconnect-timing';
import { rejoinDelayMs } from './reconnect-timing';
import type { NetworkProbe } from './relay-probe';
import type { SeatStore } from './seat-store';
import {
  SignalingSocket,
  type CreateSocket,
  type Hello,
  type JoinedInfo,
  type SocketEnd,
} from './signaling-socket';

/**
 * The page's seat at the rendezvous, kept for as long as the call lasts: one SignalingSocket at a
 * time, and a new one after every loss, with backoff capped at `rejoinMaxMs` and no give-up. The
 * first hello is a `join` with fresh credentials; every later one a `resume` with the token of the
 * last `joined` (kept in a SeatStore: sessionStorage on a page, so a reload takes the same seat).
 *
 * What each refusal means is decided here, once, for both roles:
 * - `bad-resume`: the seat is gone (the room closed, or the server forgot it): join afresh.
 * - `room-closed`: a station moved to a new room (newRoom, a new consultation): it reseats at once
 *   with a fresh token; for a doctor the call is over.
 * - `seat-taken-over`: another tab (or a reload) took the seat: this one stops, never fights back.
 * - a refused invite (used, revoked, expired, forged) stops the doctor's page; the station's
 *   credentials are fresh each time, so after it has once been seated it keeps trying.
 * - anything else (busy, draining, unavailable, rate-limited): the socket closes and we come back.
 */
export interface SignalingClientHandlers {
  /** A socket is being opened, and later opened and said its hello (for the recovery timeline). */
  connecting?(): void;
  opened?(): void;
  joined(info: JoinedInfo & { readonly resumed: boolean }): void;
  peerJoined(peer: Peer): void;
  peerLeft(peerId: string): void;
  signal(from: string, data: Record<string, unknown>): void;
  /** The socket was lost (`why`); the client is already on its way back. */
  lost(why: SocketEnd): void;
  /** The rendezvous refused this page for good: the client has stopped. */
  refused(code: SignalingErrorCode): void;
  /** The station's room was closed (newRoom, a new consultation): it is joining its new room now. */
  moved(): void;
}

export interface SignalingClientOptions {
  readonly role: ParticipantRole;
  /** Fresh join credentials: the station asks its backend each time; the doctor has the invite. */
  readonly credentials: () => Promise<CallCredentials>;
  readonly seat: SeatStore;
  readonly timing: ReconnectTiming;
  readonly clock: CallClock;
  readonly createSocket: CreateSocket;
  /** In [0, 1): spreads the retries of many pages cut at once. */
  readonly random?: () => number;
  /**
   * Whether the network is back, asked before each reconnect once `probeAfterFailures` have failed
   * in a row (relay-probe.ts); without one, or when it cannot tell (null), the client just retries.
   */
  readonly probe?: NetworkProbe;
}

/** A refused invite: no retry with the same one can succeed. */
const INVITE_REFUSALS: ReadonlySet<SignalingErrorCode> = new Set([
  'bad-token',
  'expired-token',
  'replayed-token',
  'revoked-token',
  'role-taken',
  'room-full',
  // The doctor's page signs in first (PscGate); a page that joined anyway is refused for good.
  'psc-required',
]);

type TimerName = 'rejoin';

export class SignalingClient {
  private socket: SignalingSocket | null = null;
  private readonly timers: NamedTimers<TimerName>;
  private attempt = 0;
  private everJoined = false;
  private stopped = false;
  /** The next reconnect skips the backoff (the server told us where to go). */
  private hurry = false;
  /** The probe running now (a later one, or a stop, makes its answer moot). */
  private probing: Promise<boolean> | null = null;
  private lastProbeMs = Number.NEGATIVE_INFINITY;
  /** When the last socket was opened: a blind one is due `blindRetryMs` after it. */
  private lastSocketMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: SignalingClientOptions,
    private readonly handlers: SignalingClientHandlers,
  ) {
    this.timers = new NamedTimers(options.clock);
  }

  start(): void {
    void this.connect();
  }

  get isJoined(): boolean {
    return this.socket?.isJoined === true;
  }

  /** False when there is no seat right now (the caller retries once `joined` comes back). */
  signal(to: string, data: Record<string, unknown>): boolean {
    return this.socket?.signal(to, data) ?? false;
  }

  /**
   * The station's backend replaced its room (`call.moved`): leave the old room now — a standalone
   * rendezvous learns of the move only from the station — and join the new one with a fresh token,
   * which also names the old room as revoked. The doctor's page has no such move.
   */
  moveRoom(): void {
    if (this.stopped || this.options.role !== 'station') return;
    const old = this.socket;
    this.socket = null;
    old?.close(true);
    this.options.seat.save(null);
    this.timers.clearAll();
    this.probing = null;
    this.handlers.moved();
    void this.connect();
  }

  /** Stops for good; `leave` gives the seat up (a hang-up), without it the seat stays resumable. */
  close(leave: boolean): void {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clearAll();
    this.probing = null;
    this.socket?.close(leave);
    this.socket = null;
    if (leave) this.options.seat.save(null);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const stored = this.options.seat.load();
    let url: string;
    let hello: Hello;
    if (stored !== null) {
      url = stored.signalingUrl;
      hello = { type: 'resume', resumeToken: stored.resumeToken };
    } else {
      try {
        const credentials = await this.options.credentials();
        url = credentials.signalingUrl;
        hello = { type: 'join', token: credentials.token };
      } catch (cause) {
        // The doctor's credentials are the invite it came with: none, and there is nothing to retry.
        if (this.options.role === 'consultant') {
          this.refuse('bad-resume');
          return;
        }
        console.warn('could not get call credentials; retrying', cause);
        this.retry();
        return;
      }
      if (this.stopped) return;
    }
    this.lastSocketMs = this.options.clock.now();
    this.handlers.connecting?.();
    const socket: SignalingSocket = new SignalingSocket(
      url,
      hello,
      {
        opened: () => this.socket === socket && this.handlers.opened?.(),
        joined: (info) => {
          if (this.socket !== socket) return;
          this.attempt = 0;
          this.everJoined = true;
          if (info.resumeToken !== null)
            this.options.seat.save({ signalingUrl: url, resumeToken: info.resumeToken });
          this.handlers.joined({ ...info, resumed: hello.type === 'resume' });
        },
        peerJoined: (peer) => this.socket === socket && this.handlers.peerJoined(peer),
        peerLeft: (peerId) => this.socket === socket && this.handlers.peerLeft(peerId),
        signal: (from, data) => this.socket === socket && this.handlers.signal(from, data),
        error: (code, message) => this.socket === socket && this.onError(code, message, hello),
        ended: (why) => {
          if (this.socket !== socket) return;
          this.socket = null;
          if (this.stopped) return;
          this.handlers.lost(why);
          this.retry();
        },
      },
      this.options.timing,
      this.options.clock,
      this.options.createSocket,
    );
    this.socket = socket;
  }

  private onError(code: SignalingErrorCode, message: string, hello: Hello): void {
    if (code === 'bad-resume') {
      this.options.seat.save(null);
      this.hurry = true;
    } else if (code === 'room-closed') {
      this.options.seat.save(null);
      if (this.options.role === 'consultant') this.refuse(code);
      else {
        this.hurry = true;
        this.handlers.moved();
      }
    } else if (code === 'seat-taken-over') {
      this.refuse(code);
    } else if (hello.type === 'join' && INVITE_REFUSALS.has(code)) {
      // The station's tokens are fresh each time: once seated, a refusal is a moment's trouble.
      if (this.options.role === 'consultant' || !this.everJoined) this.refuse(code);
    } else if (code === 'draining') {
      this.hurry = true;
    } else {
      console.warn(`rendezvous server: ${code}: ${message}`);
    }
  }

  private refuse(code: SignalingErrorCode): void {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clearAll();
    this.socket?.close(false);
    this.socket = null;
    this.handlers.refused(code);
  }

  private retry(): void {
    if (this.stopped) return;
    const random = this.options.random ?? Math.random;
    const hurry = this.hurry;
    const delay = hurry ? 0 : rejoinDelayMs(this.attempt++, this.options.timing) * (0.8 + 0.4 * random());
    this.hurry = false;
    this.timers.set('rejoin', delay, () => (hurry ? void this.connect() : this.next()));
  }

  /**
   * The next step back: a socket, or — once the cut has lasted — first the probe, then a socket as
   * soon as it hears the network (or when a blind try is due).
   */
  private next(): void {
    if (this.stopped) return;
    const timing = this.options.timing;
    const now = this.options.clock.now();
    const probe =
      this.attempt > timing.probeAfterFailures && now - this.lastSocketMs < timing.blindRetryMs
        ? (this.options.probe?.() ?? null)
        : null;
    if (probe === null) {
      void this.connect();
      return;
    }
    this.probing = probe;
    this.lastProbeMs = now;
    const answered = (back: boolean): void => {
      if (this.stopped || this.probing !== probe) return;
      this.probing = null;
      if (back) {
        void this.connect();
        return;
      }
      // One probe at a time, and at most one every rejoinMaxMs however fast it failed.
      const wait = Math.max(0, this.lastProbeMs + timing.rejoinMaxMs - this.options.clock.now());
      this.timers.set('rejoin', wait, () => this.next());
    };
    probe.then(answered, () => answered(false));
  }
}
