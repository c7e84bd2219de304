import { execFileSync } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { WebSocket } from 'ws';

/** What a client of the Node host sees: an upgrade's status, a plain HTTP answer. */

/** The status an /api (or other) upgrade gets: 101 when the socket opened. */
export async function upgradeStatus(
  url: string,
  headers: Record<string, string> = {},
  options: { rejectUnauthorized?: boolean } = {},
): Promise<number | undefined> {
  const socket = new WebSocket(url, { headers, ...options });
  const status = await new Promise<number | undefined>((resolve) => {
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        lastBody = body;
        resolve(response.statusCode);
      });
    });
    socket.once('open', () => resolve(101));
    socket.once('error', () => resolve(undefined));
  });
  socket.terminate();
  return status;
}

/** The body of the last refused upgrade (to check nothing is said beyond the status). */
export let lastBody = '';

export interface PlainResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One HTTP request with node:http (fetch hides redirects' cookies and Set-Cookie). */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Uint8Array; rawPath?: string } = {},
): Promise<PlainResponse> {
  const target = new URL(url);
  const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
    // A path as sent on the wire, unnormalised (URL would fold `/./` away).
    ...(options.rawPath === undefined ? {} : { path: options.rawPath }),
    method: options.method ?? 'GET',
    headers: options.headers,
    rejectUnauthorized: false,
  });
  return new Promise((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.end(options.body);
  });
}

/** A self-signed certificate for 127.0.0.1, valid one day. */
export function testCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}
