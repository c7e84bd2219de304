import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRendezvousHost } from '../../src/core/signaling/rendezvous-host';
import { startServer } from '../../src/server/start';
import { fetchLoopback } from '../core/signaling/http-fetch';
import { startSignaling } from '../core/signaling/signaling-support';

/** /healthz and /readyz on the embedded rendezvous hosts (Electron's, the Node host's), no /metrics. */
describe('embedded hosts: health and readiness', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-host-health-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>station</title>');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("the Electron station's rendezvous host answers /healthz and /readyz without any token", async () => {
    const signaling = await startSignaling();
    const host = await startRendezvousHost({
      route: signaling.route,
      staticDir: join(base, 'renderer'),
      host: '127.0.0.1',
      port: 0,
    });
    try {
      expect(JSON.parse((await fetchLoopback(`${host.url}healthz`)).body)).toEqual({ status: 'ok' });
      expect(JSON.parse((await fetchLoopback(`${host.url}readyz`)).body)).toEqual({ status: 'ready' });
      expect((await fetchLoopback(`${host.url}metrics`)).status).toBe(404);
    } finally {
      await host.close();
      await signaling.close();
    }
  });

  it('the Node host answers them before its access token is asked for', async () => {
    const server = await startServer({
      port: 0,
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'data'),
    });
    try {
      const health = await fetchLoopback(`${server.url}healthz`);
      expect([health.status, JSON.parse(health.body)]).toEqual([200, { status: 'ok' }]);
      expect((await fetchLoopback(`${server.url}readyz`)).status).toBe(200);
      expect((await fetchLoopback(`${server.url}metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
