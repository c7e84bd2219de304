import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two linked pseudo-terminals made by socat: bytes written to one end come out of the other, through
 * the real tty layer, so both sides can open them with the real serial binding (design §4).
 * Killing socat is how tests unplug a device: the open port then closes with `disconnected`.
 */
export interface PtyPair {
  /** The end the simulator (the "device") opens. */
  readonly deviceEnd: string;
  /** The end the station opens. */
  readonly stationEnd: string;
  /** Stops socat (idempotent); resolves when it has exited and its links are gone. */
  kill(): Promise<void>;
}

const READY_TIMEOUT_MS = 5000;

export async function createPtyPair(options: { stationEnd?: string; socat?: string } = {}): Promise<PtyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'station-pty-'));
  const deviceEnd = join(dir, 'device');
  const stationEnd = options.stationEnd ?? join(dir, 'station');
  const child = spawn(
    options.socat ?? 'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${deviceEnd}`, `pty,raw,echo=0,link=${stationEnd}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    await waitUntilReady(child, [deviceEnd, stationEnd]);
  } catch (error) {
    child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let killing: Promise<void> | null = null;
  return {
    deviceEnd,
    stationEnd,
    kill() {
      killing ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        await rm(dir, { recursive: true, force: true });
      })();
      return killing;
    },
  };
}

/** socat logs "starting data transfer loop" once both ptys exist; we also check the links. */
function waitUntilReady(child: ChildProcess, links: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () =>
        finish(new Error(`socat did not create the pty pair within ${READY_TIMEOUT_MS} ms: ${log.trim()}`)),
      READY_TIMEOUT_MS,
    );
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      child.stderr?.removeListener('data', onLog);
      child.removeListener('error', onError);
      child.removeListener('exit', onExit);
      // Keep draining socat's log so a full pipe never blocks it.
      child.stderr?.resume();
      if (error) reject(error);
      else resolve();
    };
    const onLog = (data: Buffer): void => {
      log += data.toString();
      if (log.includes('starting data transfer loop') && links.every((link) => existsSync(link))) finish();
    };
    const onError = (error: NodeJS.ErrnoException): void =>
      finish(
        error.code === 'ENOENT'
          ? new Error(
              'socat is not installed: install it (Debian/Ubuntu: apt-get install socat) to simulate devices',
            )
          : error,
      );
    const onExit = (): void => finish(new Error(`socat exited before the pty pair was ready: ${log.trim()}`));
    child.stderr?.on('data', onLog);
    child.once('error', onError);
    child.once('exit', onExit);
  });
}
