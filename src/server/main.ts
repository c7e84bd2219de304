import { parseArgs } from 'node:util';
import { MAX_FIXED_BPM, MIN_FIXED_BPM } from '../devices/ecg/ecg-model';
import { parseSimulateList, simulatedProtocols, startServer } from './start';
import {
  parseTurnCheckInterval,
  TURN_CHECK_INTERVAL_ENV,
  turnCheckIntervalProblem,
} from '../core/signaling/turn-check-interval';

/**
 * `npm run web` / `node dist/server/main.cjs [--host H] [--port P] [--simulate [IDS]] [--data-dir D]`:
 * the station in a browser, for machines without an Electron runtime. Prints the URL to open, with
 * its access token, on its own line (`Station ready: http://…/?token=…`) so scripts and tests can
 * pick it up; the same URL is in <data dir>/station-url.
 */
const USAGE = `Usage: node dist/server/main.cjs [--host 127.0.0.1] [--port 8080] [--simulate [IDS]] [--data-dir DIR]
                                 [--cert FILE --key FILE] [--simulate-heart-rate BPM]
  --host      interface to bind (default 127.0.0.1); any other address (0.0.0.0: the LAN) needs
              --cert and --key
  --cert      TLS certificate (PEM); with --key, the station is served over https
  --key       TLS private key (PEM)
  --port      TCP port (default 8080; 0 picks a free one)
  --simulate  run simulated devices, each on its own pseudo-terminal, and show their vitals: a
              comma-separated list of protocol ids (e.g. contec-cms50-v7,philips-intellivue-mib,
              openbci-cyton); alone, a Contec CMS50 oximeter (contec-cms50-v7)
  --simulate-heart-rate
              a fixed heart rate (30–180 /min) for the simulated ECGs, so every R-R interval is
              known (60000/BPM ms); without it the rate wanders between 60 and 90
  --data-dir  where settings, records and the access token are kept (default: the OS user-data
              folder, or $STATION_DATA_DIR)
Open the printed URL (its token is exchanged for a cookie on the first load); it is also written,
readable by you only, to <data dir>/station-url.`;

const SHUTDOWN_TIMEOUT_MS = 5000;

/** STATION_TURN_CHECK_INTERVAL (turn-check-interval.ts): a bad value stops the start, named. */
function turnCheckIntervalFromEnv(): { turnCheckIntervalMs?: number } {
  const text = process.env[TURN_CHECK_INTERVAL_ENV] ?? '';
  if (text === '') return {};
  const interval = parseTurnCheckInterval(text);
  if (!interval.ok) throw new TypeError(turnCheckIntervalProblem(TURN_CHECK_INTERVAL_ENV, text));
  return { turnCheckIntervalMs: interval.ms };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: withSimulateValue(argv),
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      simulate: { type: 'string' },
      'simulate-heart-rate': { type: 'string' },
      'data-dir': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`--port must be 0–65535, got ${values.port}`);
  const heartRate =
    values['simulate-heart-rate'] === undefined ? undefined : Number(values['simulate-heart-rate']);
  if (heartRate !== undefined && !(heartRate >= MIN_FIXED_BPM && heartRate <= MAX_FIXED_BPM))
    throw new TypeError(
      `--simulate-heart-rate must be ${MIN_FIXED_BPM}–${MAX_FIXED_BPM}, got ${values['simulate-heart-rate']}`,
    );
  if ((values.cert === undefined) !== (values.key === undefined))
    throw new TypeError('--cert and --key go together');

  const server = await startServer({
    host: values.host,
    port,
    ...(values.cert !== undefined && values.key !== undefined
      ? { tls: { certFile: values.cert, keyFile: values.key } }
      : {}),
    simulate: values.simulate === undefined ? false : simulatedProtocols(parseSimulateList(values.simulate)),
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    ...(heartRate !== undefined ? { simulatedHeartRateBpm: heartRate } : {}),
    log: (line) => console.log(line),
    // coturn's shared secret comes from the environment only: a command line is visible in `ps`.
    signaling: { turnSecret: process.env.STATION_TURN_SECRET || undefined, ...turnCheckIntervalFromEnv() },
  });
  console.log(`Station ready: ${server.stationUrl}`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    // A device that never answers must not keep the process alive after Ctrl-C.
    setTimeout(() => {
      console.error(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close().then(
      () => process.exit(0),
      (cause: unknown) => {
        console.error('error during shutdown:', cause);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** `--simulate` takes an optional value: alone (or before another option) it means the default device. */
function withSimulateValue(argv: string[]): string[] {
  return argv.flatMap((arg, i) => {
    if (arg !== '--simulate') return [arg];
    const next = argv[i + 1];
    return next === undefined || next.startsWith('-') ? ['--simulate='] : [arg];
  });
}

main(process.argv.slice(2)).catch((cause: unknown) => {
  console.error(`station: ${cause instanceof Error ? cause.message : String(cause)}`);
  if (isUsageError(cause)) console.error(USAGE);
  process.exit(1);
});

/** Bad flags get the usage text; a busy port or a failed simulator gets only its message. */
function isUsageError(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | null)?.code;
  return cause instanceof TypeError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
}
