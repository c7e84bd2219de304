import { startRendezvousServer } from '../../server/rendezvous';
import { startServer } from '../../server/start';
import { simulateProfile } from '../../server/simulate-profiles';
import { requireTlsBeyondLoopback } from '../../server/listen-policy';
import { integerOption, parseCommandArgs, UsageError } from '../args';
import { EXIT_OK } from '../cli-io';
import type { Command } from '../command';
import { LOG_FORMATS, type LogFormat } from '../../core/signaling/event-log';
import { parseTurnUrl } from '../../core/check/turn/turn-url';
import {
  parseTurnCheckInterval,
  TURN_CHECK_INTERVAL_ENV,
  turnCheckIntervalProblem,
} from '../../core/signaling/turn-check-interval';

const USAGE = `Usage: station serve [--host H] [--port P] [--simulate | --simulate-profile NAME] [--cert FILE --key FILE] [signaling options]
       station serve --rendezvous [--cert FILE --key FILE] [signaling options]

Runs the Node host: the station UI in a browser, the consultant app and signaling, until Ctrl-C.
Prints the station's URL with its access token (also in <data dir>/station-url, mode 0600): open
it; the API answers nobody without that token.
With --rendezvous, runs only the rendezvous server (consultant app + signaling, no devices), for
internet use behind TLS. A station using it needs the same invite key: set
STATION_SIGNALING_SECRET to one value (32+ characters) on both.

Options:
  --host H            interface to listen on (default 127.0.0.1; any other, e.g. 0.0.0.0 for the
                      LAN, needs --cert and --key)
  --port P            TCP port (default: a free port, printed at start)
  --simulate          feed the station from a simulated Contec CMS50 oximeter on a pseudo-terminal
  --simulate-profile NAME  feed it from a set of simulated devices, each on its own pseudo-terminal:
                      oximeter (the same as --simulate), or ecg12 (a 12-lead ECG, an OpenBCI Cyton
                      wired I, II, V1–V6, and two pulse oximeters)
  --rendezvous        standalone rendezvous server
  --cert FILE         TLS certificate (PEM); needs --key
  --key FILE          TLS private key (PEM)
  --public-url URL    the address participants use (behind a reverse proxy); invite links use it
  --trust-proxy       take the scheme from X-Forwarded-Proto (only behind a proxy that sets it)
  --allowed-origin O  another page origin allowed to open the signaling socket (repeatable)
  --stun-url URL      STUN server offered to participants (repeatable)
  --turn-url URL      TURN server offered with short-lived credentials (repeatable)
  --check-endpoints   with --rendezvous: serve the equipment check's ping and bounded
                      throughput test (rate-limited per IP; always on for the station host)
  --turn-secret S     coturn static-auth-secret (prefer the STATION_TURN_SECRET environment variable:
                      a command line is visible to other users)
  --turn-check-interval S  with two TURN URLs or more (a pool of coturns sharing the secret), each
                      is checked every S seconds (default 15; 0: no check; 1–3600; also
                      STATION_TURN_CHECK_INTERVAL) and a dead one leaves the list offered
  -h, --help          show this help

Rendezvous node options (with --rendezvous; docs/DEPLOY.md):
  STATION_TURN_URLS (comma-separated) adds TURN URLs to --turn-url
  --max-sockets N     signaling sockets this node admits (default 500)
  --max-sockets-per-client N  sockets one IPv4 address or IPv6 /64 may hold (default 32)
  --max-rooms N       rooms this node holds at once (default 1000)
  --metrics-host H    serve /healthz, /readyz and /metrics on a separate listener (default
                      127.0.0.1; another address needs STATION_METRICS_TOKEN)
  --metrics-port P    that listener's port (without it, no separate listener)
  --log-format F      text (default) or json: one JSON object per line (also STATION_LOG_FORMAT)
  --redis URL         redis://HOST:PORT: rooms live in Redis, shared by every node with the same URL
                      and STATION_SIGNALING_SECRET (also STATION_REDIS_URL); without it, in memory
With STATION_METRICS_TOKEN (24+ characters), /metrics is also served on the main port, and asks
for "Authorization: Bearer <token>" everywhere. /healthz and /readyz are always on the main port.`;

