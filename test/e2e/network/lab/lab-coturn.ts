import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { coturnPeerArgs } from '../../../../src/core/check/turn/peer-deny-list';
import type { LabCertificate } from './certificate';

/**
 * A real coturn on the lab's host address: TURN over UDP and TCP on 3478, over TLS on 443 (the
 * port a strict hospital firewall still lets out), shared-secret credentials as the station's
 * rendezvous signs them, production's peer deny list with exactly the lab's two addresses allowed.
 */
export interface LabCoturn {
  readonly secret: string;
  /** In the order the station offers them: UDP, then TCP, then TLS on 443. */
  readonly urls: readonly string[];
  readonly output: () => string;
  stop(): Promise<void>;
}

export const TURN_PORT = 3478;
export const TURN_TLS_PORT = 443;

export async function startLabCoturn(
  hostAddress: string,
  peers: readonly string[],
  certificate: LabCertificate,
): Promise<LabCoturn> {
  const secret = randomBytes(24).toString('hex');
  const minPort = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    'turnserver',
    [
      '-n',
      `--listening-ip=${hostAddress}`,
      `--relay-ip=${hostAddress}`,
      `--listening-port=${TURN_PORT}`,
      `--tls-listening-port=${TURN_TLS_PORT}`,
      `--cert=${certificate.certFile}`,
      `--pkey=${certificate.keyFile}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=station.test',
      '--no-dtls',
      '--no-cli',
      ...coturnPeerArgs(peers),
      `--min-port=${minPort}`,
      `--max-port=${minPort + 200}`,
      '--fingerprint',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await waitForTcp(hostAddress, TURN_PORT, 5000);
    await waitForTcp(hostAddress, TURN_TLS_PORT, 5000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`coturn did not start: ${String(error)}\n${output}`, { cause: error });
  }
  return {
    secret,
    urls: [
      `turn:${hostAddress}:${TURN_PORT}?transport=udp`,
      `turn:${hostAddress}:${TURN_PORT}?transport=tcp`,
      `turns:${hostAddress}:${TURN_TLS_PORT}?transport=tcp`,
    ],
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForTcp(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((done) => {
      const socket = createConnection({ host, port }, () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (performance.now() > deadline) throw new Error(`nothing listens on ${host}:${port}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
