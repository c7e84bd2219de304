/**
 * Why the Node host refused the page's socket, which a browser does not tell the page: asked of
 * `GET /api/session` (204 with the access cookie, 401 without). `unknown` when the host cannot be
 * asked (down, restarting): then it is a lost connection like any other.
 */
export type AccessVerdict = 'authorized' | 'unauthorized' | 'unknown';
export type AccessCheck = () => Promise<AccessVerdict>;

export const SESSION_PATH = '/api/session';

/** `ws://host:port/api` → a check of `http://host:port/api/session`. */
export function httpAccessCheck(
  apiSocketUrl: string,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init),
): AccessCheck {
  const url = new URL(SESSION_PATH, apiSocketUrl.replace(/^ws/, 'http')).href;
  return async () => {
    try {
      const response = await fetchImpl(url, { credentials: 'same-origin', cache: 'no-store' });
      if (response.status === 401) return 'unauthorized';
      return response.ok ? 'authorized' : 'unknown';
    } catch {
      return 'unknown';
    }
  };
}