/** `--simulate` alone: the default oximeter; `--simulate-profile`: the profile's devices. */
function simulatedDevices(
  simulate: boolean | undefined,
  profile: string | undefined,
): boolean | readonly string[] {
  if (profile === undefined) return simulate ?? false;
  try {
    return simulateProfile(profile);
  } catch (cause) {
    throw new UsageError((cause as Error).message);
  }
}

export const TURN_SECRET_ENV = 'STATION_TURN_SECRET';
export const TURN_URLS_ENV = 'STATION_TURN_URLS';
export const METRICS_TOKEN_ENV = 'STATION_METRICS_TOKEN';
export const LOG_FORMAT_ENV = 'STATION_LOG_FORMAT';
export const REDIS_URL_ENV = 'STATION_REDIS_URL';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the Node host (station in a browser, consultant app, signaling)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        host: { type: 'string' },
        port: { type: 'string' },
        simulate: { type: 'boolean' },
        'simulate-profile': { type: 'string' },
        rendezvous: { type: 'boolean' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'public-url': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'allowed-origin': { type: 'string', multiple: true },
        'stun-url': { type: 'string', multiple: true },
        'turn-url': { type: 'string', multiple: true },
        'turn-secret': { type: 'string' },
        'check-endpoints': { type: 'boolean' },
        redis: { type: 'string' },
        'turn-check-interval': { type: 'string' },
        'max-sockets': { type: 'string' },
        'max-sockets-per-client': { type: 'string' },
        'max-rooms': { type: 'string' },
        'metrics-host': { type: 'string' },
        'metrics-port': { type: 'string' },
        'log-format': { type: 'string' },
      },
      0,
    );
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const log = (line: string): void => void io.stderr.write(`${line}\n`);
    const signaling = {
      publicUrl: httpUrlOption(values['public-url'], 'public-url'),
      trustForwardedProto: values['trust-proxy'] ?? false,
      allowedOrigins: (values['allowed-origin'] ?? []).map((origin) => originOption(origin)),
      stunUrls: urlList(values['stun-url'], /^stuns?:/, 'stun-url'),
      turnUrls: urlList(
        [...(values['turn-url'] ?? []), ...listFromEnv(process.env[TURN_URLS_ENV])],
        /^turns?:/,
        'turn-url',
      ),
      turnSecret: values['turn-secret'] ?? nonEmpty(process.env[TURN_SECRET_ENV]),
      ...turnCheckIntervalOption(values['turn-check-interval']),
    };
    const host = values.host;
    const port = integerOption(values.port, 'port', 65535);
    if ((values.cert === undefined) !== (values.key === undefined))
      throw new UsageError('--cert and --key go together');
    const tls =
      values.cert !== undefined && values.key !== undefined
        ? { certFile: values.cert, keyFile: values.key }
        : undefined;
    let printed: string;
    let server: { close(): Promise<void> };
    if (values.rendezvous === true) {
      if (values.simulate === true || values['simulate-profile'] !== undefined)
        throw new UsageError('--simulate needs the station host, not --rendezvous');
      const rendezvous = await startRendezvousServer({
        host,
        port,
        tls,
        ...signaling,
        ...nodeOptions(values),
        checkEndpoints: values['check-endpoints'] ?? false,
        ...redisOption(values.redis ?? nonEmpty(process.env[REDIS_URL_ENV])),
        log,
      }).catch((cause: unknown) => {
        // A configuration the server refuses (a metrics token too short…) is a usage error.
        throw cause instanceof TypeError ? new UsageError(cause.message) : cause;
      });
      server = rendezvous;
      printed = rendezvous.url;
    } else {
      const nodeOnly = NODE_OPTIONS.find((name) => values[name] !== undefined);
      if (nodeOnly !== undefined) throw new UsageError(`--${nodeOnly} needs --rendezvous`);
      try {
        requireTlsBeyondLoopback(host ?? '127.0.0.1', tls);
      } catch (cause) {
        throw new UsageError((cause as Error).message);
      }
      const station = await startServer({
        host,
        port,
        ...(tls === undefined ? {} : { tls }),
        simulate: simulatedDevices(values.simulate, values['simulate-profile']),
        signaling,
        log,
      });
      server = station;
      printed = station.stationUrl;
    }
    io.stdout.write(`${printed}\n`);
    await io.untilInterrupted();
    await server.close();
    return EXIT_OK;
  },
};

