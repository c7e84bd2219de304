import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_SIGNAL_MESSAGE_BYTES, type ServerMessage } from '../../shared/call/signaling';
import { clientKeyOf } from './client-key';
import { observe } from './rendezvous-observer';
import {
  CLOSE_POLICY_VIOLATION,
  RendezvousRooms,
  type RendezvousOptions,
  type SignalingConnection,
} from './rendezvous-server';
import { TokenBucket, type RateLimit } from './rate-limiter';
import type { RoomsEngine } from './rooms/rooms-engine';
import { isAllowedSignalingOrigin, type SignalingOriginPolicy } from './signaling-origin';
import { SocketAdmission } from './socket-admission';
import { rejectUpgrade } from './upgrade-response';

/**
 * The rendezvous server's socket glue, mounted at SIGNALING_PATH on the embedded Node host or the
 * standalone server. Everything a socket may cost is bounded here before a message reaches the
 * room logic: frame size, messages per second (token bucket with burst), time to send `join`,
 * time between two complete messages, number of sockets in all and per client (IPv4 address or
 * IPv6 /64), and liveness (ping every interval, dropped when a pong is missed). A socket turned
 * away for a limit is told `server-busy` and cut soon after; it is never counted as live.
 */
export interface SignalingLimits {
  readonly maxMessageBytes: number;
  readonly rate: RateLimit;
  readonly maxSockets: number;
  /** Sockets one client (IPv4 address, IPv6 /64) may hold at once, joined or not. */
  readonly maxSocketsPerClient: number;
  readonly joinTimeoutMs: number;
  /**
   * Longest silence between two complete messages: pages ping every second (reconnect-timing.ts), so
   * only a stalled page, or a client holding a half-sent message while answering pings, hits it.
   * Three minutes, not one: a browser may run a hidden tab's timers only once a minute.
   */
  readonly idleTimeoutMs: number;
  readonly heartbeatMs: number;
  /** How long a turned-away or idle socket may take to close before it is cut. */
  readonly refusedLingerMs: number;
}

export const DEFAULT_SIGNALING_LIMITS: SignalingLimits = {
  maxMessageBytes: MAX_SIGNAL_MESSAGE_BYTES,
  // Trickle ICE sends a burst of candidates at call start; steady state is a few per second.
  rate: { perSecond: 20, burst: 60 },
  maxSockets: 500,
  // A practice behind one NAT with many stations stays well under it; one client cannot fill 500.
  maxSocketsPerClient: 32,
  joinTimeoutMs: 10_000,
  idleTimeoutMs: 180_000,
  heartbeatMs: 15_000,
  refusedLingerMs: 1_000,
};

export interface SignalingRouteOptions extends RendezvousOptions {
  readonly limits?: Partial<SignalingLimits>;
  /** Its `trustForwardedProto` (`--trust-proxy`) also makes X-Forwarded-For name the client. */
  readonly originPolicy?: SignalingOriginPolicy;
  /** Where rooms live: this process's memory by default, or Redis (rooms/redis-rooms.ts). */
  readonly rooms?: RoomsEngine;
  /** How long `close` waits for drained clients to close before cutting them. */
  readonly drainMs?: number;
}

export interface SignalingRoute {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Admitted sockets only: those being turned away are not counted. */
  readonly socketCount: number;
  readonly rooms: RoomsEngine;
  /** Codes of what keeps this node from seating anyone (`draining`, `redis-unreachable`). */
  notReadyReasons(): readonly string[];
  /** The same, the rooms' store asked whether it answers within `timeoutMs` (RoomsEngine.probeReady). */
  probeReadiness(timeoutMs: number): Promise<readonly string[]>;
  /**
   * Tells every client `draining` (its seat is kept for its resume token, to be taken back on
   * another node), stops admitting sockets, and closes them all.
   */
  close(): Promise<void>;
}

