import { isTrustedHost } from './origin-policy';

/**
 * Headers on every response of the Node host. The CSP allows only our own files: no inline script
 * or style, no eval, no plugins, no framing. The API socket is allowed by naming our own ws/wss
 * origin exactly (older Safari does not let 'self' cover ws:), taken from a Host header we trust.
 * Camera and microphone stay available to our own origin for the call.
 */
export function securityHeaders(hostHeader: string | undefined): Record<string, string> {
  const ownSockets = isTrustedHost(hostHeader) ? ` ws://${hostHeader} wss://${hostHeader}` : '';
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src 'self'${ownSockets}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), usb=(), serial=(), hid=()',
  };
}

/**
 * Strict-Transport-Security for responses sent over TLS: once a browser has reached the
 * rendezvous over https, it never tries plain http for it again for a year, so a network attacker
 * cannot downgrade a later visit (an invite link typed or pasted without its scheme). Not
 * `includeSubDomains`: other hosts of the same domain are not ours to decide for. Never sent over
 * plain http, where browsers ignore it anyway.
 */
export const HSTS_VALUE = 'max-age=31536000';

export function withHsts<
  Request extends { socket: object },
  Response extends { setHeader(name: string, value: string): unknown },
>(handler: (request: Request, response: Response) => void): (request: Request, response: Response) => void {
  return (request, response) => {
    if ((request.socket as { encrypted?: boolean }).encrypted === true)
      response.setHeader('Strict-Transport-Security', HSTS_VALUE);
    handler(request, response);
  };
}
