import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The processes of the rendezvous bench, all on loopback: Debian's redis-server on a free port
 * (no persistence) and rendezvous nodes, each the built CLI (`dist/cli/station.cjs serve
 * --rendezvous`) as a child process with its own data folder and the shared signing secret. Every
 * child is killed when the bench ends, however it ends.
 */
export const REDIS_SERVER = '/usr/bin/redis-server';
export const STATION_CLI = join(__dirname, '..', 'cli', 'station.cjs');

export interface ChildHandle {
  readonly pid: number;
  kill(signal?: NodeJS.Signals): void;
  readonly exited: Promise<void>;
}

export interface RendezvousNode extends ChildHandle {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** `ws://127.0.0.1:PORT/signal` */
  readonly signalUrl: string;
}

export async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function handleOf(child: ChildProcess): ChildHandle {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    pid: child.pid ?? -1,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited,
  };
}

export async function startRedis(): Promise<ChildHandle & { readonly url: string }> {
  const port = await freeTcpPort();
  const child = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxclients',
      '20000',
    ],
    { stdio: 'ignore' },
  );
  const handle = handleOf(child);
  if (!(await tcpOpen(port, 5000))) {
    handle.kill('SIGKILL');
    throw new Error('redis-server did not start');
  }
  return { ...handle, url: `redis://127.0.0.1:${port}` };
}

/** Whether this build's `station serve` has `--redis` (the multi-node mode). */
export function cliHasRedis(): boolean {
  const help = spawnSync(process.execPath, [STATION_CLI, 'serve', '--help'], { encoding: 'utf8' });
  return `${help.stdout}${help.stderr}`.includes('--redis');
}

export interface NodeOptions {
  readonly secret: string;
  readonly dataDir: string;
  readonly redisUrl?: string;
  readonly maxSockets: number;
  readonly maxRooms: number;
}

export async function startNode(options: NodeOptions): Promise<RendezvousNode> {
  const args = [
    STATION_CLI,
    'serve',
    '--rendezvous',
    '--port',
    '0',
    '--max-sockets',
    String(options.maxSockets),
    '--max-rooms',
    String(options.maxRooms),
    '--log-format',
    'json',
    ...(options.redisUrl === undefined ? [] : ['--redis', options.redisUrl]),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      STATION_DATA_DIR: options.dataDir,
      STATION_SIGNALING_SECRET: options.secret,
    },
  });
  const handle = handleOf(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    // Loading the CLI takes seconds of CPU: on a machine at load 40 it waits its turn for a while.
    const timer = setTimeout(() => reject(new Error(`node did not start in time\n${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n', 1)[0] ?? '';
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}\n${stderr}`));
    });
  }).catch((error: unknown) => {
    handle.kill('SIGKILL');
    throw error;
  });
  return { ...handle, url, signalUrl: `${url.replace(/^http/, 'ws')}signal` };
}

/**
 * CPU seconds a process has used (user + system, from /proc; Linux's 100 ticks a second), or NaN
 * once it is gone.
 */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of a process, from /proc (Linux), in bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib === undefined ? Number.NaN : Number(kib) * 1024;
}

async function tcpOpen(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await sleep(50);
  }
  return false;
}
