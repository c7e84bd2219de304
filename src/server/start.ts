import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createBackend } from '../core/backend';
import type { Backend } from '../core/backend-types';
import { JsonFileSettingsStore } from '../core/settings/json-file-settings-store';
import { openRecordsOrError } from '../core/records/open-records';
import { ensurePrivateFolder } from '../core/records/private-folder';
import { NODE_KIOSK_HOST } from '../core/kiosk/kiosk-host';
import { KIOSK_PIN_FILE_NAME } from '../core/kiosk/pin-file';
import { startSimulatedDevice } from '../core/sim/simulated-device';
import { PROTOCOL_IDS, isProtocolId } from '../shared/protocols';
import { defaultDataDir, packageVersion } from './data-dir';
import { createWsBridge } from './ws-bridge';
import { SIGNALING_PATH } from '../shared/call/signaling';
import { createEmbeddedSignaling, type EmbeddedSignalingOptions } from '../core/signaling/embedded-signaling';
import { closeHttp, listen, listeningUrl } from '../core/signaling/http-listen';
import { createStaticHandler, type RequestHandler } from '../core/signaling/static-files';
import { createCheckEndpoints, withCheckEndpoints } from '../core/signaling/check-endpoints';
import { hostCheckConfig } from '../core/check/host-check-config';
import { rejectUpgrade } from '../core/signaling/upgrade-response';
import { loadOrCreateAccessToken, stationUrlWithToken, writeStationUrl } from './access-token';
import { createStationAccess } from './station-access';
import { createAttachmentUpload } from './attachment-upload';
import { requireTlsBeyondLoopback, type TlsFiles } from './listen-policy';
import { createOpsEndpoints } from '../core/signaling/ops-endpoints';

/**
 * The Node host's composition root: the core with a JSON-file settings store, the built renderer
 * over HTTP, and the backend API over WebSocket at /api (attachments: an HTTP upload beside it),
 * all on one origin. The API asks for the data folder's access token (see station-access.ts); the
 * pages, the consultant app and /signal do not (the doctor holds a signed invite). With `simulate`, a
 * Contec CMS50 V7 simulator runs on a real pseudo-terminal and the core reads it through the real
 * serial binding, marked SIMULATED everywhere.
 */
export interface StartServerOptions {
  /** Interface to bind; loopback unless the station is meant to be reached from the LAN (then `tls`). */
  readonly host?: string;
  /** PEM files: required to listen beyond loopback. */
  readonly tls?: TlsFiles;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  /**
   * Simulated devices, each on its own pseudo-terminal and session, marked SIMULATED: protocol ids,
   * or `true` for the default Contec CMS50 V7 oximeter.
   */
  readonly simulate?: boolean | readonly string[];
  /** A fixed heart rate, /min, for the simulated ECGs (a known R-R interval for tests and demos). */
  readonly simulatedHeartRateBpm?: number;
  /** The built renderer; defaults to dist/renderer next to the bundled host. */
  readonly staticDir?: string;
  /** Settings and other state; defaults to the OS user-data folder (see defaultDataDir). */
  readonly dataDir?: string;
  readonly log?: (line: string) => void;
  /** The embedded rendezvous server at /signal and the invites it accepts (public URL, TURN). */
  readonly signaling?: EmbeddedSignalingOptions;
}

export interface RunningServer {
  /** Where the host listens (`http://127.0.0.1:PORT/`). */
  readonly url: string;
  /** The address to open: `url` with the access token, as printed and written to `station-url`. */
  readonly stationUrl: string;
  readonly accessToken: string;
  readonly backend: Backend;
  close(): Promise<void>;
}

