import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyToken } from '../../src/core/signaling/invite-token';
import { MemorySettingsStore } from '../../src/core/settings/memory-settings-store';
import { rendezvousConfigFrom } from '../../src/main/rendezvous-config';
import { startStationSignaling, type StationSignaling } from '../../src/main/station-signaling';
import { recordingLog } from '../helpers/fake-electron';

describe('rendezvousConfigFrom (environment)', () => {
  it('defaults to loopback on a free port', () => {
    expect(rendezvousConfigFrom({})).toEqual({ config: { host: '127.0.0.1', port: 0 }, problems: [] });
  });

  it('takes a LAN bind, a port, a public URL and the TURN secret', () => {
    const env = {
      STATION_RENDEZVOUS_HOST: '0.0.0.0',
      STATION_RENDEZVOUS_PORT: '8090',
      STATION_PUBLIC_URL: 'http://192.168.1.20:8090',
      STATION_TURN_SECRET: 's3cret',
      STATION_TURN_CHECK_INTERVAL: '30',
    };
    expect(rendezvousConfigFrom(env).config).toEqual({
      host: '0.0.0.0',
      port: 8090,
      publicUrl: 'http://192.168.1.20:8090',
      turnSecret: 's3cret',
      turnCheckIntervalMs: 30_000,
    });
  });

  it('reports bad values and falls back to the defaults', () => {
    const { config, problems } = rendezvousConfigFrom({
      STATION_RENDEZVOUS_HOST: 'evil.example',
      STATION_RENDEZVOUS_PORT: '70000',
      STATION_PUBLIC_URL: 'ftp://x',
      STATION_TURN_CHECK_INTERVAL: '0.1',
    });
    expect(config).toEqual({ host: '127.0.0.1', port: 0 });
    expect(problems).toHaveLength(4);
    expect(problems[3]).toMatch(/^STATION_TURN_CHECK_INTERVAL must be 0 \(no check\) or 1–3600 seconds/);
  });
});

describe('startStationSignaling', () => {
  let dataDir: string;
  let running: StationSignaling | null = null;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'station-signaling-'));
  });
  afterEach(async () => {
    await running?.close();
    running = null;
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async (settings: MemorySettingsStore, env: NodeJS.ProcessEnv = {}) =>
    (running = await startStationSignaling({
      dataDir,
      settings,
      staticDir: path.join(dataDir, 'renderer'),
      env,
      log: recordingLog(),
    }));

  it('invites name the public URL (LAN use) and the page may connect to it', async () => {
    const signaling = await start(new MemorySettingsStore(), {
      STATION_PUBLIC_URL: 'http://192.168.1.20:8090',
    });
    expect(signaling.embeddedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await signaling.call.join()).signalingUrl).toBe('ws://192.168.1.20:8090/signal');
    expect(signaling.connectSources()).toEqual(['ws://192.168.1.20:8090', 'http://192.168.1.20:8090']);
  });

  it('signs with STATION_SIGNALING_SECRET when given, as the standalone server does', async () => {
    const settings = new MemorySettingsStore();
    settings.update({ rendezvousUrl: 'wss://rdv.example.org/signal' });
    const secret = 'x'.repeat(40);
    const signaling = await start(settings, { STATION_SIGNALING_SECRET: secret });
    expect(signaling.embeddedUrl).toBeNull();
    const { token } = await signaling.call.join();
    expect(verifyToken(Buffer.from(secret), token, Date.now())).toMatchObject({ ok: true });
    expect(verifyToken(Buffer.alloc(40, 1), token, Date.now())).toMatchObject({ ok: false });
  });

  it('a standalone server chosen at start, then unset: calls are unavailable until restart', async () => {
    const settings = new MemorySettingsStore();
    settings.update({ rendezvousUrl: 'wss://rdv.example.org/signal' });
    const signaling = await start(settings);
    settings.update({ rendezvousUrl: '' });
    await expect(signaling.call.invite({})).rejects.toMatchObject({ code: 'unavailable' });
    expect(signaling.connectSources()).toEqual([]);
  });
});
