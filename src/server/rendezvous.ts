import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { join, resolve } from 'node:path';
import { ensurePrivateFolder } from '../core/records/private-folder';
import { startRendezvousHost } from '../core/signaling/rendezvous-host';
import { loadSigningSecret } from '../core/signaling/signaling-secret';
import { STATION_APP_ORIGIN } from '../core/signaling/signaling-origin';
import { createSignalingRoute, type SignalingLimits } from '../core/signaling/signaling-route';
import { iceServersFor } from '../core/signaling/turn-credentials';
import { defaultDataDir } from './data-dir';
import { createCheckEndpoints } from '../core/signaling/check-endpoints';
import { createEventLog, type LogFormat } from '../core/signaling/event-log';
import { createOpsEndpoints, MIN_METRICS_TOKEN_CHARS } from '../core/signaling/ops-endpoints';
import { startOpsListener, type RunningOpsListener } from '../core/signaling/ops-listener';
import { createRendezvousMetrics } from '../core/signaling/rendezvous-metrics';
import { combineObservers, createNodeTelemetry } from '../core/signaling/rendezvous-telemetry';
import { TurnPool } from '../core/signaling/turn-pool';
import { isLoopbackHost } from './listen-policy';
import type { RendezvousObserver } from '../core/signaling/rendezvous-observer';
import { RedisRooms } from '../core/signaling/rooms/redis-rooms';
import { PscConfigError, pscConfigFromEnv } from '../core/psc/psc-config';
import type { TokenClaims } from '../core/signaling/invite-token';
import { createPscService } from '../core/psc/psc-service';
import { createPscEndpoints } from '../core/psc/psc-endpoints';

/**
 * `station serve --rendezvous`: the rendezvous server on its own, for internet use. It serves the
 * built renderer (so `/consultant.html#invite=…` opens the consultant app) and signaling at
 * SIGNALING_PATH, and nothing else: no devices, no backend API. With a certificate it speaks TLS
 * itself; behind a reverse proxy that terminates TLS, give `publicUrl` (and `trustForwardedProto`
 * when the proxy sets X-Forwarded-Proto). Stations that use it must sign invites with the same key:
 * set STATION_SIGNALING_SECRET to one value on both, or copy this server's `signaling-secret` file.
 * The HTTP and socket glue is core's (rendezvous-host.ts), shared with the Electron station.
 */
export interface RendezvousServerOptions {
  readonly host?: string;
  readonly port?: number;
  readonly staticDir?: string;
  readonly dataDir?: string;
  /** PEM file paths: both or neither. */
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** The address participants use (`https://rdv.example.org`), when it is not the one we bind. */
  readonly publicUrl?: string;
  readonly trustForwardedProto?: boolean;
  readonly allowedOrigins?: readonly string[];
  readonly stunUrls?: readonly string[];
  readonly turnUrls?: readonly string[];
  readonly turnSecret?: string;
  /**
   * The TURN URLs are a pool of coturn servers sharing `turnSecret`: each is checked this often
   * with a STUN Binding request, and a dead one is left out of the list (turn-pool.ts). Default
   * 15 s; 0 offers every URL unchecked.
   */
  readonly turnCheckIntervalMs?: number;
  readonly limits?: Partial<SignalingLimits>;
  /** Rooms this node holds at once (default DEFAULT_MAX_ROOMS). */
  readonly maxRooms?: number;
  /**
   * /metrics: on a separate plain-HTTP listener (`listen`, loopback unless a token is set), and on
   * the main port too when a `token` is set (then required on both). Neither: no /metrics.
   */
  readonly metrics?: {
    readonly listen?: { readonly host: string; readonly port: number };
    readonly token?: string;
  };
  /** `text` (default) or `json`: one object per line for a log collector (event-log.ts). */
  readonly logFormat?: LogFormat;
  /** Serve the equipment check's ping and bounded throughput endpoints (rate-limited per IP). */
  readonly checkEndpoints?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
  /** Metrics and logs: sockets, seats, refusals, relay latency (rendezvous-observer.ts). */
  readonly observer?: RendezvousObserver;
  /**
   * `redis://HOST:PORT`: rooms live in Redis, shared by every node given the same URL and signing
   * secret (rooms/redis-rooms.ts). Without it, in this process's memory.
   */
  readonly redisUrl?: string;
}

export interface RunningRendezvous {
  readonly url: string;
  /** The separate metrics listener's address, when one was asked for. */
  readonly metricsUrl?: string;
  close(): Promise<void>;
}

