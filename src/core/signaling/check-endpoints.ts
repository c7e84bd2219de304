import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientKey } from './client-key';
import { TokenBucket, type RateLimit } from './rate-limiter';
import { securityHeaders } from './security-headers';
import type { RequestHandler } from './static-files';

/**
 * The rendezvous server's side of the equipment check: a ping for the round trip and bounded
 * download/upload bodies for throughput. Mounted only where the host enables it (the station's own
 * Node host; a standalone rendezvous with `--check-endpoints`). Nothing here is secret, but each
 * byte costs bandwidth, so every request is capped in size and rate-limited per client IP, and the
 * table of IPs is bounded too.
 */
export const CHECK_PATHS = {
  ping: '/check/ping',
  download: '/check/download',
  upload: '/check/upload',
} as const;

export interface CheckEndpointLimits {
  readonly maxDownloadBytes: number;
  readonly maxUploadBytes: number;
  /** Every check request (pings included). One full check costs about a dozen. */
  readonly requests: RateLimit;
  /** Download and upload requests only: what actually costs bandwidth. */
  readonly transfers: RateLimit;
  readonly maxTrackedClients: number;
}

export const DEFAULT_CHECK_ENDPOINT_LIMITS: CheckEndpointLimits = {
  maxDownloadBytes: 4 * 1024 * 1024,
  maxUploadBytes: 4 * 1024 * 1024,
  requests: { perSecond: 1, burst: 60 },
  transfers: { perSecond: 0.2, burst: 8 },
  maxTrackedClients: 10_000,
};

/** What `/check/download` sends when the client names no size (the check itself asks for more). */
const DEFAULT_SERVED_BYTES = 1024 * 1024;

/** Answers a check request and returns true, or returns false for any other path. */
export type CheckEndpoints = (request: IncomingMessage, response: ServerResponse) => boolean;

export function createCheckEndpoints(
  options: { limits?: Partial<CheckEndpointLimits>; now?: () => number } = {},
): CheckEndpoints {
  const limits = { ...DEFAULT_CHECK_ENDPOINT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const clients = new Map<string, { requests: TokenBucket; transfers: TokenBucket }>();
  // One random block, sent repeatedly: incompressible enough for a proxy, cheap for us.
  const block = randomBytes(64 * 1024);

  const bucketsOf = (address: string): { requests: TokenBucket; transfers: TokenBucket } => {
    const ip = clientKey(address);
    let buckets = clients.get(ip);
    // Least recently seen first: a client that keeps asking is never the one evicted.
    if (buckets !== undefined) clients.delete(ip);
    else {
      if (clients.size >= limits.maxTrackedClients) {
        const oldest = clients.keys().next().value;
        if (oldest !== undefined) clients.delete(oldest);
      }
      buckets = {
        requests: new TokenBucket(limits.requests, now),
        transfers: new TokenBucket(limits.transfers, now),
      };
    }
    clients.set(ip, buckets);
    return buckets;
  };

  return (request, response) => {
    // `URL.parse`, not `new URL`: a request line like `//` is not a valid URL, and a throw here
    // would take the whole host down. Such a request is simply not ours.
    const url = URL.parse(request.url ?? '/', 'http://check.invalid');
    if (url === null) return false;
    const path = url.pathname;
    if (path !== CHECK_PATHS.ping && path !== CHECK_PATHS.download && path !== CHECK_PATHS.upload)
      return false;
    const buckets = bucketsOf(request.socket.remoteAddress ?? 'unknown');
    const isTransfer = path !== CHECK_PATHS.ping;
    if (!buckets.requests.tryTake() || (isTransfer && !buckets.transfers.tryTake())) {
      reply(request, response, 429, 'too many check requests: try again in a minute', {
        'Retry-After': '30',
      });
      return true;
    }
    if (path === CHECK_PATHS.ping) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return methodNotAllowed(request, response, 'GET, HEAD');
      response.writeHead(204, { ...securityHeaders(request.headers.host), 'Cache-Control': 'no-store' });
      response.end();
      return true;
    }
    if (path === CHECK_PATHS.download) {
      if (request.method !== 'GET') return methodNotAllowed(request, response, 'GET');
      const bytes = byteCount(url.searchParams.get('bytes'), DEFAULT_SERVED_BYTES, limits.maxDownloadBytes);
      if (bytes === null) {
        reply(request, response, 400, `bytes must be an integer from 1 to ${limits.maxDownloadBytes}`);
        return true;
      }
      sendBytes(request, response, bytes, block);
      return true;
    }
    if (request.method !== 'POST') return methodNotAllowed(request, response, 'POST');
    receiveUpload(request, response, limits.maxUploadBytes);
    return true;
  };
}

/** The check endpoints first, then the host's usual handler for every other path. */
export function withCheckEndpoints(check: CheckEndpoints | undefined, next: RequestHandler): RequestHandler {
  if (check === undefined) return next;
  return (request, response) => {
    if (!check(request, response)) next(request, response);
  };
}

function byteCount(text: string | null, fallback: number, max: number): number | null {
  if (text === null) return Math.min(fallback, max);
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
}

function sendBytes(request: IncomingMessage, response: ServerResponse, total: number, block: Buffer): void {
  response.writeHead(200, {
    ...securityHeaders(request.headers.host),
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(total),
    'Cache-Control': 'no-store',
  });
  let sent = 0;
  // Honour backpressure: a slow client must not make us buffer the whole body.
  const pump = (): void => {
    while (sent < total) {
      const chunk = block.subarray(0, Math.min(block.length, total - sent));
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  response.on('close', () => response.off('drain', pump));
  pump();
}

function receiveUpload(request: IncomingMessage, response: ServerResponse, max: number): void {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > max) {
    reply(request, response, 413, `uploads are limited to ${max} bytes`, { Connection: 'close' });
    request.resume();
    return;
  }
  let received = 0;
  let refused = false;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > max && !refused) {
      refused = true;
      reply(request, response, 413, `uploads are limited to ${max} bytes`, { Connection: 'close' });
      request.destroy();
    }
  });
  request.on('end', () => {
    if (refused) return;
    const body = JSON.stringify({ bytes: received });
    response.writeHead(200, {
      ...securityHeaders(request.headers.host),
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
    });
    response.end(body);
  });
  request.on('error', () => response.destroy());
}

function methodNotAllowed(request: IncomingMessage, response: ServerResponse, allow: string): true {
  reply(request, response, 405, 'Method Not Allowed', { Allow: allow });
  return true;
}

function reply(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    ...securityHeaders(request.headers.host),
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** Kept here too: the check endpoints' tests and callers have always imported it from this file. */
export { clientKey } from './client-key';
