import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { mimeTypeOf } from './mime-types';
import { securityHeaders } from './security-headers';

/**
 * Serves the built renderer (dist/renderer) read-only. A request path is decoded once, must stay
 * inside the root after resolving `..` and symlinks, and may not name a dotfile; everything else
 * is a plain-text 404, so the response never says what exists outside the root.
 */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export function createStaticHandler(rootDir: string): RequestHandler {
  const root = resolve(rootDir);
  return (request, response) => {
    void serve(root, request, response).catch(() => {
      if (!response.headersSent) sendPlain(request, response, 500, 'Internal Server Error');
      else response.destroy();
    });
  };
}

async function serve(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendPlain(request, response, 405, 'Method Not Allowed');
    return;
  }
  const relative = requestedFile(request.url);
  if (relative === null) {
    sendPlain(request, response, 400, 'Bad Request');
    return;
  }
  const file = await resolveInsideRoot(root, relative);
  if (file === null) {
    sendPlain(request, response, 404, 'Not Found');
    return;
  }
  response.writeHead(200, {
    ...securityHeaders(request.headers.host),
    'Content-Type': mimeTypeOf(file.path),
    'Content-Length': String(file.size),
    // index.html must be revalidated so a new build is picked up; hashed assets could be cached
    // longer, but the station is served over loopback and freshness matters more than bytes.
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** `/assets/a.js?x` → `assets/a.js`; `/` → `index.html`; undecodable, NUL, backslash or dotfile → null. */
export function requestedFile(url: string | undefined): string | null {
  if (url === undefined || !url.startsWith('/')) return null;
  const rawPath = url.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s.startsWith('.'))) return null; // also rules out `..`
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

async function resolveInsideRoot(
  root: string,
  relative: string,
): Promise<{ path: string; size: number } | null> {
  const candidate = resolve(root, relative);
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(await realpath(root), real)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export function sendPlain(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  text: string,
): void {
  response.writeHead(status, {
    ...securityHeaders(request.headers.host),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  response.end(request.method === 'HEAD' ? undefined : text);
}
