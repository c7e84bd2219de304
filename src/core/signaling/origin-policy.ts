import { isIP } from 'node:net';

/**
 * Who may open the API socket: only pages served by this host. A browser always sends `Origin` on
 * a WebSocket upgrade, so the check is that Origin equals `http://<Host>`. Matching the Host header
 * alone is not enough: a DNS-rebinding page (evil.example resolving to 127.0.0.1) would be
 * "same origin" with itself. So the Host must also be a name that cannot be rebound: an IP literal,
 * `localhost`, or a name the operator listed explicitly.
 */
export interface OriginPolicy {
  /** Extra host names (without port) trusted in Host, e.g. a station's LAN DNS name. */
  readonly trustedHostnames?: readonly string[];
}

export function isTrustedHost(hostHeader: string | undefined, policy: OriginPolicy = {}): boolean {
  const hostname = hostnameOf(hostHeader);
  if (hostname === null) return false;
  if (hostname === 'localhost' || isIP(hostname) !== 0) return true;
  return (policy.trustedHostnames ?? []).includes(hostname);
}

export function isAllowedOrigin(
  originHeader: string | undefined,
  hostHeader: string | undefined,
  policy: OriginPolicy = {},
): boolean {
  if (originHeader === undefined || hostHeader === undefined) return false;
  if (!isTrustedHost(hostHeader, policy)) return false;
  return originHeader === `http://${hostHeader}` || originHeader === `https://${hostHeader}`;
}

/** A Host header is a name or IP literal and an optional port: nothing else (no `@`, `/`, spaces). */
const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/** `127.0.0.1:8080` → `127.0.0.1`; `[::1]:8080` → `::1`; malformed → null. */
export function hostnameOf(hostHeader: string | undefined): string | null {
  if (hostHeader === undefined || hostHeader.length > 255 || !HOST_HEADER.test(hostHeader)) return null;
  try {
    const { hostname } = new URL(`http://${hostHeader}/`);
    return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  } catch {
    return null;
  }
}
