import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tokenMatches } from './access-token';

/**
 * Who may use the station's backend on the Node host: a client that shows the data folder's access
 * token, either as the `token` query parameter (scripts, tests, the `station` CLI) or as the cookie
 * the page got by trading that parameter on its first load. The cookie is HttpOnly (no script on
 * the page can read it) and SameSite=Strict (no other site's page makes the browser send it); the
 * Origin check at the API stays, because a page on another port of the same machine is the same
 * "site" for cookies.
 */
export interface StationAccess {
  /** Per token, so two hosts on one machine (cookies ignore the port) never overwrite each other's. */
  readonly cookieName: string;
  readonly isAuthorized: (request: IncomingMessage) => boolean;
  /**
   * A GET carrying `?token=`: answered with a redirect to the same address without it, so the secret
   * leaves the address bar and the history; with the cookie when the token is right. Returns false
   * (nothing sent) for any other request.
   */
  tradeToken(request: IncomingMessage, response: ServerResponse): boolean;
  /**
   * `GET /api/session`: 204 when the request shows the token, 401 otherwise, nothing more. A browser
   * cannot see why its socket was refused; the page asks here, to tell its user to open the printed
   * URL instead of "connecting…" forever. Returns false for any other request.
   */
  answerSession(request: IncomingMessage, response: ServerResponse): boolean;
}

export const SESSION_PATH = '/api/session';

export const TOKEN_PARAM = 'token';

export function createStationAccess(token: string, options: { readonly secure: boolean }): StationAccess {
  const cookieName = `station-${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
  const cookie = [
    `${cookieName}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
  const isAuthorized = (request: IncomingMessage): boolean =>
    tokenMatches(token, queryToken(request.url)) ||
    tokenMatches(token, cookieValue(request.headers.cookie, cookieName));
  return {
    cookieName,
    isAuthorized,
    tradeToken(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const url = parseRequestUrl(request.url);
      if (url === null || !url.searchParams.has(TOKEN_PARAM)) return false;
      const offered = url.searchParams.get(TOKEN_PARAM);
      url.searchParams.delete(TOKEN_PARAM);
      response.writeHead(303, {
        // One leading slash: `//host` would be another site (`/.//evil.example` normalises to it).
        Location: `/${url.pathname.replace(/^\/+/, '')}${url.search}`,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'Content-Length': '0',
        ...(tokenMatches(token, offered) ? { 'Set-Cookie': cookie } : {}),
      });
      response.end();
      return true;
    },
    answerSession(request, response) {
      if (parseRequestUrl(request.url)?.pathname !== SESSION_PATH) return false;
      const authorized = request.method === 'GET' && isAuthorized(request);
      response.writeHead(authorized ? 204 : request.method === 'GET' ? 401 : 405, {
        'Cache-Control': 'no-store',
        'Content-Length': '0',
      });
      response.end();
      return true;
    },
  };
}

function parseRequestUrl(requestUrl: string | undefined): URL | null {
  if (requestUrl === undefined || !requestUrl.startsWith('/')) return null;
  try {
    return new URL(requestUrl, 'http://station.invalid');
  } catch {
    return null;
  }
}

function queryToken(requestUrl: string | undefined): string | null {
  return parseRequestUrl(requestUrl)?.searchParams.get(TOKEN_PARAM) ?? null;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined || header.length > 8192) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}
