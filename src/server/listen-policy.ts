import { isIP } from 'node:net';

/**
 * The station host answers only this machine unless it speaks TLS: beyond loopback, its page, its
 * access token and its cookie would cross the network in clear, and anyone on the path would own
 * the records. The check runs before anything listens.
 */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

export function requireTlsBeyondLoopback(host: string, tls: TlsFiles | undefined): void {
  if (tls !== undefined || isLoopbackHost(host)) return;
  throw new TypeError(
    `--host ${host} serves the station beyond this machine: give --cert FILE and --key FILE ` +
      `(TLS) as well, or keep the default --host 127.0.0.1`,
  );
}
