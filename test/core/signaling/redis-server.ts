import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** Debian's redis-server, started by a test on a free loopback port with no persistence. */
export const REDIS_SERVER = '/usr/bin/redis-server';

export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** Stops it (SIGKILL: the data goes with it, as the test wants). */
  stop(): Promise<void>;
  /** Starts a fresh, empty one on the same port. */
  restart(): Promise<void>;
  /** SIGSTOP: it hangs, its sockets open, answering nothing (a stuck or swapping Redis). */
  pause(): void;
  /** SIGCONT: it answers again, with what it held. */
  resume(): void;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore', env: realClockEnv() },
    );
    const deadline = Date.now() + 5000;
    while (!(await accepts(port))) {
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  const signal = (name: NodeJS.Signals): void => {
    const running = child;
    if (running === null || running.exitCode !== null || running.signalCode !== null)
      throw new Error('redis-server is not running');
    running.kill(name);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    restart: start,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
  };
}

/**
 * The environment without libfaketime: the unit suite also runs with the clock moved 400 days
 * (.ci/run), which must move our code's clock, not the real server's (redis-server does not start
 * under it).
 */
function realClockEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')),
  );
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
