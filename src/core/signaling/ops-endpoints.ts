import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RendezvousMetrics } from './rendezvous-metrics';
import type { RequestHandler } from './static-files';

/**
 * A rendezvous node's operations endpoints, for a load balancer and a Prometheus server:
 *
 * - `GET /healthz`: liveness. 200 while the process answers HTTP at all; says nothing else.
 * - `GET /readyz`: readiness. 200 `{"status":"ready"}`, or 503 `{"status":"not-ready","reasons":[…]}`
 *   with codes (`draining`, `redis-unreachable`…): a load balancer stops sending new clients here.
 *   The probe behind it (a Redis PING) runs at most once per READY_CACHE_MS however often it is
 *   asked, so a flood of /readyz costs Redis nothing, and is given READY_PROBE_TIMEOUT_MS: a probe
 *   that has not answered by then is `probe-timeout`, not ready (a hung dependency never reads as
 *   ready, and the balancer's check never waits on it).
 * - `GET /metrics`: Prometheus exposition, only where it is enabled: on the node's own port only
 *   with a bearer token (`Authorization: Bearer …`), on a separate metrics listener (bound to
 *   loopback unless a token is set) with or without one. Without either, /metrics is a 404 like
 *   any unknown path: sockets, rooms and refusals say how busy the service is, which is nobody's
 *   business but its operator's.
 */
export interface OpsEndpointsOptions {
  /** Codes of what keeps this node from taking new clients now; empty when ready. */
  readonly notReadyReasons: () => Promise<readonly string[]> | readonly string[];
  readonly metrics?: RendezvousMetrics;
  /** Serve /metrics (false: 404). */
  readonly exposeMetrics: boolean;
  /** Required as `Authorization: Bearer <token>` on /metrics when set. */
  readonly metricsToken?: string;
  readonly now?: () => number;
}

/** Answers an operations request and returns true, or returns false for any other path. */
export type OpsEndpoints = (request: IncomingMessage, response: ServerResponse) => boolean;

export const OPS_PATHS = { health: '/healthz', ready: '/readyz', metrics: '/metrics' } as const;
export const READY_CACHE_MS = 1000;
/** The longest /readyz waits for its probe: then not ready. */
export const READY_PROBE_TIMEOUT_MS = 1500;
/** Shortest token accepted for /metrics: a guessable one protects nothing. */
export const MIN_METRICS_TOKEN_CHARS = 24;

export function createOpsEndpoints(options: OpsEndpointsOptions): OpsEndpoints {
  const now = options.now ?? Date.now;
  let lastProbe: { at: number; reasons: Promise<readonly string[]> } | undefined;
  const reasons = (): Promise<readonly string[]> => {
    const at = now();
    if (lastProbe === undefined || at - lastProbe.at >= READY_CACHE_MS || at < lastProbe.at) {
      lastProbe = {
        at,
        reasons: bounded(
          Promise.resolve()
            .then(() => options.notReadyReasons())
            .catch(() => ['probe-failed']),
        ),
      };
    }
    return lastProbe.reasons;
  };
  const tokenDigest =
    options.metricsToken === undefined
      ? undefined
      : createHash('sha256').update(options.metricsToken).digest();

  return (request, response) => {
    const path = URL.parse(request.url ?? '/', 'http://ops.invalid')?.pathname;
    const served =
      path === OPS_PATHS.health ||
      path === OPS_PATHS.ready ||
      (path === OPS_PATHS.metrics && options.exposeMetrics && options.metrics !== undefined);
    if (!served) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(request, response, 405, { status: 'method-not-allowed' }, { Allow: 'GET, HEAD' });
      return true;
    }
    if (path === OPS_PATHS.health) {
      send(request, response, 200, { status: 'ok' });
      return true;
    }
    if (path === OPS_PATHS.ready) {
      void reasons().then((list) =>
        list.length === 0
          ? send(request, response, 200, { status: 'ready' })
          : send(request, response, 503, { status: 'not-ready', reasons: list }),
      );
      return true;
    }
    if (tokenDigest !== undefined && !bearerMatches(request, tokenDigest)) {
      send(request, response, 401, { status: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer' });
      return true;
    }
    void options.metrics!.scrape().then(
      ({ contentType, body }) => sendText(request, response, 200, contentType, body),
      () => send(request, response, 500, { status: 'error' }),
    );
    return true;
  };
}

/** The probe's reasons, or `probe-timeout` once it has taken READY_PROBE_TIMEOUT_MS. */
function bounded(probe: Promise<readonly string[]>): Promise<readonly string[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<readonly string[]>((resolve) => {
    timer = setTimeout(() => resolve(['probe-timeout']), READY_PROBE_TIMEOUT_MS);
  });
  return Promise.race([probe, late]).finally(() => clearTimeout(timer));
}

/** `handler` with the operations endpoints in front of it. */
export function withOpsEndpoints(ops: OpsEndpoints | undefined, handler: RequestHandler): RequestHandler {
  if (ops === undefined) return handler;
  return (request, response) => {
    if (!ops(request, response)) handler(request, response);
  };
}

function bearerMatches(request: IncomingMessage, expected: Buffer): boolean {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  if (match?.[1] === undefined) return false;
  // Digests of equal length, so the comparison time says nothing about the token.
  return timingSafeEqual(createHash('sha256').update(match[1]).digest(), expected);
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  sendText(request, response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function sendText(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