export const API_PATH = '/api';
export const SIMULATED_PROTOCOL = 'contec-cms50-v7';

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const listenHost = options.host ?? '127.0.0.1';
  requireTlsBeyondLoopback(listenHost, options.tls);
  const tls = options.tls === undefined ? undefined : readTls(options.tls);
  const staticDir = resolve(options.staticDir ?? join(__dirname, '..', 'renderer'));
  if (!existsSync(join(staticDir, 'index.html'))) {
    log(`warning: no renderer build in ${staticDir} (run \`npm run build\`); only the API will answer`);
  }
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  if (ensurePrivateFolder(dataDir) === 'tightened') log(`data folder ${dataDir}: made private (mode 700)`);
  const accessToken = loadOrCreateAccessToken(dataDir);
  const access = createStationAccess(accessToken, { secure: tls !== undefined });

  const settings = new JsonFileSettingsStore(join(dataDir, 'settings.json'));
  let ownUrl = 'http://127.0.0.1/'; // replaced once listening
  const signaling = createEmbeddedSignaling({
    dataDir,
    settings,
    ownUrl: () => ownUrl,
    options: options.signaling,
  });
  // The encrypted consultation records, keyed by a 0600 key file in the data folder.
  const records = openRecordsOrError({ dir: dataDir, settings }, log);
  const backend = createBackend({
    host: 'node',
    version: packageVersion(),
    settings,
    records,
    call: signaling.call,
    check: hostCheckConfig({
      settings,
      embeddedUrl: () => ownUrl,
      turnUrls: options.signaling?.turnUrls,
      turnSecret: options.signaling?.turnSecret,
    }),
    // The browser is the user's, never in kiosk mode; the PIN still guards the settings.
    kiosk: { pinFile: join(dataDir, KIOSK_PIN_FILE_NAME), host: NODE_KIOSK_HOST },
  });
  const bridge = createWsBridge({ backend, authorize: access.isAuthorized });
  const upload = createAttachmentUpload({ api: backend.api, authorize: access.isAuthorized });
  // The equipment check's ping and bounded throughput endpoints ride on the station's own host.
  const pages = withCheckEndpoints(createCheckEndpoints(), createStaticHandler(staticDir));
  // /healthz and /readyz for a supervisor: they say only whether the host answers and is not closing.
  const ops = createOpsEndpoints({
    notReadyReasons: () => (closing === null ? [] : ['draining']),
    exposeMetrics: false,
  });
  const handler: RequestHandler = (request, response) => {
    if (ops(request, response)) return;
    // The API's own HTTP paths first: `?token=` there authenticates a script, it is no page to trade.
    if (access.answerSession(request, response) || upload.handle(request, response)) return;
    if (access.tradeToken(request, response)) return;
    // Pro Santé Connect sign-in (when configured): the doctor's page, like /signal, needs no token.
    if (signaling.psc(request, response)) return;
    pages(request, response);
  };
  const server: Server = tls === undefined ? createServer(handler) : createHttpsServer(tls, handler);
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?', 1)[0];
    if (path === API_PATH) bridge.handleUpgrade(request, socket, head);
    else if (path === SIGNALING_PATH) signaling.route.handleUpgrade(request, socket, head);
    else rejectUpgrade(socket, 404, 'Not Found');
  });

  const stops: (() => Promise<void>)[] = [];
  let closing: Promise<void> | null = null;
  // Every step runs even if an earlier one fails, so a stuck device never leaves socat or the port behind.
  const close = (): Promise<void> =>
    (closing ??= runAll([
      () => bridge.close(),
      () => signaling.route.close(),
      () => backend.close(), // before the simulator: the port closes cleanly instead of "unplugged"
      ...stops.reverse(),
      () => closeHttp(server),
    ]));

  try {
    await listen(server, listenHost, options.port ?? 0);
    ownUrl = listeningUrl(server.address() as AddressInfo, tls === undefined ? 'http' : 'https');
    writeStationUrl(dataDir, stationUrlWithToken(ownUrl, accessToken));
    for (const protocol of simulatedProtocols(options.simulate)) {
      const device = await startSimulatedDevice(
        protocol,
        options.simulatedHeartRateBpm === undefined ? {} : { heartRateBpm: options.simulatedHeartRateBpm },
      );
      stops.push(() => device.stop());
      await backend.connectDevice({ path: device.path, protocol: device.protocol, simulated: true });
      log(`simulated ${device.protocol} on ${device.path}`);
    }
  } catch (cause) {
    await close().catch(() => undefined);
    throw cause;
  }
  return {
    url: ownUrl,
    stationUrl: stationUrlWithToken(ownUrl, accessToken),
    accessToken,
    backend,
    close,
  };
}

/** `--simulate` alone means the default oximeter; a list gives one simulated device per protocol id. */
export function simulatedProtocols(simulate: boolean | readonly string[] | undefined): readonly string[] {
  if (simulate === true) return [SIMULATED_PROTOCOL];
  if (!simulate) return [];
  const unknown = simulate.filter((protocol) => !isProtocolId(protocol));
  if (unknown.length > 0)
    throw new TypeError(
      `--simulate: unknown protocol id ${unknown.join(', ')}; known: ${PROTOCOL_IDS.join(', ')}`,
    );
  return simulate;
}

/** Parses `--simulate[=]a,b,c` (empty or absent value: the default device). */
export function parseSimulateList(value: string): readonly string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return ids.length > 0 ? ids : [SIMULATED_PROTOCOL];
}

async function runAll(steps: (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) await step().catch((cause: unknown) => failures.push(cause));
  if (failures.length > 0) throw failures[0];
}

function readTls(files: TlsFiles): { cert: Buffer; key: Buffer } {
  return { cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) };
}