const NODE_OPTIONS = [
  'max-sockets',
  'max-sockets-per-client',
  'max-rooms',
  'metrics-host',
  'metrics-port',
  'log-format',
  'redis',
] as const;

type NodeValues = { readonly [name in (typeof NODE_OPTIONS)[number]]?: string };

/** The options of a rendezvous node in a pool (docs/DEPLOY.md), from flags and environment. */
function nodeOptions(values: NodeValues) {
  const maxSockets = integerOption(values['max-sockets'], 'max-sockets', 1_000_000);
  const maxPerClient = integerOption(values['max-sockets-per-client'], 'max-sockets-per-client', 1_000_000);
  const maxRooms = integerOption(values['max-rooms'], 'max-rooms', 1_000_000);
  const metricsPort = integerOption(values['metrics-port'], 'metrics-port', 65535);
  if (values['metrics-host'] !== undefined && metricsPort === undefined)
    throw new UsageError('--metrics-host needs --metrics-port');
  const metricsToken = nonEmpty(process.env[METRICS_TOKEN_ENV]);
  const logFormat = values['log-format'] ?? nonEmpty(process.env[LOG_FORMAT_ENV]) ?? 'text';
  if (!LOG_FORMATS.includes(logFormat as LogFormat))
    throw new UsageError(`--log-format must be text or json, got ${JSON.stringify(logFormat)}`);
  return {
    logFormat: logFormat as LogFormat,
    ...(maxRooms === undefined ? {} : { maxRooms }),
    limits: {
      ...(maxSockets === undefined ? {} : { maxSockets }),
      ...(maxPerClient === undefined ? {} : { maxSocketsPerClient: maxPerClient }),
    },
    metrics: {
      ...(metricsPort === undefined
        ? {}
        : { listen: { host: values['metrics-host'] ?? '127.0.0.1', port: metricsPort } }),
      ...(metricsToken === undefined ? {} : { token: metricsToken }),
    },
  };
}

/** The TURN pool's check interval, for the station host's embedded rendezvous and a node alike. */
function turnCheckIntervalOption(flag: string | undefined): { turnCheckIntervalMs?: number } {
  const fromEnv = nonEmpty(process.env[TURN_CHECK_INTERVAL_ENV]);
  const text = flag ?? fromEnv;
  if (text === undefined) return {};
  const interval = parseTurnCheckInterval(text);
  if (!interval.ok)
    throw new UsageError(
      turnCheckIntervalProblem(flag === undefined ? TURN_CHECK_INTERVAL_ENV : '--turn-check-interval', text),
    );
  return { turnCheckIntervalMs: interval.ms };
}

function listFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function httpUrlOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new UsageError(`--${name} must be an http(s) URL, got ${JSON.stringify(value)}`);
  return value;
}

function originOption(value: string): string {
  if (!URL.canParse(value) || new URL(value).origin === 'null' || new URL(value).origin !== value)
    throw new UsageError(
      `--allowed-origin must be an origin like https://example.org, got ${JSON.stringify(value)}`,
    );
  return value;
}

function urlList(values: string[] | undefined, scheme: RegExp, name: string): string[] {
  for (const value of values ?? []) {
    if (!scheme.test(value) || value.length > 200 || (name === 'turn-url' && !isTurnUrl(value)))
      throw new UsageError(`--${name}: not a ${name.slice(0, 4)} URL: ${JSON.stringify(value)}`);
  }
  return values ?? [];
}

function isTurnUrl(value: string): boolean {
  try {
    parseTurnUrl(value);
    return true;
  } catch {
    return false;
  }
}

function redisOption(value: string | undefined): { redisUrl?: string } {
  if (value === undefined) return {};
  if (!URL.canParse(value) || !/^rediss?:$/.test(new URL(value).protocol))
    throw new UsageError(`--redis must be a redis:// or rediss:// URL, got ${JSON.stringify(value)}`);
  return { redisUrl: value };
}
