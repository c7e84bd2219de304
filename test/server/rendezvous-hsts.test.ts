import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HSTS_VALUE } from '../../src/core/signaling/security-headers';
import { startRendezvousServer } from '../../src/server/rendezvous';
import { selfSignedCertificate } from './socket-burst';

/** Strict-Transport-Security on everything the TLS rendezvous serves, never over plain http. */
describe('rendezvous HSTS', () => {
  let base: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-hsts-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'consultant.html'), '<!doctype html><title>consultant</title>');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const headOf = (url: string): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const get = url.startsWith('https:') ? httpsGet : httpGet;
      get(url, { rejectUnauthorized: false }, (response) => {
        response.resume();
        resolve(response);
      }).once('error', reject);
    });

  it('sends HSTS over TLS: the consultant page, a 404 and the check endpoints', async () => {
    const rendezvous = await startRendezvousServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'rdv'),
      tls: selfSignedCertificate(base),
      checkEndpoints: true,
      env: { STATION_SIGNALING_SECRET: 'shared-between-station-and-rendezvous!' },
    });
    try {
      for (const path of ['consultant.html', 'missing.html', 'check/ping']) {
        const response = await headOf(`${rendezvous.url}${path}`);
        expect(response.headers['strict-transport-security']).toBe(HSTS_VALUE);
      }
    } finally {
      await rendezvous.close();
    }
  });

  it('does not send it over plain http', async () => {
    const rendezvous = await startRendezvousServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'rdv'),
      env: { STATION_SIGNALING_SECRET: 'shared-between-station-and-rendezvous!' },
    });
    try {
      const response = await headOf(`${rendezvous.url}consultant.html`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await rendezvous.close();
    }
  });
});
