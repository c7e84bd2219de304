import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `server.listen` as a promise that rejects on EADDRINUSE and the like instead of emitting. */
export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}

/** Closes the server and every open connection (keep-alive sockets would hold `close` forever). */
export function closeHttp(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections();
  });
}

/** A wildcard bind is announced with its loopback address: that is what works in a local browser. */
export function listeningUrl(address: AddressInfo, scheme: 'http' | 'https' = 'http'): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.address;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${hostInUrl}:${address.port}/`;
}
