import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { run } from './command';

/**
 * The doctor's network: a namespace of its own joined to this machine by one veth pair, with a /30
 * the lab picks and assigns itself (10.77.X.Y: the host end .1, the doctor end .2). These two
 * addresses and loopback are the only ones a test sends to: the namespace has no default route, so
 * nothing inside can reach anything but the host end, and IPv6 is off on both ends (no link-local
 * candidates). Deleting the namespace deletes the pair, its qdiscs and its nft tables with it.
 */
export interface NetLab {
  readonly namespace: string;
  /** The veth end in this (the root) namespace: the station's host and coturn listen here. */
  readonly hostInterface: string;
  readonly hostAddress: string;
  /** The veth end inside the namespace: the doctor's only way out. */
  readonly doctorInterface: string;
  readonly doctorAddress: string;
  /** Runs a tool inside the namespace (`ip netns exec`). */
  inside(file: string, args: readonly string[], input?: string): Promise<string>;
  destroy(): Promise<void>;
}

const live = new Set<string>();

/** Namespaces still standing when the process exits (a crash mid-test) are removed synchronously. */
process.once('exit', () => {
  for (const namespace of live) {
    try {
      execFileSync('ip', ['netns', 'delete', namespace]);
    } catch {
      // already gone
    }
  }
});

export async function createNetLab(): Promise<NetLab> {
  const id = randomBytes(3).toString('hex');
  const namespace = `netlab-${id}`;
  const hostInterface = `nl${id}h`;
  const doctorInterface = `nl${id}d`;
  // A random /30 inside 10.77.0.0/16, so two labs (or a crashed run's leftover) never collide.
  const block = 4 * Math.floor(Math.random() * 16_384);
  const octets = (offset: number): string => `10.77.${(block + offset) >> 8}.${(block + offset) & 255}`;
  const hostAddress = octets(1);
  const doctorAddress = octets(2);
  const inside = (file: string, args: readonly string[], input?: string): Promise<string> =>
    run('ip', ['netns', 'exec', namespace, file, ...args], input);

  await run('ip', ['netns', 'add', namespace]);
  live.add(namespace);
  const destroy = async (): Promise<void> => {
    if (!live.delete(namespace)) return;
    await run('ip', ['netns', 'delete', namespace]);
    // The host end goes with its peer; if the kernel is slow about it, remove it ourselves.
    await run('ip', ['link', 'delete', hostInterface]).catch(() => undefined);
  };
  try {
    await run('ip', ['link', 'add', hostInterface, 'type', 'veth', 'peer', 'name', doctorInterface]);
    await run('ip', ['link', 'set', doctorInterface, 'netns', namespace]);
    await run('sysctl', ['-qw', `net.ipv6.conf.${hostInterface}.disable_ipv6=1`]);
    await run('ip', ['addr', 'add', `${hostAddress}/30`, 'dev', hostInterface]);
    await run('ip', ['link', 'set', hostInterface, 'up']);
    await inside('sysctl', ['-qw', 'net.ipv6.conf.all.disable_ipv6=1']);
    await inside('ip', ['addr', 'add', `${doctorAddress}/30`, 'dev', doctorInterface]);
    await inside('ip', ['link', 'set', 'lo', 'up']);
    await inside('ip', ['link', 'set', doctorInterface, 'up']);
  } catch (error) {
    await destroy().catch(() => undefined);
    throw error;
  }
  return { namespace, hostInterface, hostAddress, doctorInterface, doctorAddress, inside, destroy };
}
