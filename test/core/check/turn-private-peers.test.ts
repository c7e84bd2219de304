import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { coturnPeerArgs } from '../../../src/core/check/turn/peer-deny-list';
import { probeTurn } from '../../../src/core/check/turn/turn-allocate';
import { FORBIDDEN_PEER_PROBES } from '../../../src/core/check/turn/turn-permission';
import { turnCredential } from '../../../src/core/signaling/turn-credentials';
import { createTestNamespace, namespacesUnavailable, type TestNamespace } from './network-namespace';

/**
 * The review's TURN finding: with the README's coturn flags, the credential a doctor's link yields
 * relayed to 10.x. Here coturn runs inside a network namespace of the test's own, where 10.77.0.1
 * exists (on the namespace's loopback) and nothing leads out; our real Allocate client asks it, from outside,
 * for permissions to relay there. Both the production flags and the test relay's flags must refuse
 * every private peer, and grant a public one (203.0.113.1, also only inside the namespace).
 */
const PRIVATE_PEER = '10.77.0.1';
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

  it('with the test relay flags (loopback peers on, only 127.0.0.1 excepted)', async () => {
    await coturnInNamespace(3479, ['--allow-loopback-peers', ...coturnPeerArgs(['127.0.0.1'])]);
    expect(await permissions(3479)).toEqual({
      granted: [PUBLIC_PEER],
      refused: [PRIVATE_PEER, ...FORBIDDEN_PEER_PROBES],
      unclear: [],
    });
  });
});

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
