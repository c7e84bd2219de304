import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs the built Node host as a child process, exactly as `npm run web` does, on a free port and a
 * throwaway data folder, and stops it with SIGTERM (the path a user's Ctrl-C takes), or kills it
 * with SIGKILL (no shutdown code runs: a power cut).
 */
export interface StationHost {
  readonly url: string;
  readonly output: () => string;
  /** SIGTERM, then the exit code once it has exited. */
  stop(): Promise<number | null>;
  /** SIGKILL, resolved once it has exited; a data folder given with `--data-dir` is left as it is. */
  kill(): Promise<void>;
}

export const HOST_MAIN = resolve(__dirname, '..', '..', 'dist', 'server', 'main.cjs');
const READY = /Station ready: (http:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;

export async function startStationHost(args: string[]): Promise<StationHost> {
  if (!existsSync(HOST_MAIN))
    throw new Error(`${HOST_MAIN} is missing: run \`npm run build\` before the e2e tests`);
  const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
  const child = spawn(process.execPath, [HOST_MAIN, '--port', '0', '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ended = async (signal: NodeJS.Signals): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const code = await exited;
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };

  const url = await waitForUrl(child, () => output).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url,
    output: () => output,
    stop: () => ended('SIGTERM'),
    async kill() {
      await ended('SIGKILL');
    },
  };
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`host not ready in ${START_TIMEOUT_MS} ms:\n${output()}`)),
      START_TIMEOUT_MS,
    );
    const check = (): void => {
      const match = READY.exec(output());
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`host exited with ${code} before it was ready:\n${output()}`));
    });
  });
}
