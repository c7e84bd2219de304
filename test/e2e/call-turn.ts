import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, createConnection } from 'node:net';
import { WebSocket } from 'ws';
import { coturnPeerArgs } from '../../src/core/check/turn/peer-deny-list';
import { apiSocketUrl } from './station-host';

/**
 * A real coturn for the call tests, in the shared-secret scheme the host's rendezvous server signs
 * credentials for, on loopback (`--allow-loopback-peers`, or coturn answers 403 Forbidden IP),
 * with production's deny list and exactly 127.0.0.1 allowed: relaying between the two pages works,
 * relaying anywhere private does not.
 * `pause()`/`resume()` stop and continue the process (SIGSTOP/SIGCONT): a network cut for every
 * relayed call that does not lose coturn's state.
 */
export interface Coturn {
  readonly url: string;
  readonly secret: string;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The one peer the test relay allows: both pages (or test sockets) live on 127.0.0.1. */
const TEST_RELAY_PEER = '127.0.0.1';

export async function startCoturn(): Promise<Coturn> {
  const port = await freePort();
  const minPort = 40000 + Math.floor(Math.random() * 20000);
  const secret = randomBytes(24).toString('hex');
  const child: ChildProcess = spawn(
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=station.test',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      // Loopback peers on, for the two pages on 127.0.0.1; then the production deny list, with
      // exactly this one address excepted (README, "Deploying the rendezvous server and TURN").
      '--allow-loopback-peers',
      ...coturnPeerArgs([TEST_RELAY_PEER]),
      `--min-port=${minPort}`,
      `--max-port=${minPort + 200}`,
      '--fingerprint',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await waitForTcp(port, 5000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`coturn did not start: ${String(error)}\n${output}`);
  });
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    async stop() {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForTcp(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((done) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** One backend API call over the host's WebSocket, as the station page would make it. */
export async function callHostApi(pageUrl: string, method: string, params: object): Promise<unknown> {
  const socket = new WebSocket(apiSocketUrl(pageUrl), { origin: new URL(pageUrl).origin });
  await new Promise((done, fail) => socket.once('open', done).once('error', fail));
  try {
    const reply = new Promise<{ result: { ok: boolean; value?: unknown; error?: unknown } }>((done) =>
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { id?: number };
        if (message.id === 1) done(message as { result: { ok: boolean; value?: unknown } });
      }),
    );
    socket.send(JSON.stringify({ id: 1, method, params }));
    const { result } = await reply;
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  } finally {
    socket.close();
  }
}
