import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WebSocket } from 'ws';

/**
 * A burst of rendezvous sockets, as the security review sent them: `count` sockets opened at once
 * from one client address, each left to open, be turned away or fail, then all cut at once.
 */
export interface BurstOptions {
  readonly origin: string;
  /** A loopback source address of its own (127.0.0.2), so the burst is one client and the station another. */
  readonly localAddress: string;
  /** For a self-signed test certificate. */
  readonly insecureTls?: boolean;
}

export async function openBurst(url: string, count: number, options: BurstOptions): Promise<WebSocket[]> {
  const sockets = Array.from(
    { length: count },
    () =>
      new WebSocket(url, {
        origin: options.origin,
        localAddress: options.localAddress,
        ...(options.insecureTls === true ? { rejectUnauthorized: false } : {}),
      }),
  );
  // Open (the server has then run its admission for it), refused at the upgrade, or closed.
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((settle) => {
          socket.once('open', () => settle());
          socket.once('error', () => settle());
          socket.once('close', () => settle());
        }),
    ),
  );
  return sockets;
}

export async function cutBurst(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((settle) => {
          if (socket.readyState === socket.CLOSED) return settle();
          socket.once('close', () => settle());
          socket.terminate();
        }),
    ),
  );
}

/** A self-signed P-256 certificate for 127.0.0.1, valid one day. */
export function selfSignedCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}
