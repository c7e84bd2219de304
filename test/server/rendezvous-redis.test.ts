import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, randomId } from '../../src/core/signaling/invite-token';
import { runStation } from '../../src/cli/run-station';
import { fetchLoopback } from '../core/signaling/http-fetch';
import { startRedis, type TestRedis } from '../core/signaling/redis-server';
import { Participant } from '../core/signaling/signaling-support';
import { memoryIo } from '../helpers/cli-io';

const SECRET = 'shared-between-station-and-rendezvous!';

/** `station serve --rendezvous --redis`: two nodes from the command line on one real redis-server. */
describe('station serve --rendezvous --redis', () => {
  let base: string;
  let redis: TestRedis;
  const previous = { secret: process.env.STATION_SIGNALING_SECRET, dataDir: process.env.STATION_DATA_DIR };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-rdv-redis-'));
    process.env.STATION_SIGNALING_SECRET = SECRET;
    process.env.STATION_DATA_DIR = join(base, 'data');
  });
  afterEach(() => {
    restore('STATION_SIGNALING_SECRET', previous.secret);
    restore('STATION_DATA_DIR', previous.dataDir);
    rmSync(base, { recursive: true, force: true });
  });

  it.each([
    [['--redis', 'redis://127.0.0.1:1'], /--redis needs --rendezvous/],
    [['--rendezvous', '--redis', 'http://127.0.0.1:1'], /--redis must be a redis:\/\/ or rediss:\/\/ URL/],
  ])('refuses %j', async (args, message) => {
    const run = memoryIo();
    expect(await runStation(['serve', ...args], run.io)).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('two nodes meet a station and a doctor in one room; /readyz follows Redis', async () => {
    const serve = async () => {
      const run = memoryIo();
      const exit = runStation(['serve', '--rendezvous', '--port', '0', '--redis', redis.url], run.io);
      while (!run.stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 10));
      return { url: run.stdout.trim(), stop: async () => (run.interrupt(), await exit) };
    };
    const a = await serve();
    const b = await serve();
    const open: Participant[] = [];
    try {
      const room = randomId();
      const join = async (url: string, role: 'station' | 'consultant') => {
        const { token } = issueToken(Buffer.from(SECRET), { room, role, ttlS: 600, nowMs: Date.now() });
        const origin = new URL(url).origin;
        const participant = await Participant.open(`${origin.replace('http', 'ws')}/signal`, origin);
        open.push(participant);
        participant.send({ type: 'join', token });
        return { participant, joined: await participant.next('joined') };
      };
      await until(async () => (await fetchLoopback(`${a.url}readyz`)).status === 200);
      await until(async () => (await fetchLoopback(`${b.url}readyz`)).status === 200);
      const station = await join(a.url, 'station');
      const doctor = await join(b.url, 'consultant');
      expect(doctor.joined.peers).toEqual([{ peerId: station.joined.peerId, role: 'station' }]);
      doctor.participant.send({ type: 'signal', to: station.joined.peerId, data: { hello: 'a' } });
      expect((await station.participant.next('signal')).data).toEqual({ hello: 'a' });

      await redis.stop();
      await until(async () => (await fetchLoopback(`${a.url}readyz`)).status === 503);
      const notReady = JSON.parse((await fetchLoopback(`${a.url}readyz`)).body) as { reasons?: string[] };
      expect(notReady.reasons).toContain('redis-unreachable');
      await redis.restart();
      await until(async () => (await fetchLoopback(`${a.url}readyz`)).status === 200);
    } finally {
      for (const participant of open) participant.close();
      await a.stop();
      await b.stop();
    }
  });

  it('/readyz says not ready within its bound while Redis hangs (SIGSTOP), and ready again once it answers (SIGCONT)', async () => {
    const run = memoryIo();
    const exit = runStation(['serve', '--rendezvous', '--port', '0', '--redis', redis.url], run.io);
    while (!run.stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 10));
    const url = run.stdout.trim();
    let paused = false;
    try {
      await until(async () => (await fetchLoopback(`${url}readyz`)).status === 200);
      redis.pause();
      paused = true;
      // The socket to Redis stays open: only the PING's deadline can tell. Each answer comes
      // within the probe's bound (1 s PING deadline), never hangs with the Redis.
      await until(async () => (await fetchLoopback(`${url}readyz`)).status === 503);
      // A fresh probe (the last one is cached for a second): it answers, not ready, in bounded time.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const asked = performance.now();
      const reply = await fetchLoopback(`${url}readyz`);
      expect(performance.now() - asked).toBeLessThan(5000); // the probe's bound is 1–1.5 s
      expect(reply.status).toBe(503);
      expect((JSON.parse(reply.body) as { reasons?: string[] }).reasons).toEqual(['redis-unreachable']);
      redis.resume();
      paused = false;
      await until(async () => (await fetchLoopback(`${url}readyz`)).status === 200);
    } finally {
      if (paused) redis.resume();
      run.interrupt();
      await exit;
    }
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
