import type { IncomingMessage } from 'node:http';

/**
 * Who a rate limit is for: an IPv4 client as itself (also when seen as `::ffff:a.b.c.d`), an IPv6
 * client by its /64, the block one subscriber gets, so rotating addresses inside it gains nothing.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client a request comes from, as `clientKey` names it. Behind a reverse proxy we trust
 * (`--trust-proxy`), every socket comes from the proxy: the client is then the last address of
 * X-Forwarded-For, the one our proxy appended (earlier entries are whatever the client claimed).
 */
export function clientKeyOf(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const header = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  const last = header?.split(',').pop()?.trim();
  if (trustProxy && last !== undefined && last !== '') return clientKey(last);
  return clientKey(request.socket.remoteAddress ?? 'unknown');
}
