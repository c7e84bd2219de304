import { createServer, type Server } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SIGNALING_PATH } from '../../shared/call/signaling';
import { closeHttp, listen, listeningUrl } from './http-listen';
import type { SignalingRoute } from './signaling-route';
import { createStaticHandler, type RequestHandler } from './static-files';
import { rejectUpgrade } from './upgrade-response';
import { withCheckEndpoints, type CheckEndpoints } from './check-endpoints';
import { withHsts } from './security-headers';
import { createOpsEndpoints, withOpsEndpoints, type OpsEndpoints } from './ops-endpoints';
import type { PscEndpoints } from '../psc/psc-endpoints';

/**
 * An HTTP server that carries a rendezvous server and nothing else: the built renderer read-only
 * (so `/consultant.html#invite=…` opens the consultant app, with the same security headers as the
 * Node host, plus HSTS over TLS) and the signaling socket at SIGNALING_PATH. No backend API, no
 * devices. The standalone `station serve --rendezvous` and the Electron station's embedded host are
 * both this.
 */
export interface RendezvousHostOptions {
  readonly route: SignalingRoute;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** For TLS: `(handler) => https.createServer({ cert, key }, handler)`. */
  readonly createServer?: (handler: RequestHandler) => Server;
  /** The equipment check's ping/throughput endpoints (check-endpoints.ts), when enabled. */
  readonly checkEndpoints?: CheckEndpoints;
  /**
   * /healthz, /readyz and (when enabled) /metrics: ops-endpoints.ts. Default: /healthz, and
   * /readyz that turns not-ready (`draining`) once `close` has begun.
   */
  readonly ops?: OpsEndpoints;
  /** Pro Santé Connect sign-in's paths (psc-endpoints.ts), when an issuer is configured. */
  readonly psc?: PscEndpoints;
}

export interface RunningRendezvousHost {
  /** `http://127.0.0.1:PORT/` (a wildcard bind is announced on loopback). */
  readonly url: string;
  readonly address: AddressInfo;
  /** Closes the signaling sockets, then the HTTP server; safe to call more than once. */
  close(): Promise<void>;
}

/** Time to send a whole request head; our pages send theirs at once. */
const HEADERS_TIMEOUT_MS = 10_000;

export async function startRendezvousHost(options: RendezvousHostOptions): Promise<RunningRendezvousHost> {
  let closing: Promise<void> | null = null;
  const ops =
    options.ops ??
    createOpsEndpoints({
      notReadyReasons: () => (closing === null ? [] : ['draining']),
      exposeMetrics: false,
    });
  const pages = withCheckEndpoints(options.checkEndpoints, createStaticHandler(options.staticDir));
  const psc = options.psc;
  const handler = withHsts(
    withOpsEndpoints(
      ops,
      psc === undefined ? pages : (request, response) => psc(request, response) || pages(request, response),
    ),
  );
  const server = options.createServer === undefined ? createServer(handler) : options.createServer(handler);
  // A client that trickles its request headers (upgrade included) holds a socket for nothing.
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?', 1)[0];
    if (path === SIGNALING_PATH) options.route.handleUpgrade(request, socket, head);
    else rejectUpgrade(socket, 404, 'Not Found');
  });
  const close = (): Promise<void> => (closing ??= options.route.close().finally(() => closeHttp(server)));
  try {
    await listen(server, options.host, options.port);
  } catch (cause) {
    await close().catch(() => undefined);
    throw cause;
  }
  const address = server.address() as AddressInfo;
  return { url: listeningUrl(address, server instanceof HttpsServer ? 'https' : 'http'), address, close };
}
