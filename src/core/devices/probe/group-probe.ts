import type { DeviceDriver } from '../../../devices/driver';
import type { ByteTransport, TransportFactory } from '../../transports/transport';
import { HostRunner } from '../host-runner';
import { hostOf } from '../../../devices/host';
import type { CandidateTrial } from './candidate-trial';
import type { LinkGroup } from './link-groups';
import { WaitUntil } from './wait-until';

// One link group of a probe: one open of the port, every decoder of the group fed the same bytes,
// then listening (`listen`) or asking each conversational candidate in turn (`converse`).

/** A setting that brought plenty of bytes and no valid frame at all is the wrong one: move on. */
const GIVE_UP_AFTER_MS = 300;
const GIVE_UP_AFTER_BYTES = 200;
const PROBE_WRITE_TIMEOUT_MS = 300;
/** Nothing the candidate's decoder understands this long after its open step: it got no answer. */
const FIRST_REPLY_MS = 250;

export interface ProbeSession {
  readonly path: string;
  readonly create: TransportFactory;
  readonly now: () => number;
  readonly deadline: number;
  readonly trials: ReadonlyMap<DeviceDriver, CandidateTrial>;
  sawBytes: boolean;
  /** Groups whose port brought bytes. */
  readonly heard: Set<LinkGroup>;
}

/** The group's port while `use` runs; every chunk goes to every decoder of the group. */
export interface GroupPort {
  readonly transport: ByteTransport;
  readonly waiter: WaitUntil;
  readonly trials: readonly CandidateTrial[];
  /** Decode events of each chunk go to the host of the candidate speaking, if any. */
  speaker: { trial: CandidateTrial; runner: HostRunner } | null;
  bytes: number;
}

export async function withPort(
  session: ProbeSession,
  group: LinkGroup,
  use: (port: GroupPort) => Promise<DeviceDriver | null>,
): Promise<DeviceDriver | null> {
  if (session.now() >= session.deadline) return null;
  const transport = session.create(session.path, group.link);
  const trials = [...group.passive, ...group.conversational].map((driver) => session.trials.get(driver)!);
  const port: GroupPort = {
    transport,
    waiter: new WaitUntil(session.now),
    trials,
    speaker: null,
    bytes: 0,
  };
  for (const trial of trials) trial.reset();
  const unsubscribe = transport.onData((chunk, atMs) => {
    session.sawBytes = true;
    session.heard.add(group);
    port.bytes += chunk.length;
    for (const trial of trials) {
      const events = trial.feed(chunk, atMs);
      if (port.speaker?.trial === trial) port.speaker.runner.handle(events, atMs);
    }
    port.waiter.poke();
  });
  try {
    await transport.open();
    return await use(port);
  } finally {
    unsubscribe();
    await transport.close();
  }
}

export async function listen(
  session: ProbeSession,
  port: GroupPort,
  listenMs: number,
): Promise<DeviceDriver | null> {
  const openedAt = session.now();
  const giveUp = (): boolean =>
    session.now() - openedAt >= GIVE_UP_AFTER_MS &&
    port.bytes >= GIVE_UP_AFTER_BYTES &&
    !port.trials.some((trial) => trial.promising);
  const settled = (): boolean => decisiveIn(port) !== null || giveUp();
  // Re-checked on every chunk; the timer covers the silent case.
  await port.waiter.wait(Math.min(session.deadline, openedAt + listenMs), settled);
  // A once-a-second device synced on its first frame: wait one more period for the confirming one.
  if (!settled() && port.trials.some((trial) => trial.promising))
    await port.waiter.wait(Math.min(session.deadline, openedAt + 2 * listenMs), settled);
  return decisiveIn(port);
}

export async function converse(
  session: ProbeSession,
  group: LinkGroup,
  port: GroupPort,
  replyMs: number,
): Promise<DeviceDriver | null> {
  for (const driver of group.conversational) {
    if (session.now() >= session.deadline) break;
    const trial = session.trials.get(driver)!;
    let failed = false;
    const runner = new HostRunner({
      host: hostOf(driver),
      transport: port.transport,
      now: session.now,
      writeTimeoutMs: PROBE_WRITE_TIMEOUT_MS,
      onStepError: () => {
        failed = true;
        port.waiter.poke();
      },
      onWriteError: () => undefined,
    });
    port.speaker = { trial, runner };
    trial.markAsked();
    const askedAt = session.now();
    await runner.start();
    // Nothing this candidate's decoder understands since the question: not its device, next one.
    const settled = (): boolean => failed || decisiveIn(port) !== null;
    await port.waiter.wait(Math.min(session.deadline, askedAt + FIRST_REPLY_MS), settled);
    if (trial.heardSinceAsked) await port.waiter.wait(Math.min(session.deadline, askedAt + replyMs), settled);
    const winner = decisiveIn(port);
    port.speaker = null;
    // The winner's close step leaves the device as we found it (e.g. not streaming) for the session.
    await runner.stop(winner === driver);
    if (winner) return winner;
  }
  return decisiveIn(port);
}

export function decisiveIn(port: GroupPort): DeviceDriver | null {
  return port.trials.find((trial) => trial.decisive)?.driver ?? null;
}
