import { mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { SIGNALING_PATH } from '../shared/call/signaling';
import { loadSigningSecret } from '../core/signaling/signaling-secret';
import { iceServersFor } from '../core/signaling/turn-credentials';
import { defaultDataDir } from './data-dir';
import { createSignalingRoute, type SignalingLimits } from './signaling-route';
import { closeHttp, listen } from './start';
import { createStaticHandler } from './static-files';
import { rejectUpgrade } from './upgrade-response';

/**
 * `station serve --rendezvous`: the rendezvous server on its own, for internet use. It serves the
 * built renderer (so `/consultant.html#invite=…` opens the consultant app) and signaling at
 * SIGNALING_PATH, and nothing else: no devices, no backend API. With a certificate it speaks TLS
 * itself; behind a reverse proxy that terminates TLS, give `publicUrl` (and `trustForwardedProto`
 * when the proxy sets X-Forwarded-Proto). Stations that use it must sign invites with the same key:
 * set STATION_SIGNALING_SECRET to one value on both, or copy this server's `signaling-secret` file.
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
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
    iceServersFor: (peerId) => iceServersFor(ice, peerId, Date.now()),
    limits: options.limits,
    originPolicy: {
      allowedOrigins: [
        ...(options.allowedOrigins ?? []),
        ...(publicOrigin === undefined ? [] : [publicOrigin]),
      ],
      trustForwardedProto: options.trustForwardedProto ?? false,
    },
  });
  const handler = createStaticHandler(resolve(options.staticDir ?? join(__dirname, '..', 'renderer')));
  const server: Server =
    options.tls === undefined
      ? createHttpServer(handler)
      : createHttpsServer(
          { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) },
          handler,
        );
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?', 1)[0];
    if (path === SIGNALING_PATH) route.handleUpgrade(request, socket, head);
    else rejectUpgrade(socket, 404, 'Not Found');
  });
  await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url:
      publicOrigin === undefined
        ? `${options.tls === undefined ? 'http' : 'https'}://${host}:${address.port}/`
        : `${publicOrigin}/`,
    close: async () => {
      await route.close();
      await closeHttp(server);
    },
  };
}
