/**
 * The invite token travels in the URL fragment (`#invite=<token>`): browsers never send the
 * fragment to a server, so it stays out of access logs and Referer headers.
 */
export function inviteTokenFrom(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('invite');
  return token === null || token.length === 0 || token.length > 2048 ? null : token;
}

/** The rendezvous socket of the host that served this page. */
export function signalingUrlFor(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}
