import { startRendezvousServer } from '../../server/rendezvous';
import { startServer } from '../../server/start';
import { requireTlsBeyondLoopback } from '../../server/listen-policy';
import { integerOption, parseCommandArgs, UsageError } from '../args';
import { EXIT_OK } from '../cli-io';
import type { Command } from '../command';

const USAGE = `Usage: station serve [--host H] [--port P] [--simulate] [--cert FILE --key FILE] [signaling options]
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
  -h, --help          show this help`;

export const TURN_SECRET_ENV = 'STATION_TURN_SECRET';

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
      turnUrls: urlList(values['turn-url'], /^turns?:/, 'turn-url'),
      turnSecret: values['turn-secret'] ?? nonEmpty(process.env[TURN_SECRET_ENV]),
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
      if (values.simulate === true)
        throw new UsageError('--simulate needs the station host, not --rendezvous');
      const rendezvous = await startRendezvousServer({
        host,
        port,
        tls,
        ...signaling,
        checkEndpoints: values['check-endpoints'] ?? false,
        log,
      });
      server = rendezvous;
      printed = rendezvous.url;
    } else {
      try {
        requireTlsBeyondLoopback(host ?? '127.0.0.1', tls);
      } catch (cause) {
        throw new UsageError((cause as Error).message);
      }
      const station = await startServer({
        host,
        port,
        ...(tls === undefined ? {} : { tls }),
        simulate: values.simulate ?? false,
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
    if (!scheme.test(value) || value.length > 200)
      throw new UsageError(`--${name}: not a ${name.slice(0, 4)} URL: ${JSON.stringify(value)}`);
  }
  return values ?? [];
}
