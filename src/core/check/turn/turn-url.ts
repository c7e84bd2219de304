/**
 * TURN URLs (RFC 7065): `turn:host[:port][?transport=udp|tcp]`, `turns:` for TLS. The check tests
 * each distinct server over both UDP and TCP whatever the URL's transport says: a firewall that
 * blocks one is exactly what the installer needs to know about.
 */
export interface TurnEndpoint {
  readonly host: string;
  readonly port: number;
  /** `turns:`: TCP inside TLS (UDP would need DTLS, which the check does not speak). */
  readonly secure: boolean;
}

const TURN_URL = /^(turns?):(\[[0-9a-fA-F:.]+\]|[^:?[\]/\s]+)(?::(\d{1,5}))?(?:\?transport=(udp|tcp))?$/;

export function parseTurnUrl(url: string): TurnEndpoint {
  const match = TURN_URL.exec(url.trim());
  if (match === null) throw new TypeError(`not a TURN URL: ${JSON.stringify(url.slice(0, 200))}`);
  const [, scheme, rawHost = '', rawPort] = match;
  const secure = scheme === 'turns';
  const port = rawPort === undefined ? (secure ? 5349 : 3478) : Number(rawPort);
  if (port < 1 || port > 65535) throw new TypeError(`TURN port out of range in ${JSON.stringify(url)}`);
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
  return { host, port, secure };
}

/** One entry per server (host, port, TLS), in the order first named; unparsable URLs are reported apart. */
export function turnEndpoints(urls: readonly string[]): { endpoints: TurnEndpoint[]; invalid: string[] } {
  const endpoints: TurnEndpoint[] = [];
  const invalid: string[] = [];
  for (const url of urls) {
    try {
      const endpoint = parseTurnUrl(url);
      if (
        !endpoints.some(
          (e) => e.host === endpoint.host && e.port === endpoint.port && e.secure === endpoint.secure,
        )
      )
        endpoints.push(endpoint);
    } catch {
      invalid.push(url);
    }
  }
  return { endpoints, invalid };
}

export function endpointLabel(endpoint: TurnEndpoint): string {
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `${endpoint.secure ? 'turns' : 'turn'}:${host}:${endpoint.port}`;
}
