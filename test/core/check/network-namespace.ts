import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * A network namespace of the test's own, joined to ours by one veth pair on a /30 of TEST-NET-2
 * (198.51.100.0/24, documentation space: nothing real answers there). Traffic the test sends
 * stays between this machine and the namespace; both go away with `remove()`.
 */
export interface TestNamespace {
  readonly name: string;
  /** Our end of the veth pair. */
  readonly hostAddress: string;
  /** The namespace's end: where a server started in it listens. */
  readonly innerAddress: string;
  /**
   * Adds an address inside the namespace (a peer that exists only there). It goes on the
   * namespace's own loopback: this kernel has no dummy interfaces, and lo holds any address.
   */
  addPeerAddress(address: string): void;
  /** Starts a process inside the namespace. */
  spawn(command: string, args: readonly string[]): ChildProcess;
  remove(): void;
}

/** Why namespaces cannot be made here, or null when they can (root and a working `ip netns`). */
export function namespacesUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not root: network namespaces need root (CI runs as root)';
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
    return null;
  } catch {
    return '`ip netns` is not available';
  }
}

const ip = (...args: string[]): void => void execFileSync('ip', args, { stdio: 'ignore' });

export function createTestNamespace(): TestNamespace {
  const id = randomBytes(4).toString('hex');
  const name = `station-test-${id}`;
  const outside = `vh${id}`;
  const inside = `vn${id}`;
  // One of the 64 /30 blocks of 198.51.100.0/24: .1 + 4k ours, .2 + 4k the namespace's.
  const base = 4 * Math.floor(Math.random() * 64);
  const hostAddress = `198.51.100.${base + 1}`;
  const innerAddress = `198.51.100.${base + 2}`;
  ip('netns', 'add', name);
  try {
    ip('-n', name, 'link', 'set', 'lo', 'up');
    ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
    ip('link', 'set', inside, 'netns', name);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', outside);
    ip('link', 'set', outside, 'up');
    ip('-n', name, 'addr', 'add', `${innerAddress}/30`, 'dev', inside);
    ip('-n', name, 'link', 'set', inside, 'up');
  } catch (cause) {
    removeNamespace(name, outside);
    throw cause;
  }
  return {
    name,
    hostAddress,
    innerAddress,
    addPeerAddress: (address) => ip('-n', name, 'addr', 'add', `${address}/32`, 'dev', 'lo'),
    spawn: (command, args) =>
      spawn('ip', ['netns', 'exec', name, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }),
    remove: () => removeNamespace(name, outside),
  };
}

function removeNamespace(name: string, outside: string): void {
  // Deleting the namespace deletes its end of the pair, and with it ours.
  try {
    ip('netns', 'delete', name);
  } catch {
    // already gone
  }
  try {
    ip('link', 'delete', outside);
  } catch {
    // went with the namespace
  }
}
