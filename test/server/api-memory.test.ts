import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { WebSocket } from 'ws';
import { frame, OPCODE, openRawSocket } from './raw-ws-client';

/**
 * Issue 13, item 2, as the review ran it: the host died of out-of-memory at 73 sockets, each holding
 * a half-sent frame (up to 16 MiB) while answering pings. Here a real host process (bundled from the
 * sources, as `npm run web` runs it) takes 100 such attempts; its resident memory is read from
 * /proc before and after. 16 connections are admitted, each holding at most a 256 KiB message.
 */
const ROOT = resolve(__dirname, '..', '..');
const ATTEMPTS = 100;
/** Just under the 256 KiB message cap: the most a connection may hold. */
const FRAGMENT_BYTES = 250 * 1024;
/** Generous: the bound is 16 × 256 KiB plus buffers; before the fix, 73 sockets took > 2.5 GB. */
const MAX_GROWTH_BYTES = 96 * 1024 * 1024;

describe('Node host memory under 100 half-sent messages', () => {
  let base: string;
  let child: ChildProcess;
  let url: URL;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'station-api-memory-'));
    const bundle = join(base, 'host.cjs');
    buildSync({
      entryPoints: [join(ROOT, 'src', 'server', 'main.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: [
        'serialport',
        'node-hid',
        '@serialport/*',
        'bufferutil',
        'utf-8-validate',
        'better-sqlite3-multiple-ciphers',
      ],
      logLevel: 'silent',
    });
    child = spawn(process.execPath, [bundle, '--port', '0', '--data-dir', join(base, 'data')], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = new URL(await readyUrl(child));
  }, 60_000);
  afterAll(async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(base, { recursive: true, force: true });
  });

  it('admits 16, refuses the rest at the upgrade, and grows by a bounded amount', async () => {
    const apiPath = `/api${url.search}`;
    const headers = { Origin: url.origin };
    // Warm up (first connection, first reply) so the baseline is not the host's cold start.
    expect(await appInfo(url)).toBe(true);
    const before = residentBytes(child.pid!);

    const held: Socket[] = [];
    let refused = 0;
    for (let i = 0; i < ATTEMPTS; i++) {
      const socket = await openRawSocket(Number(url.port), apiPath, headers).catch(() => null);
      if (socket === null) {
        refused += 1;
        continue;
      }
      held.push(socket);
      // The first fragment of a message that never ends; the socket keeps answering pings.
      await new Promise<void>((done) =>
        socket.write(frame(OPCODE.text, Buffer.alloc(FRAGMENT_BYTES, 0x20), false), () => done()),
      );
    }
    await new Promise((done) => setTimeout(done, 1000)); // the host has read it all
    const after = residentBytes(child.pid!);
    const growth = after - before;
    console.log(
      `host RSS ${mb(before)} → ${mb(after)} MiB (+${mb(growth)} MiB) with ${held.length} connections ` +
        `each holding ${FRAGMENT_BYTES / 1024} KiB of an unfinished message; ${refused} refused`,
    );
    expect(held.length).toBe(16);
    expect(refused).toBe(ATTEMPTS - 16);
    expect(held.every((socket) => !socket.destroyed)).toBe(true);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);

    for (const socket of held) socket.destroy();
    // Still alive and serving once the attackers are gone.
    let answered = false;
    while (!answered) answered = await appInfo(url).catch(() => false);
    expect(answered).toBe(true);
  }, 60_000);
});

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Station ready: (\S+)/.exec(output);
      if (match?.[1] !== undefined) done(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`host exited with ${code}:\n${output}`)));
  });
}

async function appInfo(url: URL): Promise<boolean> {
  const socket = new WebSocket(`ws://${url.host}/api${url.search}`, { origin: url.origin });
  try {
    return await new Promise<boolean>((done, fail) => {
      socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'app.info', params: {} })));
      socket.once('message', (data: Buffer) =>
        done((JSON.parse(data.toString()) as { result: { ok: boolean } }).result.ok),
      );
      socket.once('error', fail);
    });
  } finally {
    socket.terminate();
  }
}

function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kib === undefined) throw new Error('no VmRSS in /proc status');
  return Number(kib) * 1024;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
