import {
  serverMessageSchema,
  type ClientMessage,
  type IceServer,
  type Peer,
  type ServerMessage,
  type SignalingErrorCode,
} from '../../../shared/call/signaling';
import { NamedTimers } from './named-timers';
import type { CallClock, ReconnectTiming } from './reconnect-timing';

/**
 * One rendezvous socket: says hello (`join` with an invite or station token, or `resume` with the
 * token of an earlier `joined`), relays signals, and proves itself alive. Every server message is
 * schema-checked. It never reconnects: SignalingClient builds the next one.
 *
 * Liveness is the point (issue 14): a socket half-open after a cut stays "open" for the browser
 * for a minute or more. So the page pings every `pingEveryMs`, and a socket from which nothing at
 * all came for `socketSilentMs` — or that is not `joined` within `joinTimeoutMs` — is declared
 * dead and dropped on our side at once, without waiting for TCP to agree.
 */
export type Hello =
  | { readonly type: 'join'; readonly token: string }
  | { readonly type: 'resume'; readonly resumeToken: string };

export interface JoinedInfo {
  readonly peerId: string;
  readonly peers: readonly Peer[];
  readonly iceServers: readonly IceServer[];
  readonly resumeToken: string | null;
}

/** Why a socket ended on its own: the server closed it, or we gave up on it. */
export type SocketEnd = 'closed' | 'silent' | 'join-timeout';

export interface SignalingSocketHandlers {
  /** The socket opened (the hello is on its way): the recovery timeline marks it. */
  opened?(): void;
  joined(info: JoinedInfo): void;
  peerJoined(peer: Peer): void;
  peerLeft(peerId: string): void;
  signal(from: string, data: Record<string, unknown>): void;
  error(code: SignalingErrorCode, message: string): void;
  /** The socket is gone (not after our own close); called once. */
  ended(why: SocketEnd): void;
}

/** The part of the browser's WebSocket used here (the jest tests give `ws`'s, or a fake). */
export type WebSocketLike = Pick<
  WebSocket,
  'readyState' | 'onopen' | 'onmessage' | 'onerror' | 'onclose' | 'send' | 'close'
>;

export type CreateSocket = (url: string) => WebSocketLike;

const OPEN = 1;

type TimerName = 'tick' | 'join';

export class SignalingSocket {
  private readonly socket: WebSocketLike;
  private readonly timers: NamedTimers<TimerName>;
  private lastHeardMs: number;
  private lastPingMs = Number.NEGATIVE_INFINITY;
  private joined = false;
  private done = false;

  constructor(
    url: string,
    hello: Hello,
    private readonly handlers: SignalingSocketHandlers,
    private readonly timing: ReconnectTiming,
    private readonly clock: CallClock,
    createSocket: CreateSocket,
  ) {
    this.timers = new NamedTimers(clock);
    this.lastHeardMs = clock.now();
    this.socket = createSocket(url);
    this.socket.onopen = () => {
      this.lastHeardMs = this.clock.now();
      this.send(hello);
      this.handlers.opened?.();
      this.tick();
    };
    this.socket.onmessage = (event: MessageEvent) => {
      this.lastHeardMs = this.clock.now();
      this.receive(event.data);
    };
    this.socket.onerror = () => undefined; // always followed by close
    this.socket.onclose = () => this.finish('closed');
    this.timers.set('join', timing.joinTimeoutMs, () => {
      if (!this.joined) this.giveUp('join-timeout');
    });
  }

  get isJoined(): boolean {
    return this.joined && !this.done;
  }

  signal(to: string, data: Record<string, unknown>): boolean {
    if (!this.isJoined) return false;
    return this.send({ type: 'signal', to, data });
  }

  /** `leave` tells the server this was on purpose: the seat is given up for good. */
  close(leave: boolean): void {
    if (this.done) return;
    if (leave) this.send({ type: 'leave' });
    this.detach();
    this.socket.close(1000, leave ? 'left' : 'reconnecting');
  }

  private tick(): void {
    if (this.done) return;
    const now = this.clock.now();
    if (now - this.lastHeardMs >= this.timing.socketSilentMs) {
      this.giveUp('silent');
      return;
    }
    if (now - this.lastPingMs >= this.timing.pingEveryMs) {
      this.lastPingMs = now;
      this.send({ type: 'ping' });
    }
    // A quarter of the ping period: the silence is noticed within ~250 ms of the limit.
    this.timers.set('tick', Math.max(50, this.timing.pingEveryMs / 4), () => this.tick());
  }

  /** Dead to us: stop listening at once (the browser may take a minute to agree) and report it. */
  private giveUp(why: SocketEnd): void {
    if (this.done) return;
    this.detach();
    try {
      this.socket.close(4000, why);
    } catch {
      // closing a socket that never opened may throw in some browsers: it is gone either way
    }
    this.handlers.ended(why);
  }

  private finish(why: SocketEnd): void {
    if (this.done) return;
    this.detach();
    this.handlers.ended(why);
  }

  private detach(): void {
    this.done = true;
    this.timers.clearAll();
    this.socket.onopen = null;
    this.socket.onmessage = null;
    this.socket.onclose = null;
  }

  private send(message: ClientMessage): boolean {
    if (this.socket.readyState !== OPEN) return false;
    try {
      this.socket.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  private receive(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      console.warn('rendezvous server sent a message that is not JSON');
      return;
    }
    const parsed = serverMessageSchema.safeParse(json);
    if (!parsed.success) {
      console.warn('rendezvous server sent a message outside the protocol');
      return;
    }
    this.dispatch(parsed.data);
  }

  private dispatch(message: ServerMessage): void {
    switch (message.type) {
      case 'joined':
        this.joined = true;
        this.timers.clear('join');
        this.handlers.joined({
          peerId: message.peerId,
          peers: message.peers,
          iceServers: message.iceServers,
          resumeToken: message.resumeToken ?? null,
        });
        return;
      case 'peer-joined':
        this.handlers.peerJoined(message.peer);
        return;
      case 'peer-left':
        this.handlers.peerLeft(message.peerId);
        return;
      case 'signal':
        this.handlers.signal(message.from, message.data);
        return;
      case 'error':
        this.handlers.error(message.code, message.message);
        return;
      case 'pong':
        return;
    }
  }
}
