import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { overallStatus, type CheckReport, type CheckStatus } from '../../shared/domain/equipment-check';
import { parseStoredSettings, type Settings } from '../../shared/domain/settings';
import { listPortsWithCandidates } from '../../core/devices/port-listing';
import { probePort } from '../../core/devices/probe/probe-port';
import { probeOrderForPort } from '../../core/discovery/port-candidates';
import { portChecks, targetsFromListing, type PortTarget } from '../../core/check/port-checks';
import { rendezvousChecks } from '../../core/check/rendezvous-checks';
import { runCheck } from '../../core/check/run-check';
import { turnChecks } from '../../core/check/turn-checks';
import { parseTurnUrl } from '../../core/check/turn/turn-url';
import { originOfRendezvousUrl } from '../../core/signaling/call-service';
import { defaultDataDir } from '../../server/data-dir';
import { integerOption, parseCommandArgs, UsageError } from '../args';
import { EXIT_OK } from '../cli-io';
import type { Command } from '../command';
import { driverOrUsageError } from '../drivers';
import { TURN_SECRET_ENV } from './serve';

/** Below one TURN round trip on a slow link, a timeout only manufactures failures. */
const MIN_TIMEOUT_MS = 100;

const USAGE = `Usage: station check [--rendezvous URL] [--turn URL]... [--turn-secret S]
                     [--device PATH[=PROTOCOL]]... [--probe] [--no-throughput] [--json]

Checks what a consultation needs from this machine, without the station running: the medical
devices (ports the OS lists with a known USB id, and any --device), the rendezvous server (round
trip, jitter, upload and download), and each TURN server with a real Allocate over UDP and TCP.
Addresses default to the station's settings (${'`'}rendezvousUrl${'`'}, ${'`'}turnUrls${'`'}).

Options:
  --rendezvous URL        rendezvous server (https://… or wss://…/signal)
  --turn URL              TURN server, e.g. turn:turn.example.org:3478 (repeatable)
  --turn-secret S         coturn static-auth-secret (prefer ${TURN_SECRET_ENV}: a command line is
                          visible to other users)
  --device PATH[=ID]      a port to check, optionally with the protocol id expected (repeatable)
  --probe                 listen to each device to say which protocol answers (a few seconds)
  --no-throughput         skip the upload/download measurement
  --data-dir DIR          where the station keeps its settings (default: the user-data folder)
  --timeout MS            per TURN exchange (default 4000)
  --json                  print the report as JSON (the equipment-check report schema)
  -h, --help              show this help

Exit code: 0 everything passed, 1 warnings, 2 at least one failure.`;

export const CHECK_EXIT: Record<CheckStatus, number> = { pass: 0, skipped: 0, warn: 1, fail: 2 };

export const checkCommand: Command = {
  name: 'check',
  summary: 'check devices, rendezvous server and TURN relay; pass / warn / fail with fixes',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        rendezvous: { type: 'string' },
        turn: { type: 'string', multiple: true },
        'turn-secret': { type: 'string' },
        device: { type: 'string', multiple: true },
        probe: { type: 'boolean' },
        'no-throughput': { type: 'boolean' },
        'data-dir': { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
      },
      0,
    );
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const settings = readSettings(values['data-dir'] ?? defaultDataDir());
    const origin = rendezvousOrigin(values.rendezvous ?? (settings.rendezvousUrl || undefined));
    const turnUrls = turnUrlsOption(values.turn) ?? settings.turnUrls;
    const secret = values['turn-secret'] ?? (process.env[TURN_SECRET_ENV] || undefined);
    const timeoutMs = integerOption(values.timeout, 'timeout', 60_000);
    // Shorter than a round trip, every TURN item would fail as a firewall that is not there.
    if (timeoutMs !== undefined && timeoutMs < MIN_TIMEOUT_MS)
      throw new UsageError(`--timeout must be at least ${MIN_TIMEOUT_MS} ms, got ${timeoutMs}`);
    const explicit = (values.device ?? []).map(deviceTarget);
    const probe = values.probe === true ? probePort : undefined;

    const report = await runCheck('station check', [
      {
        name: 'devices',
        category: 'devices',
        run: async () => {
          const listed = targetsFromListing(await listPortsWithCandidates(), (port) =>
            probeOrderForPort(port),
          );
          const targets = [...explicit, ...listed.filter((t) => !explicit.some((e) => e.path === t.path))];
          return portChecks(targets, probe === undefined ? {} : { probe });
        },
      },
      {
        name: 'rendezvous',
        category: 'network',
        run: () =>
          origin === null
            ? Promise.resolve(noRendezvous())
            : rendezvousChecks(origin, { throughput: values['no-throughput'] !== true }),
      },
      {
        name: 'turn',
        category: 'network',
        run: () =>
          turnChecks(
            { urls: turnUrls, ...(secret === undefined ? {} : { secret }) },
            timeoutMs === undefined ? {} : { timeoutMs },
          ),
      },
    ]);
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return CHECK_EXIT[overallStatus(report.items)];
  },
};

/**
 * The readable table: one line per item, its detail lines (the TURN item's transports) and its fix
 * indented below.
 */
export function formatReport(report: CheckReport): string {
  const lines = report.items.map((item) => {
    const head = `${item.status.toUpperCase().padEnd(7)} ${item.title}: ${item.detail.replace(/\n/g, '\n        ')}`;
    return item.fix === '' || item.status === 'pass' ? head : `${head}\n        fix: ${item.fix}`;
  });
  const counts = (['pass', 'warn', 'fail', 'skipped'] as const)
    .map((status) => `${report.items.filter((item) => item.status === status).length} ${status}`)
    .join(', ');
  return `${lines.join('\n')}\n\nOverall: ${overallStatus(report.items).toUpperCase()} (${counts})\n`;
}

function noRendezvous() {
  return [
    {
      id: 'network.rendezvous',
      category: 'network' as const,
      status: 'skipped' as const,
      title: 'Rendezvous server',
      detail: 'No rendezvous server given, and none is set in the settings.',
      fix: 'Pass --rendezvous https://your-rendezvous-server to test it.',
      measured: { code: 'not-configured' },
    },
  ];
}

/** Settings are read, never written: a missing or unreadable file means the defaults. */
function readSettings(dataDir: string): Settings {
  try {
    return parseStoredSettings(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).settings;
  } catch {
    return parseStoredSettings({}).settings;
  }
}

export function rendezvousOrigin(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!URL.canParse(value)) throw new UsageError(`--rendezvous: not a URL: ${JSON.stringify(value)}`);
  const url = new URL(value);
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return originOfRendezvousUrl(value);
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  throw new UsageError(`--rendezvous must be an http(s) or ws(s) URL, got ${JSON.stringify(value)}`);
}

/** The same parser the check itself uses, so a bad URL is a usage error, not a failed item. */
function turnUrlsOption(values: string[] | undefined): string[] | undefined {
  for (const value of values ?? []) {
    try {
      if (value.length > 200) throw new TypeError('longer than 200 characters');
      parseTurnUrl(value);
    } catch (cause) {
      throw new UsageError(`--turn: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }
  return values;
}

export function deviceTarget(value: string): PortTarget {
  const at = value.lastIndexOf('=');
  const path = at > 0 ? value.slice(0, at) : value;
  if (path === '' || path.includes('\0')) throw new UsageError(`--device: bad path ${JSON.stringify(value)}`);
  const drivers =
    at > 0 ? [driverOrUsageError(value.slice(at + 1))] : probeOrderForPort({ path, transport: 'serial' });
  return { path, drivers, explicit: true };
}
