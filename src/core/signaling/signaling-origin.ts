import type { IncomingMessage } from 'node:http';

/**
 * Which pages may open the signaling socket. The invite token is what admits a participant; this
 * check only stops a page on another site from using a visitor's browser as a signaling client.
 * Browsers always send Origin on a WebSocket upgrade: it must be the origin the request reached
 * (the station or consultant app served by this host), the configured public URL, or one listed
 * explicitly (e.g. the Electron station's app origin). A client with no Origin is not a browser
 * page and could forge any header anyway; it still needs a valid token.
 *
 * Behind a TLS-terminating reverse proxy the Host header is kept but the scheme is lost; with
 * `trustForwardedProto` the scheme is taken from X-Forwarded-Proto, otherwise both http and https
 * are accepted for the request's own Host.
 */
/**
 * The Electron station's page origin (src/main/app-origin.ts, checked equal by a test). No web
 * page can send it — browsers set Origin themselves — so rendezvous servers accept it by default.
 */
export const STATION_APP_ORIGIN = 'app://station';

export interface SignalingOriginPolicy {
  /** Exact origins (`https://rdv.example.org`, `app://station`) allowed in addition to our own. */
  readonly allowedOrigins?: readonly string[];
  readonly trustForwardedProto?: boolean;
}

export function isAllowedSignalingOrigin(
  request: IncomingMessage,
  policy: SignalingOriginPolicy = {},
): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if ((policy.allowedOrigins ?? []).includes(origin)) return true;
  const host = request.headers.host;
  if (host === undefined || !/^[A-Za-z0-9.:[\]-]{1,255}$/.test(host)) return false;
  const forwarded = request.headers['x-forwarded-proto'];
  if (policy.trustForwardedProto === true && typeof forwarded === 'string') {
    return origin === `${forwarded.split(',', 1)[0]?.trim()}://${host}`;
  }
  return origin === `http://${host}` || origin === `https://${host}`;
}
