import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { API_EVENT_NAMES, type ApiEvent } from '../shared/api';
import type { Backend } from '../core/backend-types';
import { err } from '../shared/result';
import { dispatchMessage } from './api-dispatch';
import {
  ClientChannel,
  coalesceKeyOf,
  DEFAULT_BACKPRESSURE,
  type BackpressureLimits,
} from './client-channel';
import { isAllowedOrigin, type OriginPolicy } from '../core/signaling/origin-policy';
import { DEFAULT_RATE_LIMIT, TokenBucket, type RateLimit } from '../core/signaling/rate-limiter';
import { rejectUpgrade } from '../core/signaling/upgrade-response';
import { MessageProgress } from './message-progress';

/**
 * The backend contract over WebSocket: requests `{id, method, params}` → replies
 * `{id, result}` (the Result envelope), and every contract event pushed as `{event, payload}`.
 * The bridge never trusts the client: the access token and Origin are checked at the upgrade,
 * connections are counted, messages are capped in size and in the time they take to arrive, each
 * request is schema-checked, each connection is rate limited, and slow readers cannot make the host
 * buffer without bound (see ClientChannel). What one client can hold is thus bounded, and so is
 * the sum: at most maxConnections × maxPayloadBytes of half-received messages.
 */
export interface WsBridgeOptions {
  readonly backend: Backend;
  /**
   * Whether the upgrade shows the station's access token (see StationAccess); refused with 401
   * otherwise, before anything else is looked at. Absent: no token is asked (tests of the bridge).
   */
  readonly authorize?: (request: IncomingMessage) => boolean;
  readonly maxPayloadBytes?: number;
  /** Open connections at most; one more is refused with 503 at the upgrade and never counted. */
  readonly maxConnections?: number;
  /** A message begun but not finished within this is a policy violation: the socket is closed. */
  readonly messageTimeoutMs?: number;
  readonly rateLimit?: RateLimit;
  readonly backpressure?: BackpressureLimits;
  readonly originPolicy?: OriginPolicy;
  /** How often pending coalesced events are retried and dead peers pinged. */
  readonly maintenanceIntervalMs?: number;
  readonly now?: () => number;
}

export interface WsBridge {
  /** Call for an HTTP upgrade already routed to the API path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly clientCount: number;
  close(): Promise<void>;
}

/** Requests are small; attachments travel over HTTP (see attachment-upload.ts), never in a frame. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
/** A station has a few tabs at most; each connection may hold one half-received message. */
export const DEFAULT_MAX_CONNECTIONS = 16;
/** 256 KiB in 15 s is 17 KiB/s: far below any link that can carry the call itself. */
export const DEFAULT_MESSAGE_TIMEOUT_MS = 15_000;
/** A client that keeps sending while over its rate this many times in a row is disconnected. */
const MAX_CONSECUTIVE_REJECTIONS = 200;
/** WebSocket close code 1008: policy violation. */
const CLOSE_POLICY_VIOLATION = 1008;

interface Connection {
  readonly channel: ClientChannel;
  readonly progress: MessageProgress;
  alive: boolean;
}

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const now = options.now ?? Date.now;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    perMessageDeflate: false,
  });
  const connections = new Map<WebSocket, Connection>();
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const messageTimeoutMs = options.messageTimeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS;
  /** Upgrades accepted but not yet open: they count against the cap too. */
  let handshakes = 0;

  const broadcast = (event: ApiEvent, payload: unknown): void => {
    if (connections.size === 0) return;
    const json = JSON.stringify({ event, payload });
    const key = coalesceKeyOf(event, payload);
    for (const { channel } of connections.values()) channel.sendEvent(json, key);
  };
  const unsubscribes = API_EVENT_NAMES.map((event) =>
    options.backend.on(event, (payload) => broadcast(event, payload)),
  );

  const maintenance = setInterval(() => {
    for (const [socket, connection] of connections) {
      const since = connection.progress.pendingSince;
      if (since !== null && now() - since > messageTimeoutMs) {
        connections.delete(socket);
        socket.terminate(); // its half-received message goes with it
        continue;
      }
      if (!connection.alive) {
        socket.terminate();
        continue;
      }
      connection.alive = false;
      socket.ping();
      connection.channel.flushPending();
    }
  }, options.maintenanceIntervalMs ?? 1000);
  maintenance.unref();

  const accept = (socket: WebSocket, progress: MessageProgress): void => {
    const connection: Connection = {
      channel: new ClientChannel(socket, options.backpressure ?? DEFAULT_BACKPRESSURE),
      progress,
      alive: true,
    };
    connections.set(socket, connection);
    const bucket = new TokenBucket(options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
    let consecutiveRejections = 0;

    socket.on('pong', () => (connection.alive = true));
    socket.on('close', () => connections.delete(socket));
    // An oversized frame or a protocol error: ws closes the socket itself; the error is the client's.
    socket.on('error', () => connections.delete(socket));
    socket.on('message', (data: RawData, isBinary: boolean) => {
      connection.alive = true;
      if (!bucket.tryTake()) {
        consecutiveRejections += 1;
        if (consecutiveRejections > MAX_CONSECUTIVE_REJECTIONS) {
          socket.close(CLOSE_POLICY_VIOLATION, 'rate limit exceeded');
          return;
        }
        connection.channel.sendReply(
          JSON.stringify({ id: null, result: err('unavailable', 'rate limit exceeded: slow down') }),
        );
        return;
      }
      consecutiveRejections = 0;
      if (isBinary) {
        connection.channel.sendReply(
          JSON.stringify({ id: null, result: err('bad-request', 'binary messages are not accepted') }),
        );
        return;
      }
      void dispatchMessage(rawDataToText(data), options.backend.api).then((reply) => {
        if (socket.readyState === socket.OPEN) connection.channel.sendReply(JSON.stringify(reply));
      });
    });
  };

  return {
    handleUpgrade(request, socket, head) {
      // Nothing is said to a client without the token: not even whether its Origin would do.
      if (options.authorize !== undefined && !options.authorize(request)) {
        rejectUpgrade(socket, 401, 'Unauthorized');
        return;
      }
      if (!isAllowedOrigin(request.headers.origin, request.headers.host, options.originPolicy)) {
        rejectUpgrade(socket, 403, 'Forbidden');
        return;
      }
      if (connections.size + handshakes >= maxConnections) {
        rejectUpgrade(socket, 503, 'Service Unavailable');
        return;
      }
      // Registered before ws's own listener (which gets `head` back through unshift, and so does
      // this one), so every byte is seen before ws acts on it.
      const progress = new MessageProgress();
      socket.on('data', (chunk: Buffer) => progress.feed(chunk, now()));
      let opened = false;
      handshakes += 1;
      socket.once('close', () => {
        if (!opened) handshakes -= 1;
      });
      wss.handleUpgrade(request, socket, head, (ws) => {
        opened = true;
        handshakes -= 1;
        accept(ws, progress);
      });
    },
    get clientCount() {
      return connections.size;
    },
    async close() {
      clearInterval(maintenance);
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const socket of connections.keys()) socket.terminate();
      connections.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function rawDataToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
