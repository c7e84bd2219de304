import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Starts test/helpers/psc-test-provider.mjs (a local OpenID provider shaped like Pro Santé Connect,
 * the npm `oidc-provider`, on loopback) as its own Node process, and stops it.
 */
export interface PscTestProvider {
  readonly issuer: string;
  /** Publishes this provider's endpoints under another issuer name. */
  readonly impostor: string;
  readonly clientId: string;
  readonly clientSecret: string;
  stop(): Promise<void>;
}

const SCRIPT = resolve(__dirname, 'psc-test-provider.mjs');
const READY = /PSC test provider ready (\{.*\})/;
/** Debian's libfaketime (package faketime), which the unit suite's faketime run uses too. */
const LIBFAKETIME = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
];

/** The environment that runs the provider's wall clock `offsetS` seconds off ours (libfaketime). */
function clockOffsetEnv(offsetS: number): NodeJS.ProcessEnv {
  const library = LIBFAKETIME.find((path) => existsSync(path));
  if (library === undefined) throw new Error('libfaketime is not installed (Debian package faketime)');
  return {
    LD_PRELOAD: library,
    FAKETIME: `${offsetS >= 0 ? '+' : ''}${offsetS}`,
    // Timers and the event loop keep the real monotonic clock.
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
}

export async function startPscTestProvider(options: {
  readonly redirectUrls: readonly string[];
  readonly port?: number;
  /**
   * Runs the provider's wall clock this many seconds off the test's (libfaketime): −300 makes every
   * ID token it issues (120 s lifetime) already expired for a station on the real clock, while its
   * cookies (600 s) still live in the browser. Only the provider's clock moves, never the station's.
   */
  readonly clockOffsetS?: number;
}): Promise<PscTestProvider> {
  const clientId = 'teleconsult-station-test';
  const clientSecret = 'psc-test-client-secret-0123456789';
  const args = [SCRIPT, '--port', String(options.port ?? 0), '--client-id', clientId];
  for (const url of options.redirectUrls) args.push('--redirect', url);
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PSC_TEST_CLIENT_SECRET: clientSecret,
      ...(options.clockOffsetS === undefined ? {} : clockOffsetEnv(options.clockOffsetS)),
    },
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<{ issuer: string; impostor: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`PSC test provider not ready:\n${output}`)), 15_000);
    const check = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        done(JSON.parse(match[1]) as { issuer: string; impostor: string });
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`PSC test provider exited with ${code}:\n${output}`));
    });
  });
  return {
    ...ready,
    clientId,
    clientSecret,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The doctor's browser at the provider, without a browser: follows redirects by hand with a cookie
 * jar, signs in (with `acr`) or cancels on the scripted sign-in page, and stops at the first
 * redirect to `redirectUrl` (the station's callback), which it returns without requesting it.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  redirectUrl: string,
  choice: { readonly action: 'login'; readonly acr?: string } | { readonly action: 'abort' },
): Promise<URL> {
  const cookies = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair !== undefined && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  let submitted = false;
  for (let hops = 0; hops < 12; hops += 1) {
    if (url.startsWith(redirectUrl)) return new URL(url);
    const response = await request(url);
    const location = response.headers.get('location');
    if (location !== null) {
      url = new URL(location, url).toString();
      continue;
    }
    const page = await response.text();
    if (submitted || !page.includes('/interaction/'))
      throw new Error(`unexpected page at ${url}: ${page.slice(0, 200)}`);
    const uid = /\/interaction\/([^/"]+)\/login/.exec(page)?.[1];
    if (uid === undefined) throw new Error('no interaction on the sign-in page');
    submitted = true;
    const origin = new URL(url).origin;
    const posted = await request(`${origin}/interaction/${uid}/${choice.action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: choice.action === 'login' ? new URLSearchParams({ acr: choice.acr ?? 'eidas1' }).toString() : '',
    });
    const next = posted.headers.get('location');
    if (next === null) throw new Error(`the sign-in page answered ${posted.status}: ${await posted.text()}`);
    url = new URL(next, origin).toString();
  }
  throw new Error('too many redirects at the provider');
}
