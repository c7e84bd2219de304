import type { SettingsStore } from '../core/settings/settings-store';
import { signalingUrlOf, type CallService } from '../core/signaling/call-service';
import { createEmbeddedSignaling } from '../core/signaling/embedded-signaling';
import { createCheckEndpoints } from '../core/signaling/check-endpoints';
import { startRendezvousHost, type RunningRendezvousHost } from '../core/signaling/rendezvous-host';
import { STATION_APP_ORIGIN } from '../core/signaling/signaling-origin';
import { AppErrorException } from '../shared/result';
import { rendezvousSources } from './content-security-policy';
import { rendezvousConfigFrom } from './rendezvous-config';
import type { ShellLog } from './shell-log';

/**
 * The call's signaling for the Electron station. By default the rendezvous server is embedded: a
 * small HTTP server (consultant page + `/signal`) on loopback, started here, whose URL the invites
 * carry. With the `rendezvousUrl` setting the station uses a standalone server (internet use,
 * behind TLS) and starts none; invites are signed with the key both share
 * (STATION_SIGNALING_SECRET). The choice is made at start: changing the setting between the two
 * takes effect on the next start, and until then invites fail with `unavailable`, never point at
 * a server that is not there.
 */
export interface StationSignaling {
  readonly call: CallService;
  /** The embedded host's URL, or null when a standalone server is used. */
  readonly embeddedUrl: string | null;
  /** CSP connect-src additions: the socket origins the station page may open. */
  connectSources(): string[];
  close(): Promise<void>;
}

export interface StationSignalingDeps {
  /** Where the signing key is kept (the user-data folder). */
  readonly dataDir: string;
  readonly settings: SettingsStore;
  /** The built renderer, for the consultant page. */
  readonly staticDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log: ShellLog;
}

const NOT_RUNNING =
  'the embedded rendezvous server is not running (the rendezvousUrl setting was set at start): restart the station';

export async function startStationSignaling(deps: StationSignalingDeps): Promise<StationSignaling> {
  const { config, problems } = rendezvousConfigFrom(deps.env);
  for (const problem of problems) deps.log.warn(`${problem}; using the default`);
  let host: RunningRendezvousHost | null = null;
  const signaling = createEmbeddedSignaling({
    dataDir: deps.dataDir,
    settings: deps.settings,
    ownUrl: () => {
      if (host === null) throw new AppErrorException('unavailable', NOT_RUNNING);
      return host.url;
    },
    options: {
      // The station page's socket comes from app://station, not from the host's own origin.
      allowedOrigins: [STATION_APP_ORIGIN],
      env: deps.env,
      ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
      ...(config.turnSecret === undefined ? {} : { turnSecret: config.turnSecret }),
      ...(config.turnCheckIntervalMs === undefined
        ? {}
        : { turnCheckIntervalMs: config.turnCheckIntervalMs }),
    },
  });
  if (deps.settings.get().rendezvousUrl === '') {
    host = await startRendezvousHost({
      route: signaling.route,
      staticDir: deps.staticDir,
      host: config.host,
      port: config.port,
      checkEndpoints: createCheckEndpoints(), // the equipment check's ping and throughput test
      psc: signaling.psc,
    });
  } else {
    await signaling.route.close(); // unused: only its heartbeat timer would run
  }
  const running = host;
  const embeddedOrigin = running === null ? null : new URL(config.publicUrl ?? running.url).origin;

  const guarded = <T>(run: () => Promise<T>): Promise<T> =>
    running === null && deps.settings.get().rendezvousUrl === ''
      ? Promise.reject(new AppErrorException('unavailable', NOT_RUNNING))
      : run();
  return {
    call: {
      invite: (request) => guarded(() => signaling.call.invite(request)),
      onMoved: (listener) => signaling.call.onMoved?.(listener) ?? (() => undefined),
      join: () => guarded(() => signaling.call.join()),
      bindRoom: (owner) => signaling.call.bindRoom(owner),
      releaseRoom: (owner) => signaling.call.releaseRoom?.(owner),
    },
    embeddedUrl: running?.url ?? null,
    connectSources: () => [
      ...new Set([
        ...(embeddedOrigin === null ? [] : rendezvousSources(signalingUrlOf(embeddedOrigin))),
        ...rendezvousSources(deps.settings.get().rendezvousUrl),
      ]),
    ],
    close: () => running?.close() ?? Promise.resolve(),
  };
}
