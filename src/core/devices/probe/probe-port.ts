import type { DeviceDriver } from '../../../devices/driver';
import { createDeviceTransport } from '../../transports/create-transport';
import { TransportError, type TransportFactory } from '../../transports/transport';
import { CandidateTrial, bestTrial } from './candidate-trial';
import { converse, listen, withPort } from './group-probe';
import { groupByLink, type LinkGroup } from './link-groups';
import type { ProbeResult } from './probe-result';

export interface ProbeOptions {
  /** Upper bound on the whole probe. */
  readonly timeoutMs?: number;
  readonly createTransport?: TransportFactory;
  readonly now?: () => number;
  /** Passive listen on the first setting: long enough to see a once-a-second device speak. */
  readonly listenMs?: number;
  /** How long each conversational candidate gets to answer its open step. */
  readonly replyMs?: number;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 3000;
const DEFAULT_LISTEN_MS = 1100;
const DEFAULT_REPLY_MS = 350;

/**
 * Finds which candidate protocol a port speaks, within `timeoutMs`. Candidates are grouped by link
 * settings and each group gets one open of the port, every decoder of the group fed the same bytes.
 * First it listens (streaming devices), the group with the most passive candidates first; a port
 * silent on the first listen skips the other listens. Then each conversational candidate in turn
 * sends its open step and runs its host for `replyMs`, so replies belong to one candidate. It stops
 * at the first decisive candidate (valid frames, no errors since sync); otherwise the one with the
 * fewest errors wins, and no plausible candidate is a clear "no protocol answered".
 */
export async function probePort(
  path: string,
  candidates: readonly DeviceDriver[],
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const now = options.now ?? Date.now;
  const create = options.createTransport ?? ((p, link) => createDeviceTransport(p, link, now));
  const started = now();
  const deadline = started + (options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
  const groups = groupByLink(candidates);
  const trials = new Map(candidates.map((driver) => [driver, new CandidateTrial(driver)]));
  const heard = new Set<LinkGroup>();
  const session = { path, create, now, deadline, trials, sawBytes: false, heard };
  const reports = (): ProbeResult['candidates'] => [...trials.values()].map((trial) => trial.report);
  const elapsed = (): number => now() - started;

  try {
    const listenOrder = groups
      .filter((group) => group.passive.length > 0)
      .sort((a, b) => b.passive.length - a.passive.length);
    for (const [index, group] of listenOrder.entries()) {
      if (index > 0 && !session.sawBytes) break;
      const winner = await withPort(session, group, (port) =>
        listen(session, port, options.listenMs ?? DEFAULT_LISTEN_MS),
      );
      if (winner) return found(path, winner, elapsed(), reports());
    }
    // Groups that brought bytes while listening first: a device that streams unasked may still want
    // a command (a Nonin selects its format); otherwise the candidates' order.
    const talkOrder = groups
      .filter((g) => g.conversational.length > 0)
      .sort((a, b) => Number(heard.has(b)) - Number(heard.has(a)));
    for (const group of talkOrder) {
      const winner = await withPort(session, group, (port) =>
        converse(session, group, port, options.replyMs ?? DEFAULT_REPLY_MS),
      );
      if (winner) return found(path, winner, elapsed(), reports());
    }
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    return {
      outcome: 'error',
      path,
      error: { code: error.code, message: error.message },
      elapsedMs: elapsed(),
      candidates: reports(),
    };
  }
  const best = bestTrial([...trials.values()]);
  if (best) return found(path, best.driver, elapsed(), reports());
  const tried = candidates.map((driver) => driver.protocol).join(', ') || 'none';
  return {
    outcome: 'none',
    path,
    message: `no protocol answered on ${path}${session.sawBytes ? ' (bytes arrived, none decoded)' : ' (the port stayed silent)'}; tried: ${tried}`,
    elapsedMs: elapsed(),
    candidates: reports(),
  };
}

function found(
  path: string,
  driver: DeviceDriver,
  elapsedMs: number,
  candidates: ProbeResult['candidates'],
): ProbeResult {
  return {
    outcome: 'found',
    path,
    protocol: driver.protocol,
    name: driver.name,
    link: driver.link,
    elapsedMs,
    candidates,
  };
}
