import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-origin';
import { contentSecurityPolicy, securityHeaders } from './content-security-policy';
import { contentTypeFor } from './mime-types';
import type { ShellLog } from './shell-log';

/**
 * `app://station/` serves the built renderer (dist/renderer) instead of `file://` (Electron
 * security checklist item 18): a file URL would give the page the reach of the whole disk, a
 * custom origin gives it exactly its own bundle, a real origin for CSP and permission checks, and
 * headers we control on every response.
 */

/**
 * `standard` gives the scheme real origins and relative-URL resolution, `secure` makes it a secure
 * context (getUserMedia requires one), `supportFetchAPI` lets the bundle fetch its own assets.
 * No `bypassCSP`, no `corsEnabled`, no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's `ready` event: Electron only accepts privileged schemes then. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export interface AppProtocolOptions {
  /** Absolute path of the built renderer folder. */
  readonly root: string;
  /** Extra CSP connect-src sources, read on every response so a settings change applies on reload. */
  readonly connectSources?: () => readonly string[];
  readonly log: ShellLog;
}

export type AppProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  if (!path.isAbsolute(options.root)) {
    throw new TypeError(`app protocol: "root" must be an absolute path, got ${JSON.stringify(options.root)}`);
  }
  const root = path.resolve(options.root);
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    const headers = securityHeaders(contentSecurityPolicy(options.connectSources?.() ?? []));
    const reply = (status: number, body: string, extra: Record<string, string> = {}): Response =>
      new Response(request.method === 'HEAD' ? null : body, {
        status,
        headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
      });

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply(405, 'method not allowed', { Allow: 'GET, HEAD' });
    }
    const file = resolveAssetPath(root, request.url);
    if (file === null) {
      options.log.warn('app protocol: refused request outside the renderer bundle', { url: request.url });
      return reply(403, 'forbidden');
    }
    try {
      realRoot ??= realpath(root);
      // A symbolic link inside the bundle must not lead out of it either.
      const real = await realpath(file);
      if (!isInside(await realRoot, real)) {
        options.log.warn('app protocol: refused a link leading outside the bundle', { url: request.url });
        return reply(403, 'forbidden');
      }
      if (!(await stat(real)).isFile()) return reply(404, 'not found');
      const body = request.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, {
        status: 200,
        headers: { ...headers, 'Content-Type': contentTypeFor(real) },
      });
    } catch (cause) {
      if (isNotFound(cause)) return reply(404, 'not found');
      options.log.error('app protocol: could not read a bundle file', {
        url: request.url,
        cause: String(cause),
      });
      return reply(500, 'internal error');
    }
  };
}

/** Serves the handler on a session's protocol (the window's session). */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, handler: AppProtocolHandler): void {
  protocol.handle(APP_SCHEME, handler);
}

/**
 * Maps an `app://station/…` URL to a file under `root`, or null when it is not ours or would leave
 * `root`. The URL parser already collapses literal and `%2e%2e` dot segments; what can survive it
 * is an encoded separator (`%2F..%2F`, `%5C`), so the decoded path is checked segment by segment
 * and then the resolved path is checked against the root as a second, independent guard.
 */
export function resolveAssetPath(root: string, rawUrl: string): string | null {
  if (!isAppUrl(rawUrl)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(rawUrl).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const resolved = path.resolve(root, `.${relative}`);
  return isInside(root, resolved) ? resolved : null;
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function isNotFound(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
