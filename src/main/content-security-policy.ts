/**
 * The Content-Security-Policy and security headers sent with every `app://station/` response
 * (Electron security checklist item 7). Scripts come only from our own bundle: no inline script,
 * no eval, no plugins, no framing, no form posts. The same rules as the Node host's headers, so the
 * renderer behaves identically in both.
 *
 * The backend itself is reached over IPC, so `connect-src` needs only the call's signaling socket:
 * the station's embedded rendezvous server (its exact origin, known once it listens — see
 * station-signaling.ts) or the rendezvous server named in the settings. No loopback wildcard: any
 * other local service stays out of the page's reach. WebRTC media and data channels are not
 * governed by `connect-src`.
 */

/**
 * CSP sources for a configured rendezvous URL: its WebSocket origin, and the matching HTTP(S)
 * origin for the TURN-credential request the same server answers. Anything that is not a clean
 * ws/wss URL yields no source at all, so a bad setting can only narrow the policy, never widen it.
 */
export function rendezvousSources(rendezvousUrl: string): string[] {
  if (rendezvousUrl === '') return [];
  let url: URL;
  try {
    url = new URL(rendezvousUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return [];
  // `url.host` is punycoded and lower-cased by the parser, so it cannot smuggle a `;` or a space.
  if (!/^[a-z0-9.\-[\]:]+$/.test(url.host)) return [];
  const http = url.protocol === 'wss:' ? 'https:' : 'http:';
  return [`${url.protocol}//${url.host}`, `${http}//${url.host}`];
}

export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  const connect = ["'self'", ...extraConnectSources].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    // Camera, microphone, instrument camera and stethoscope streams are `mediastream:` / `blob:`.
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Bluetooth is `(self)`: Web Bluetooth connects LE health devices from the page (permissions.ts). */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'camera=(self), microphone=(self), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(self), payment=()',
    // The bundle changes with every release; a stale cached chunk must never mix with a new one.
    'Cache-Control': 'no-store',
  };
}