export async function startRendezvousServer(
  options: RendezvousServerOptions = {},
): Promise<RunningRendezvous> {
  const events = createEventLog(options.log ?? (() => undefined), options.logFormat ?? 'text');
  const metricsToken = options.metrics?.token;
  if (metricsToken !== undefined && metricsToken.length < MIN_METRICS_TOKEN_CHARS)
    throw new TypeError(`the metrics token must have ${MIN_METRICS_TOKEN_CHARS} characters or more`);
  const metricsListen = options.metrics?.listen;
  if (metricsListen !== undefined && metricsToken === undefined && !isLoopbackHost(metricsListen.host))
    throw new TypeError(
      `metrics on ${metricsListen.host} would be open to that network: set a metrics token, or bind loopback`,
    );
  // Read when scraped: the route exists by then.
  const metrics = createRendezvousMetrics({
    sockets: () => route.socketCount,
    rooms: () => route.rooms.roomCount,
  });
  const telemetry = createNodeTelemetry(metrics, events);
  const dataDir = resolve(options.dataDir ?? defaultDataDir(options.env));
  // It holds the signing secret: anyone who reads it can forge every invite.
  if (ensurePrivateFolder(dataDir) === 'tightened')
    events('info', 'data-folder.made-private', { dir: dataDir });
  const publicOrigin = options.publicUrl === undefined ? undefined : new URL(options.publicUrl).origin;
  const turnUrls = options.turnUrls ?? [];
  const turnPool =
    turnUrls.length > 0 && options.turnSecret !== undefined && options.turnCheckIntervalMs !== 0
      ? new TurnPool({
          urls: turnUrls,
          intervalMs: options.turnCheckIntervalMs,
          onChange: (health) => {
            metrics.turnServerUp(health.server, health.state !== 'down');
            events(health.state === 'down' ? 'warn' : 'info', `turn.server-${health.state}`, {
              server: health.server,
              rttMs: health.rttMs,
            });
          },
        })
      : undefined;
  const ice = { stunUrls: options.stunUrls ?? [], turnSecret: options.turnSecret };
  if (turnUrls.length > 0 && ice.turnSecret === undefined)
    events('warn', 'turn.no-secret', {
      detail: 'TURN URLs given without a TURN secret: TURN is not offered',
    });
  const secret = loadSigningSecret(dataDir, options.env);
  // Pro Santé Connect sign-in (STATION_PSC_*): its pending sign-ins and identities live in this
  // process, so it is refused with Redis, where the callback may reach another node.
  const pscConfig = pscConfigFromEnv(options.env ?? process.env);
  if (pscConfig !== null && options.redisUrl !== undefined)
    throw new PscConfigError(
      'psc-config-redis',
      'Pro Santé Connect sign-in runs on a single node: not with --redis',
    );
  let listeningUrl = 'http://127.0.0.1/'; // replaced once listening
  const psc =
    pscConfig === null
      ? null
      : createPscService({ config: pscConfig, secret, publicOrigin: () => publicOrigin ?? listeningUrl });
  const roomOptions = {
    secret,
    iceServersFor: (peerId: string, notAfterMs: number) =>
      iceServersFor(
        // One credential entry admits 8 URLs (iceServerSchema): the best servers first.
        { ...ice, turnUrls: (turnPool?.urls() ?? turnUrls).slice(0, MAX_TURN_URLS) },
        peerId,
        Date.now(),
        notAfterMs,
      ),
    ...(options.maxRooms === undefined ? {} : { maxRooms: options.maxRooms }),
    observer: combineObservers(telemetry.observer, options.observer),
    ...(psc === null ? {} : { consultantIdentity: (claims: TokenClaims) => psc.assertionFor(claims) }),
  };
  const route = createSignalingRoute({
    ...roomOptions,
    ...(options.redisUrl === undefined
      ? {}
      : { rooms: new RedisRooms({ ...roomOptions, redisUrl: options.redisUrl }) }),
    limits: options.limits,
    originPolicy: {
      allowedOrigins: [
        STATION_APP_ORIGIN, // Electron stations using this server
        ...(options.allowedOrigins ?? []),
        ...(publicOrigin === undefined ? [] : [publicOrigin]),
      ],
      trustForwardedProto: options.trustForwardedProto ?? false,
    },
  });
  const opsEndpoints = (exposeMetrics: boolean) =>
    createOpsEndpoints({
      notReadyReasons: async () => [
        ...new Set([...telemetry.notReadyReasons(), ...(await route.probeReadiness(REDIS_READY_TIMEOUT_MS))]),
      ],
      metrics,
      exposeMetrics,
      ...(metricsToken === undefined ? {} : { metricsToken }),
    });
  const tls = options.tls;
  const host = await startRendezvousHost({
    // On the public port, /metrics only with a token; the separate listener is the other way.
    ops: opsEndpoints(metricsToken !== undefined),
    route,
    staticDir: resolve(options.staticDir ?? join(__dirname, '..', 'renderer')),
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(options.checkEndpoints === true ? { checkEndpoints: createCheckEndpoints() } : {}),
    // Without an issuer too: the doctor's page hears `/psc/session` say "not required".
    psc: createPscEndpoints(psc),
    ...(tls === undefined
      ? {}
      : {
          createServer: (handler) =>
            createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, handler),
        }),
  });
  listeningUrl = host.url;
  let opsListener: RunningOpsListener | undefined;
  try {
    if (metricsListen !== undefined)
      opsListener = await startOpsListener({
        ...metricsListen,
        ops: opsEndpoints(true),
      });
  } catch (cause) {
    await host.close();
    throw cause;
  }
  turnPool?.start();
  const url = publicOrigin === undefined ? host.url : `${publicOrigin}/`;
  events('info', 'rendezvous.listening', { url, metricsUrl: opsListener?.url, turnServers: turnUrls.length });
  let closing: Promise<void> | undefined;
  return {
    url,
    ...(opsListener === undefined ? {} : { metricsUrl: opsListener.url }),
    close: () =>
      (closing ??= (async () => {
        telemetry.markDraining();
        events('info', 'rendezvous.stopping');
        turnPool?.stop();
        await host.close();
        await opsListener?.close();
      })()),
  };
}

/** /readyz: Redis must answer a PING within this, or the node is not ready (a hung Redis). */
const REDIS_READY_TIMEOUT_MS = 1000;

/** iceServerSchema: at most 8 URLs in one entry. */
const MAX_TURN_URLS = 8;
