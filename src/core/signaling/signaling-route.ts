import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_SIGNAL_MESSAGE_BYTES, type ServerMessage } from '../../shared/call/signaling';
import {
  CLOSE_POLICY_VIOLATION,
  RendezvousRooms,
  type RendezvousOptions,
  type SignalingConnection,
} from './rendezvous-server';
import { TokenBucket, type RateLimit } from './rate-limiter';
import { isAllowedSignalingOrigin, type SignalingOriginPolicy } from './signaling-origin';
import { rejectUpgrade } from './upgrade-response';

/**
 * The rendezvous server's socket glue, mounted at SIGNALING_PATH on the embedded Node host or the
 * standalone server. Everything a socket may cost is bounded here before a message reaches the
 * room logic: frame size, messages per second (token bucket with burst), time to send `join`,
 * number of sockets, and liveness (ping every interval, dropped when a pong is missed).
 */
export interface SignalingLimits {
  readonly maxMessageBytes: number;
  readonly rate: RateLimit;
  readonly maxSockets: number;
  readonly joinTimeoutMs: number;
  readonly heartbeatMs: number;
}

export const DEFAULT_SIGNALING_LIMITS: SignalingLimits = {
  maxMessageBytes: MAX_SIGNAL_MESSAGE_BYTES,
  // Trickle ICE sends a burst of candidates at call start; steady state is a few per second.
  rate: { perSecond: 20, burst: 60 },
  maxSockets: 500,
  joinTimeoutMs: 10_000,
  heartbeatMs: 15_000,
};

export interface SignalingRouteOptions extends RendezvousOptions {
  readonly limits?: Partial<SignalingLimits>;
  readonly originPolicy?: SignalingOriginPolicy;
}

export interface SignalingRoute {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly socketCount: number;
  readonly rooms: RendezvousRooms;
  close(): Promise<void>;
}

const CLOSE_TOO_LARGE = 1009;
const CLOSE_INTERNAL_ERROR = 1011;
const CLOSE_TRY_AGAIN_LATER = 1013;
/** Consecutive over-rate messages after which a socket is closed instead of answered. */
const MAX_RATE_REJECTIONS = 20;

export function createSignalingRoute(options: SignalingRouteOptions): SignalingRoute {
  const limits = { ...DEFAULT_SIGNALING_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const rooms = new RendezvousRooms(options);
  // ws itself cuts frames far over the limit (1009) without buffering them; between the limit and
  // this cap we answer `too-large` first so the client knows why.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes * 4,
    perMessageDeflate: false,
  });
  const alive = new Map<WebSocket, boolean>();

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

  const accept = (socket: WebSocket): void => {
    const connection = connectionOf(socket);
    alive.set(socket, true);
    if (alive.size > limits.maxSockets) {
      connection.send({
        type: 'error',
        code: 'server-busy',
        message: 'too many connections: try again later',
      });
      socket.close(CLOSE_TRY_AGAIN_LATER, 'server-busy');
      return;
    }
    const bucket = new TokenBucket(limits.rate, now);
    let rateRejections = 0;
    const joinTimer = setTimeout(() => {
      if (rooms.isJoined(connection)) return;
      connection.send({ type: 'error', code: 'not-joined', message: 'no join received in time' });
      socket.close(CLOSE_POLICY_VIOLATION, 'join timeout');
    }, limits.joinTimeoutMs);
    const gone = (): void => {
      clearTimeout(joinTimer);
      alive.delete(socket);
      rooms.disconnect(connection);
    };
    socket.on('close', gone);
    socket.on('error', gone); // a protocol error or an over-cap frame: ws closes the socket itself
    socket.on('pong', () => alive.set(socket, true));
    socket.on('message', (data: RawData, isBinary: boolean) => {
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
      if (!isAllowedSignalingOrigin(request, options.originPolicy)) {
        rejectUpgrade(socket, 403, 'Forbidden');
        return;
      }
      wss.handleUpgrade(request, socket, head, accept);
    },
    get socketCount() {
      return alive.size;
    },
    rooms,
    async close() {
      clearInterval(heartbeat);
      for (const socket of alive.keys()) socket.terminate();
      alive.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Sends only while open: a reply to a socket that is closing is dropped, never thrown. */
function connectionOf(socket: WebSocket): SignalingConnection {
  return {
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
