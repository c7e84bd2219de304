import {
  serverMessageSchema,
  type ClientMessage,
  type IceServer,
  type Peer,
  type ServerMessage,
  type SignalingErrorCode,
} from '../../../shared/call/signaling';

/**
 * One rendezvous session on one WebSocket: join with a token, relay signals, hear who comes and
 * goes. It does not reconnect by itself — the call session decides (a station asks the backend
 * for a fresh token first) — it only reports the drop. Every server message is schema-checked.
 */
export interface SignalingHandlers {
  joined(self: { peerId: string; peers: readonly Peer[]; iceServers: readonly IceServer[] }): void;
  peerJoined(peer: Peer): void;
  peerLeft(peerId: string): void;
  signal(from: string, data: Record<string, unknown>): void;
  /** The server refused us; `fatal` errors end the call (a new token or link is needed). */
  error(code: SignalingErrorCode, message: string, fatal: boolean): void;
  /** The socket closed without us asking. */
  dropped(): void;
}

/** Errors that no retry with the same token can fix. */
export const FATAL_SIGNALING_ERRORS: ReadonlySet<SignalingErrorCode> = new Set([
  'bad-token',
  'expired-token',
  'replayed-token',
  'role-taken',
  'room-full',
  'revoked-token',
]);

/** A ping keeps idle proxies from closing the socket and proves it alive. */
export const SIGNALING_PING_MS = 15_000;

export class SignalingClient {
  private readonly socket: WebSocket;
  private readonly pingTimer: ReturnType<typeof setInterval>;
  private closedByUs = false;

  constructor(url: string, token: string, handlers: SignalingHandlers) {
    this.socket = new WebSocket(url);
    this.socket.onopen = () => this.send({ type: 'join', token });
    this.socket.onmessage = (event) => this.receive(event.data, handlers);
    this.socket.onerror = () => undefined; // always followed by close
    this.socket.onclose = () => {
      clearInterval(this.pingTimer);
      if (!this.closedByUs) handlers.dropped();
    };
    this.pingTimer = setInterval(() => this.send({ type: 'ping' }), SIGNALING_PING_MS);
  }

  signal(to: string, data: Record<string, unknown>): void {
    this.send({ type: 'signal', to, data });
  }

  /** `leave` tells the server this was on purpose, so the token cannot be reused. */
  close(leave: boolean): void {
    if (this.closedByUs) return;
    this.closedByUs = true;
    clearInterval(this.pingTimer);
    if (leave) this.send({ type: 'leave' });
    this.socket.close(1000, leave ? 'left' : 'reconnecting');
  }

  private send(message: ClientMessage): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private receive(data: unknown, handlers: SignalingHandlers): void {
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
    dispatch(parsed.data, handlers);
  }
}

function dispatch(message: ServerMessage, handlers: SignalingHandlers): void {
  switch (message.type) {
    case 'joined':
      handlers.joined({ peerId: message.peerId, peers: message.peers, iceServers: message.iceServers });
      return;
    case 'peer-joined':
      handlers.peerJoined(message.peer);
      return;
    case 'peer-left':
      handlers.peerLeft(message.peerId);
      return;
    case 'signal':
      handlers.signal(message.from, message.data);
      return;
    case 'error':
      handlers.error(message.code, message.message, FATAL_SIGNALING_ERRORS.has(message.code));
      return;
    case 'pong':
      return;
  }
}
