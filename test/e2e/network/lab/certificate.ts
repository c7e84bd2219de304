import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './command';

/**
 * A self-signed certificate for the lab's host address, made by the test (openssl, P-256): the
 * station's host serves its pages over it (it refuses any address but loopback without TLS), and
 * coturn speaks TURN over TLS on 443 with it. The browsers are told to accept it.
 */
export interface LabCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  readonly pem: string;
  remove(): Promise<void>;
}

export async function makeCertificate(address: string): Promise<LabCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'netlab-cert-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=netlab',
    '-addext',
    `subjectAltName=IP:${address}`,
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  return {
    certFile,
    keyFile,
    pem: await readFile(certFile, 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
