import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, randomId } from '../../src/core/signaling/invite-token';
import { startRendezvousServer, type RendezvousServerOptions } from '../../src/server/rendezvous';
import { fetchLoopback } from '../core/signaling/http-fetch';
import { Participant } from '../core/signaling/signaling-support';
import { startCoturn } from '../core/signaling/turn-client';
import { freeUdpPort } from '../core/signaling/udp-port';

const SECRET = 'shared-between-station-and-rendezvous!';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const haveCoturn = existsSync('/usr/bin/turnserver');

/** The standalone rendezvous node's /healthz, /readyz, /metrics, JSON log and TURN pool, over real sockets. */
describe('rendezvous node operations', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-rdv-ops-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'consultant.html'), '<!doctype html><title>consultant</title>');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const start = (options: RendezvousServerOptions = {}) =>
    startRendezvousServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'rdv'),
      env: { STATION_SIGNALING_SECRET: SECRET },
      ...options,
    });
  const joinRoom = async (url: string, room: string, role: 'station' | 'consultant') => {
    const { token } = issueToken(Buffer.from(SECRET), { room, role, ttlS: 600, nowMs: Date.now() });
    const origin = new URL(url).origin;
    const participant = await Participant.open(`${origin.replace('http', 'ws')}/signal`, origin);
    participant.send({ type: 'join', token });
    return { participant, joined: await participant.next('joined') };
  };

  it('serves /healthz and /readyz on its port, and no /metrics without a token', async () => {
    const rendezvous = await start();
    try {
      expect(JSON.parse((await fetchLoopback(`${rendezvous.url}healthz`)).body)).toEqual({ status: 'ok' });
      expect(JSON.parse((await fetchLoopback(`${rendezvous.url}readyz`)).body)).toEqual({ status: 'ready' });
      const metrics = await fetchLoopback(`${rendezvous.url}metrics`);
      expect(metrics.status).toBe(404);
      expect(metrics.body).not.toContain('station_');
      expect(rendezvous.metricsUrl).toBeUndefined();
    } finally {
      await rendezvous.close();
    }
  });

  it('metrics on a loopback listener; with a token, on the main port too, behind it', async () => {
    const lines: string[] = [];
    const rendezvous = await start({
      metrics: { listen: { host: '127.0.0.1', port: 0 }, token: METRICS_TOKEN },
      logFormat: 'json',
      log: (line) => lines.push(line),
    });
    const auth = { Authorization: `Bearer ${METRICS_TOKEN}` };
    try {
      const room = randomId();
      const station = await joinRoom(rendezvous.url, room, 'station');
      const doctor = await joinRoom(rendezvous.url, room, 'consultant');
      doctor.participant.send({ type: 'signal', to: station.joined.peerId, data: { sdp: 'x' } });
      await station.participant.next('signal');
      for (const base of [rendezvous.url, rendezvous.metricsUrl!]) {
        expect((await fetchLoopback(`${base}metrics`)).status).toBe(401);
        const reply = await fetchLoopback(`${base}metrics`, { headers: auth });
        expect(reply.status).toBe(200);
        expect(reply.body).toMatch(/^station_rendezvous_sockets 2$/m);
        expect(reply.body).toMatch(/^station_rendezvous_rooms 1$/m);
        expect(reply.body).toMatch(/^process_resident_memory_bytes \d+/m);
        // Fed by the room logic's observer: the two joins and the one signal relayed.
        expect(reply.body).toContain(
          'station_rendezvous_joins_total{kind="join",result="accepted",code=""} 2',
        );
        expect(reply.body).toContain('station_rendezvous_relay_latency_seconds_count{path="local"} 1');
      }
      // The separate listener serves the operations endpoints and nothing else.
      expect((await fetchLoopback(`${rendezvous.metricsUrl!}healthz`)).status).toBe(200);
      expect((await fetchLoopback(`${rendezvous.metricsUrl!}consultant.html`)).status).toBe(404);
      station.participant.close();
      doctor.participant.close();
    } finally {
      await rendezvous.close();
    }
    const events = lines.map((line) => JSON.parse(line) as { event: string; time: string; level: string });
    expect(events.map((e) => e.event)).toEqual([
      'rendezvous.listening',
      'rendezvous.draining',
      'rendezvous.stopping',
    ]);
    expect(events[0]).toMatchObject({
      level: 'info',
      url: rendezvous.url,
      metricsUrl: rendezvous.metricsUrl,
    });
    expect(lines.join('\n')).not.toContain(METRICS_TOKEN);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('refuses metrics open beyond loopback without a token, and a short token', async () => {
    await expect(start({ metrics: { listen: { host: '0.0.0.0', port: 0 } } })).rejects.toThrow(
      /would be open to that network/,
    );
    await expect(start({ metrics: { token: 'short' } })).rejects.toThrow(/24 characters or more/);
  });

  (haveCoturn ? describe : describe.skip)('with a pool of two real coturns', () => {
    const coturns: { child: ChildProcess; url: string }[] = [];
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'station-rdv-pool-'));
      for (const name of ['a', 'b']) {
        const port = await freeUdpPort();
        const minRelayPort = 50_000 + Math.floor(Math.random() * 1000) * 10;
        const child = await startCoturn({
          port,
          minRelayPort,
          secret: 'turn',
          pidFile: join(dir, `${name}.pid`),
        });
        coturns.push({ child, url: `turn:127.0.0.1:${port}?transport=udp` });
      }
    }, 20_000);
    afterAll(() => coturns.forEach(({ child }) => child.kill('SIGKILL')));

    it('offers the live servers in one credential entry, and no longer a killed one', async () => {
      const lines: string[] = [];
      const rendezvous = await start({
        turnUrls: coturns.map((c) => c.url),
        turnSecret: 'turn',
        turnCheckIntervalMs: 100,
        logFormat: 'json',
        log: (line) => lines.push(line),
      });
      const turnUrlsOfAJoin = async (): Promise<unknown> => {
        const { participant, joined } = await joinRoom(rendezvous.url, randomId(), 'station');
        participant.close();
        return joined.iceServers.find((server) => server.username !== undefined)?.urls;
      };
      try {
        const [a, b] = coturns as [(typeof coturns)[0], (typeof coturns)[0]];
        expect(new Set((await turnUrlsOfAJoin()) as string[])).toEqual(new Set([a.url, b.url]));
        a.child.kill('SIGKILL');
        const deadline = performance.now() + 10_000;
        while (lines.every((line) => !line.includes('"turn.server-down"')) && performance.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await turnUrlsOfAJoin()).toEqual([b.url]);
        const down = lines
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((e) => e.event === 'turn.server-down');
        expect(down).toMatchObject({
          level: 'warn',
          server: new URL(a.url.replace('turn:', 'http://')).host,
        });
      } finally {
        await rendezvous.close();
      }
    });
  });
});
