import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs the built Node host as a child process, exactly as `npm run web` does, on a free port and a
 * throwaway data folder, and stops it with SIGTERM (the path a user's Ctrl-C takes), or kills it
 * with SIGKILL (no shutdown code runs: a power cut).
 */
export interface StationHost {
  /**
   * The URL the host printed, with its access token (`http://127.0.0.1:PORT/?token=…`): opening it
   * trades the token for the page's cookie. Keep the token when building other addresses from it:
   * see stationPageUrl and apiSocketUrl.
   */
  readonly url: string;
  readonly output: () => string;
  /** SIGTERM, then the exit code once it has exited. */
  stop(): Promise<number | null>;
  /** SIGKILL, resolved once it has exited; a data folder given with `--data-dir` is left as it is. */
  kill(): Promise<void>;
  /**
   * SIGTERM, then the host started again on the same port and data folder, with the environment
   * it was first started with: `url` (and its access token) stay valid. Resolved once it is ready.
   */
  restart(): Promise<void>;
}

export const HOST_MAIN = resolve(__dirname, '..', '..', 'dist', 'server', 'main.cjs');
const READY = /Station ready: (https?:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;

/** `env`: added to this process's environment for the host (e.g. STATION_PSC_* settings, fakeClockEnv). */
export async function startStationHost(args: string[], env: NodeJS.ProcessEnv = {}): Promise<StationHost> {
  if (!existsSync(HOST_MAIN))
    throw new Error(`${HOST_MAIN} is missing: run \`npm run build\` before the e2e tests`);
  const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
  // Kept for a restart: the caller may set (and then remove) variables such as the TURN secret.
  const hostEnv = { ...process.env, ...env };
  let output = '';
  const launch = (port: string) => {
    const from = output.length;
    const child = spawn(process.execPath, [HOST_MAIN, '--port', port, '--data-dir', dataDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: hostEnv,
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const ready = waitForUrl(child, () => output, from).catch(async (error: unknown) => {
      child.kill('SIGKILL');
      await exited;
      throw error;
    });
    return { child, exited, ready };
  };
  let running = launch('0');
  const ended = async (signal: NodeJS.Signals): Promise<number | null> => {
    const { child, exited } = running;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const code = await exited;
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };

  const url = await running.ready.catch((error: unknown) => {
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
    async restart() {
      const { child, exited } = running;
      child.kill('SIGTERM');
      await exited;
      output += '\n--- restarted ---\n';
      running = launch(new URL(url).port);
      const again = await running.ready;
      if (new URL(again).origin !== new URL(url).origin)
        throw new Error(`the host came back elsewhere: ${again} (was ${url})`);
    },
  };
}

/**
 * The environment that runs a host `offset` ahead of the real clock (`+11m`), through libfaketime
 * preloaded into node itself (the `faketime` wrapper forks, so a kill would miss the host).
 * Monotonic clocks stay real. Throws when libfaketime is not installed (.ci/run installs it).
 */
export function fakeClockEnv(offset: string): Record<string, string> {
  const library = readdirSync('/usr/lib', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join('/usr/lib', entry.name, 'faketime', 'libfaketime.so.1'))
    .find((path) => existsSync(path));
  if (library === undefined) throw new Error('libfaketime is missing: apt-get install faketime');
  return { LD_PRELOAD: library, FAKETIME: offset, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}

/** The READY line printed after `from` (a restarted host's output follows the first one's). */
function waitForUrl(child: ChildProcess, output: () => string, from = 0): Promise<string> {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`host not ready in ${START_TIMEOUT_MS} ms:\n${output()}`)),
      START_TIMEOUT_MS,
    );
    const check = (): void => {
      const match = READY.exec(output().slice(from));
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

/** Another page of the station (`index.html`, a fragment, more query) that still carries the token. */
export function stationPageUrl(
  stationUrl: string,
  options: { path?: string; fragment?: string; query?: string } = {},
): string {
  const url = new URL(options.path ?? '', stationUrl);
  url.search = new URL(stationUrl).search;
  for (const [name, value] of new URLSearchParams(options.query ?? '')) url.searchParams.set(name, value);
  url.hash = options.fragment ?? '';
  return url.href;
}

/** The backend API socket of the host that printed `stationUrl`, with the token scripts pass. */
export function apiSocketUrl(stationUrl: string): string {
  const url = new URL('/api', stationUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URL(stationUrl).searchParams.get('token');
  if (token !== null) url.searchParams.set('token', token);
  return url.href;
}
