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
  readonly limits?: Partial<SignalingLimits>;
  /** Serve the equipment check's ping and bounded throughput endpoints (rate-limited per IP). */
  readonly checkEndpoints?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
}

export interface RunningRendezvous {
  readonly url: string;
  close(): Promise<void>;
}

export async function startRendezvousServer(
  options: RendezvousServerOptions = {},
): Promise<RunningRendezvous> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir ?? defaultDataDir(options.env));
  // It holds the signing secret: anyone who reads it can forge every invite.
  if (ensurePrivateFolder(dataDir) === 'tightened') log(`data folder ${dataDir}: made private (mode 700)`);
  const publicOrigin = options.publicUrl === undefined ? undefined : new URL(options.publicUrl).origin;
  const ice = {
    stunUrls: options.stunUrls ?? [],
    turnUrls: options.turnUrls ?? [],
    turnSecret: options.turnSecret,
  };
  if (ice.turnUrls.length > 0 && ice.turnSecret === undefined)
    log('warning: TURN URLs given without a TURN secret: TURN is not offered');
  const route = createSignalingRoute({
    secret: loadSigningSecret(dataDir, options.env),
    iceServersFor: (peerId, notAfterMs) => iceServersFor(ice, peerId, Date.now(), notAfterMs),
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
  const tls = options.tls;
  const host = await startRendezvousHost({
    route,
    staticDir: resolve(options.staticDir ?? join(__dirname, '..', 'renderer')),
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(options.checkEndpoints === true ? { checkEndpoints: createCheckEndpoints() } : {}),
    ...(tls === undefined
      ? {}
      : {
          createServer: (handler) =>
            createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, handler),
        }),
  });
  return { url: publicOrigin === undefined ? host.url : `${publicOrigin}/`, close: () => host.close() };
}