const CLOSE_TOO_LARGE = 1009;
const CLOSE_INTERNAL_ERROR = 1011;
const CLOSE_TRY_AGAIN_LATER = 1013;
const CLOSE_SERVICE_RESTART = 1012;
/** Drained clients close within a round trip; a stuck one is cut after this. */
const DEFAULT_DRAIN_MS = 1000;
/** Consecutive over-rate messages after which a socket is closed instead of answered. */
const MAX_RATE_REJECTIONS = 20;

export function createSignalingRoute(options: SignalingRouteOptions): SignalingRoute {
  const limits = { ...DEFAULT_SIGNALING_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const rooms: RoomsEngine = options.rooms ?? new RendezvousRooms(options);
  let draining = false;
  const trustProxy = options.originPolicy?.trustForwardedProto ?? false;
  // ws itself cuts frames far over the limit (1009) without buffering them; between the limit and
  // this cap we answer `too-large` first so the client knows why.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes * 4,
    perMessageDeflate: false,
  });
  const admission = new SocketAdmission({
    maxSockets: limits.maxSockets,
    maxPerClient: limits.maxSocketsPerClient,
  });
  /** Admitted sockets, and whether each answered the last ping. */
  const alive = new Map<WebSocket, boolean>();
  /** Sockets being turned away: not live, but bounded too so a flood of refusals costs little. */
  const refusing = new Set<WebSocket>();
  /** The connection of each admitted socket, for the drain. */
  const connections = new Map<WebSocket, SignalingConnection>();

  const heartbeat = setInterval(() => {
    for (const [socket, answered] of alive) {
      if (!answered) socket.terminate();
      else {
        alive.set(socket, false);
        socket.ping();
      }
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  const turnAway = (socket: WebSocket): void => {
    observe(options.observer, 'socketRefused', 'server-busy');
    refusing.add(socket);
    const linger = setTimeout(() => socket.terminate(), limits.refusedLingerMs);
    const forget = (): void => {
      clearTimeout(linger);
      refusing.delete(socket);
    };
    socket.on('close', forget);
    socket.on('error', forget);
    connectionOf(socket, 'refused').send({
      type: 'error',
      code: 'server-busy',
      message: 'too many connections: try again later',
    });
    socket.close(CLOSE_TRY_AGAIN_LATER, 'server-busy');
  };

  const accept = (socket: WebSocket, client: string): void => {
    const admitted = admission.admit(client);
    if (!admitted.admitted) {
      turnAway(socket);
      return;
    }
    const connection = connectionOf(socket, client);
    alive.set(socket, true);
    connections.set(socket, connection);
    observe(options.observer, 'socketOpened');
    const bucket = new TokenBucket(limits.rate, now);
    let rateRejections = 0;
    const joinTimer = setTimeout(() => {
      if (rooms.isJoined(connection)) return;
      connection.send({ type: 'error', code: 'not-joined', message: 'no join received in time' });
      socket.close(CLOSE_POLICY_VIOLATION, 'join timeout');
    }, limits.joinTimeoutMs);
    let idleTimer: NodeJS.Timeout | undefined;
    let lingerTimer: NodeJS.Timeout | undefined;
    const resetIdle = (): void => {
      if (socket.readyState !== socket.OPEN) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        connection.send({ type: 'error', code: 'idle-timeout', message: 'no message received in time' });
        rooms.disconnect(connection);
        socket.close(CLOSE_POLICY_VIOLATION, 'idle-timeout');
        // A client stuck in a half-sent message never answers the close: cut it soon after.
        lingerTimer = setTimeout(() => socket.terminate(), limits.refusedLingerMs);
      }, limits.idleTimeoutMs);
    };
    resetIdle();
    let counted = true;
    const gone = (): void => {
      if (counted) observe(options.observer, 'socketClosed');
      counted = false;
      clearTimeout(joinTimer);
      clearTimeout(idleTimer);
      clearTimeout(lingerTimer);
      alive.delete(socket);
      connections.delete(socket);
      admitted.release();
      rooms.disconnect(connection);
    };
    socket.on('close', gone);
    socket.on('error', gone); // a protocol error or an over-cap frame: ws closes the socket itself
    socket.on('pong', () => alive.set(socket, true));
    socket.on('message', (data: RawData, isBinary: boolean) => {
      resetIdle();
      if (!bucket.tryTake()) {
        if (++rateRejections > MAX_RATE_REJECTIONS) socket.close(CLOSE_POLICY_VIOLATION, 'rate-limited');
        else if (rateRejections === 1)
          connection.send({ type: 'error', code: 'rate-limited', message: 'slow down' });
        return;
      }
      rateRejections = 0;
      const bytes = byteLength(data);
      if (bytes > limits.maxMessageBytes) {
        connection.send({
          type: 'error',
          code: 'too-large',
          message: `messages are limited to ${limits.maxMessageBytes} bytes`,
        });
        rooms.disconnect(connection);
        socket.close(CLOSE_TOO_LARGE, 'too-large');
        return;
      }
      if (isBinary) {
        connection.send({ type: 'error', code: 'bad-message', message: 'binary messages are not accepted' });
        rooms.disconnect(connection);
        socket.close(CLOSE_POLICY_VIOLATION, 'bad-message');
        return;
      }
      try {
        rooms.handleText(connection, textOf(data));
      } catch {
        // A bug or a failing ICE configuration must cost this socket, never the process.
        rooms.disconnect(connection);
        socket.close(CLOSE_INTERNAL_ERROR, 'internal error');
      }
    });
  };

  return {
    handleUpgrade(request, socket, head) {
      if (draining) {
        rejectUpgrade(socket, 503, 'Service Unavailable');
        return;
      }
      if (!isAllowedSignalingOrigin(request, options.originPolicy)) {
        observe(options.observer, 'socketRefused', 'forbidden-origin');
        rejectUpgrade(socket, 403, 'Forbidden');
        return;
      }
      const client = clientKeyOf(request, trustProxy);
      // While many refusals are still closing, a further one is spared even the WebSocket
      // handshake: a plain 503 and the socket ends. An admissible client is never turned away here.
      if (!admission.wouldAdmit(client) && refusing.size >= limits.maxSockets) {
        observe(options.observer, 'socketRefused', 'server-busy');
        rejectUpgrade(socket, 503, 'Service Unavailable');
        return;
      }
      wss.handleUpgrade(request, socket, head, (webSocket) => accept(webSocket, client));
    },
    get socketCount() {
      return admission.size;
    },
    rooms,
    notReadyReasons: () => [...(draining ? ['draining'] : []), ...(rooms.notReadyReasons?.() ?? [])],
    probeReadiness: async (timeoutMs) => [
      ...(draining ? ['draining'] : []),
      ...((await rooms.probeReady?.(timeoutMs)) ?? rooms.notReadyReasons?.() ?? []),
    ],
    async close() {
      if (!draining) {
        draining = true;
        const open = [...connections.entries()];
        if (rooms.drain !== undefined) await rooms.drain(open.map(([, connection]) => connection));
        else
          for (const [, connection] of open) {
            connection.send({ type: 'error', code: 'draining', message: 'this rendezvous is shutting down' });
            connection.close(CLOSE_SERVICE_RESTART, 'draining');
          }
        const deadline = Date.now() + (options.drainMs ?? DEFAULT_DRAIN_MS);
        while (alive.size > 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
      }
      clearInterval(heartbeat);
      for (const socket of [...alive.keys(), ...refusing]) socket.terminate();
      await rooms.close?.();
      alive.clear();
      refusing.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Sends only while open: a reply to a socket that is closing is dropped, never thrown. */
function connectionOf(socket: WebSocket, client: string): SignalingConnection {
  return {
    client,
    send(message: ServerMessage) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    close(code, reason) {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
        socket.close(code, reason);
    },
  };
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
