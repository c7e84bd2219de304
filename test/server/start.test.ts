import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { Reading } from '../../src/shared/domain/readings';
import { simulateProfile } from '../../src/server/simulate-profiles';
import { startServer, type RunningServer } from '../../src/server/start';

/** The Node host in-process with the real core: HTTP, the API socket, settings on disk, the simulator. */
describe('startServer', () => {
  let base: string;
  let server: RunningServer | null = null;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-host-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>station</title>');
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(base, { recursive: true, force: true });
  });

  function call(
    url: string,
    method: string,
    params: unknown = {},
  ): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
    const { host, origin } = new URL(url);
    const token = server!.accessToken;
    const socket = new WebSocket(`ws://${host}/api?token=${token}`, { origin });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ id: 1, method, params })));
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: { ok: boolean } };
        if (message.id !== 1) return;
        socket.close();
        resolve(message.result!);
      });
    });
  }

  it('binds loopback on a free port, serves the renderer and the API, and keeps settings in dataDir', async () => {
    server = await startServer({ port: 0, staticDir: join(base, 'renderer'), dataDir: join(base, 'data') });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>station</title>');
    expect((await fetch(new URL('/nope', server.url))).status).toBe(404);

    expect(await call(server.url, 'app.info')).toMatchObject({
      ok: true,
      value: { host: 'node', simulated: false },
    });
    expect(await call(server.url, 'settings.update', { waveformWindowS: 10 })).toMatchObject({ ok: true });
    const stored = JSON.parse(readFileSync(join(base, 'data', 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(stored.waveformWindowS).toBe(10);
  });

  it('answers an upgrade on any other path with 404', async () => {
    server = await startServer({ port: 0, staticDir: join(base, 'renderer'), dataDir: join(base, 'data') });
    const { host, origin } = new URL(server.url);
    const socket = new WebSocket(`ws://${host}/elsewhere`, { origin });
    const status = await new Promise<number | undefined>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.once('error', () => resolve(undefined));
    });
    socket.terminate();
    expect(status).toBe(404);
  });

  it('with simulate, streams a simulated CMS50 through a real pty and marks it simulated', async () => {
    server = await startServer({
      port: 0,
      simulate: true,
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'data'),
    });
    const devices = (await call(server.url, 'devices.list')).value as {
      protocol: string;
      simulated: boolean;
      state: string;
    }[];
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ protocol: 'contec-cms50-v7', simulated: true });
    expect((await call(server.url, 'app.info')).value).toMatchObject({ simulated: true });

    const firstBatch = await new Promise<{ readings: unknown[] }>((resolve) =>
      server!.backend.on('readings', resolve),
    );
    expect(firstBatch.readings.length).toBeGreaterThan(0);
  });

  it('with the ecg12 profile, streams 12 ECG leads at 250 Hz and two pleths from simulators on real ptys', async () => {
    server = await startServer({
      port: 0,
      simulate: simulateProfile('ecg12'),
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'data'),
    });
    const devices = (await call(server.url, 'devices.list')).value as {
      protocol: string;
      simulated: boolean;
    }[];
    expect(devices.map((d) => d.protocol).sort()).toEqual([
      'contec-cms50-v7',
      'nonin-df7',
      'openbci-cyton-12lead',
    ]);
    expect(devices.every((d) => d.simulated)).toBe(true);

    const traces = new Map<string, number>();
    await new Promise<void>((resolve) => {
      const stop = server!.backend.on('readings', (batch: { readings: readonly Reading[] }) => {
        for (const reading of batch.readings)
          if (reading.type === 'waveform') traces.set(`${reading.device} ${reading.metric}`, reading.rateHz);
        const ecg = [...traces.keys()].filter((key) => key.includes('MDC_ECG_ELEC_POTL_'));
        const pleths = [...traces.keys()].filter((key) => key.includes('PLETH'));
        if (ecg.length === 12 && pleths.length === 2) {
          stop();
          resolve();
        }
      });
    });
    const ecgRates = [...traces].filter(([key]) => key.includes('MDC_ECG')).map(([, rate]) => rate);
    expect(new Set(ecgRates)).toEqual(new Set([250]));
  });

  it('refuses an unknown simulate profile, naming the known ones', () => {
    expect(() => simulateProfile('ecg15')).toThrow(
      /unknown simulate profile "ecg15"; known: oximeter, ecg12/,
    );
  });

  it('refuses a port that is already taken with a clear error', async () => {
    server = await startServer({ port: 0, staticDir: join(base, 'renderer'), dataDir: join(base, 'data') });
    const port = Number(new URL(server.url).port);
    await expect(
      startServer({ port, staticDir: join(base, 'renderer'), dataDir: join(base, 'data2') }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
