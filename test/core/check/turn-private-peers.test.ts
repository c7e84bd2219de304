import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { coturnPeerArgs } from '../../../src/core/check/turn/peer-deny-list';
import { probeTurn } from '../../../src/core/check/turn/turn-allocate';
import { FORBIDDEN_PEER_PROBES } from '../../../src/core/check/turn/turn-permission';
import { turnCredential } from '../../../src/core/signaling/turn-credentials';
import { createTestNamespace, namespacesUnavailable, type TestNamespace } from './network-namespace';
import { openTurnRelay } from './turn-send-client';

/**
 * The review's TURN finding: with the README's coturn flags, the credential a doctor's link yields
 * relayed to 10.x. Here coturn runs inside a network namespace of the test's own, where 10.77.0.1
 * exists (on the namespace's loopback) and nothing leads out; our real Allocate client asks it, from outside,
 * for permissions to relay there, then sends data through the relay. Both the production flags and
 * the test relay's flags must refuse every private peer, and grant a public one (203.0.113.1, also
 * only inside the namespace); data sent to the private peer never arrives. With the README's old
 * flags the permission is granted and the data arrives (checked when this test was written).
 */
const PRIVATE_PEER = '10.77.0.1';
const PEER_PORT = 40_000;
/**
 * Runs inside the namespace: one UDP socket on every address there (both peers), a line per packet.
 * One socket, so packets are read in the order they arrived.
 */
const LISTENER = `
const socket = require('node:dgram').createSocket('udp4');
socket.on('message', (data) => console.log(data.toString()));
socket.bind(Number(process.argv[1]), '0.0.0.0', () => console.log('ready'));`;
const PUBLIC_PEER = '203.0.113.1';
const skipReason = existsSync('/usr/bin/turnserver') ? namespacesUnavailable() : 'coturn is not installed';
if (skipReason !== null) console.warn(`skipping the TURN private-peer tests: ${skipReason}`);

(skipReason === null ? describe : describe.skip)('TURN refuses to relay to private addresses', () => {
  let namespace: TestNamespace;
  const processes: ChildProcess[] = [];

  beforeAll(() => {
    namespace = createTestNamespace();
    namespace.addPeerAddress(PRIVATE_PEER);
    namespace.addPeerAddress(PUBLIC_PEER);
  });
  afterAll(async () => {
    await Promise.all(processes.map(stop));
    namespace?.remove();
  });

  const secret = randomBytes(16).toString('hex');
  async function coturnInNamespace(port: number, peerArgs: readonly string[]): Promise<void> {
    const child = namespace.spawn('turnserver', [
      '-n',
      `--listening-ip=${namespace.innerAddress}`,
      `--relay-ip=${namespace.innerAddress}`,
      `--listening-port=${port}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=station.test',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--min-port=49160',
      '--max-port=49200',
      '--fingerprint',
      '--log-file=stdout',
      '--simple-log',
      ...peerArgs,
    ]);
    processes.push(child);
    await waitForTcp(namespace.innerAddress, port, child);
  }

  async function permissions(port: number): Promise<unknown> {
    const { username, credential } = turnCredential(secret, 'doctor-link-peer', Date.now());
    const result = await probeTurn({
      endpoint: { host: namespace.innerAddress, port, secure: false },
      transport: 'udp',
      username,
      password: credential,
      peerProbes: [PRIVATE_PEER, ...FORBIDDEN_PEER_PROBES, PUBLIC_PEER],
    });
    if (!result.ok) throw new Error(`no allocation: ${result.message}`);
    return result.peerPolicy;
  }

  it("with the README's production flags", async () => {
    await coturnInNamespace(3478, coturnPeerArgs());
    expect(await permissions(3478)).toEqual({
      granted: [PUBLIC_PEER],
      refused: [PRIVATE_PEER, ...FORBIDDEN_PEER_PROBES],
      unclear: [],
    });
  });

  it('relays data sent to a public peer, and nothing sent to a private one', async () => {
    await coturnInNamespace(3480, coturnPeerArgs());
    const listener = namespace.spawn(process.execPath, [
      '-e',
      LISTENER,
      String(PEER_PORT),
      PRIVATE_PEER,
      PUBLIC_PEER,
    ]);
    processes.push(listener);
    const lines = linesOf(listener);
    await lines.waitFor('ready');
    const { username, credential } = turnCredential(secret, 'doctor-link-peer', Date.now());
    const relay = await openTurnRelay({
      host: namespace.innerAddress,
      port: 3480,
      username,
      password: credential,
    });
    try {
      expect(await relay.permit(PRIVATE_PEER)).toBe(403);
      expect(await relay.permit(PUBLIC_PEER)).toBe(true);
      // Private first, from one relay socket to one listening socket: had coturn relayed it, it
      // would have arrived, and been printed, before the second.
      relay.send(PRIVATE_PEER, PEER_PORT, Buffer.from('to-private'));
      relay.send(PUBLIC_PEER, PEER_PORT, Buffer.from('to-public'));
      await lines.waitFor('to-public');
      expect(lines.seen).toEqual(['ready', 'to-public']);
    } finally {
      relay.close();
    }
  });

  it('with the test relay flags (loopback peers on, only 127.0.0.1 excepted)', async () => {
    await coturnInNamespace(3479, ['--allow-loopback-peers', ...coturnPeerArgs(['127.0.0.1'])]);
    expect(await permissions(3479)).toEqual({
      granted: [PUBLIC_PEER],
      refused: [PRIVATE_PEER, ...FORBIDDEN_PEER_PROBES],
      unclear: [],
    });
  });
});

function linesOf(child: ChildProcess): { seen: string[]; waitFor(line: string): Promise<void> } {
  const seen: string[] = [];
  const waiters: (() => void)[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    seen.push(...lines);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    seen,
    async waitFor(line) {
      while (!seen.includes(line)) {
        if (child.exitCode !== null) throw new Error(`listener exited: ${seen.join(' | ')}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

async function waitForTcp(host: string, port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`turnserver exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`turnserver did not listen on ${host}:${port}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
