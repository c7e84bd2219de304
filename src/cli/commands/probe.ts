import { DEFAULT_PROBE_TIMEOUT_MS, probePort } from '../../core/devices/probe/probe-port';
import type { ProbeResult } from '../../core/devices/probe/probe-result';
import { listPortsWithCandidates } from '../../core/devices/port-listing';
import { probeOrderForPort } from '../../core/discovery/port-candidates';
import type { DeviceDriver } from '../../devices/driver';
import { integerOption, parseCommandArgs, UsageError } from '../args';
import { EXIT_FAILURE, EXIT_OK } from '../cli-io';
import type { Command } from '../command';
import { driverOrUsageError } from '../drivers';

const USAGE = `Usage: station probe PATH [--protocol ID]... [--timeout MS] [--json]

Tries candidate drivers on a port and says which protocol answers. Without --protocol it tries the
drivers the port's USB ids suggest first, then every other driver of its bus (a pty or a bare
RS-232 port has no USB ids: every serial driver). Streaming devices are recognised by listening;
conversational ones get each candidate's opening message in turn.

Options:
  --protocol ID   try only this protocol (repeat for several, tried in the order given)
  --timeout MS    upper bound on the probe (default ${DEFAULT_PROBE_TIMEOUT_MS})
  --json          print the full result (per-candidate frame counts) as JSON
  -h, --help      show this help

Exit code: 0 when a protocol answered, 1 when none did or the port cannot be opened.`;

export const probeCommand: Command = {
  name: 'probe',
  summary: 'try the candidate drivers on a port and say which protocol answers',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        protocol: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
      },
      1,
    );
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const path = positionals[0];
    if (path === undefined || path === '') throw new UsageError('missing PATH (the port to probe)');
    const timeoutMs = integerOption(values.timeout, 'timeout', 60_000);
    const candidates = values.protocol?.map(driverOrUsageError) ?? (await defaultCandidates(path));
    const result = await probePort(path, candidates, timeoutMs === undefined ? {} : { timeoutMs });
    io[result.outcome === 'found' ? 'stdout' : 'stderr'].write(
      values.json ? `${JSON.stringify(result, null, 2)}\n` : `${describe(result)}\n`,
    );
    return result.outcome === 'found' ? EXIT_OK : EXIT_FAILURE;
  },
};

/** The listed port's USB ids put its registry candidates first; an unlisted path gets every serial driver. */
async function defaultCandidates(path: string): Promise<DeviceDriver[]> {
  const listed = (await listPortsWithCandidates()).find((port) => port.path === path);
  return probeOrderForPort(listed ?? { path, transport: 'serial' });
}

function describe(result: ProbeResult): string {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  if (result.outcome === 'found')
    return `${result.path}: ${result.protocol} (${result.name}) answered in ${seconds} s`;
  if (result.outcome === 'error') return `${result.path}: ${result.error.message} (${result.error.code})`;
  return `${result.message} (${seconds} s)`;
}
