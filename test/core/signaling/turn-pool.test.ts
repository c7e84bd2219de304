import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StunBindingResult, StunTarget } from '../../../src/core/signaling/stun-binding-check';
import { iceServersFor } from '../../../src/core/signaling/turn-credentials';
import { TurnPool, type TurnServerHealth } from '../../../src/core/signaling/turn-pool';
import { allocate, ALLOCATE_SUCCESS, startCoturn } from './turn-client';
import { freeUdpPort } from './udp-port';

const haveCoturn = existsSync('/usr/bin/turnserver');

/** A check whose answers the test sets per port: an RTT, or `null` for silence. */
function scriptedCheck(answers: Map<number, number | null>) {
  return async (target: StunTarget): Promise<StunBindingResult> => {
    const rtt = answers.get(target.port);
    return rtt === null || rtt === undefined ? { ok: false } : { ok: true, rttMs: rtt };
  };
}

describe('TURN pool ordering', () => {
  const A = 'turn:a.example:3478?transport=udp';
  const B = 'turn:b.example:3478?transport=udp';
  const C = 'turn:c.example:3479';

  it('offers every server in the configured order before the first check', () => {
    const pool = new TurnPool({ urls: [A, B, C], check: scriptedCheck(new Map()) });
    expect(pool.urls()).toEqual([A, B, C]);
    expect(pool.health().map((h) => h.state)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('puts the answering servers first, fastest first, and drops one after the failures in a row', async () => {
    const answers = new Map<number, number | null>([
      [3478, 5],
      [3479, 1],
    ]);
    const check = async (target: StunTarget): Promise<StunBindingResult> => {
      if (target.host === 'a.example') return { ok: false };
      return scriptedCheck(answers)(target);
    };
    const pool = new TurnPool({ urls: [A, B, C], check, failuresToDown: 2 });
    await pool.checkNow();
    // a missed one check: suspect, still offered, last.
    expect(pool.urls()).toEqual([C, B, A]);
    await pool.checkNow();
    expect(pool.urls()).toEqual([C, B]);
    expect(pool.health()).toEqual([
      { server: 'a.example:3478', state: 'down' },
      { server: 'b.example:3478', state: 'up', rttMs: 5 },
      { server: 'c.example:3479', state: 'up', rttMs: 1 },
    ]);
  });

  it('takes a server back as soon as it answers again', async () => {
    const answers = new Map<number, number | null>([[3478, null]]);
    const changes: TurnServerHealth[] = [];
    const pool = new TurnPool({
      urls: [A],
      check: scriptedCheck(answers),
      failuresToDown: 1,
      onChange: (h) => changes.push(h),
    });
    const other = new TurnPool({
      urls: [A, C],
      check: scriptedCheck(new Map([[3479, 2]])),
      failuresToDown: 1,
    });
    await other.checkNow();
    expect(other.urls()).toEqual([C]);
    await pool.checkNow();
    // Every server down: the whole list, rather than no relay at all.
    expect(pool.urls()).toEqual([A]);
    answers.set(3478, 3);
    await pool.checkNow();
    expect(pool.health()).toEqual([{ server: 'a.example:3478', state: 'up', rttMs: 3 }]);
    expect(changes.map((h) => h.state)).toEqual(['down', 'up']);
  });

  it('smooths the round trip, so one slow answer does not reorder the pool', async () => {
    const answers = new Map<number, number | null>([
      [3478, 10],
      [3479, 20],
    ]);
    const pool = new TurnPool({ urls: [A, C], check: scriptedCheck(answers) });
    await pool.checkNow();
    answers.set(3478, 30);
    await pool.checkNow();
    expect(pool.urls()).toEqual([A, C]); // 10 → 16 smoothed, still ahead of 20
  });

  it('checks one coturn once whatever its URLs, turns: on its plain port', async () => {
    const targets: string[] = [];
    const check = async (target: StunTarget): Promise<StunBindingResult> => {
      targets.push(`${target.host}:${target.port}`);
      return { ok: true, rttMs: 1 };
    };
    const urls = [
      'turns:a.example:443?transport=tcp',
      'turn:a.example:3478?transport=udp',
      'turn:a.example:3478?transport=tcp',
      'turns:[2001:db8::1]:5349',
    ];
    const pool = new TurnPool({ urls, check });
    await pool.checkNow();
    expect(targets.sort()).toEqual(['2001:db8::1:3478', 'a.example:3478']);
    expect(pool.urls()).toEqual([urls[1], urls[2], urls[0], urls[3]]);
    expect(pool.health().map((h) => h.server)).toEqual(['a.example:3478', '[2001:db8::1]:3478']);
  });

  it('refuses a URL that is not a TURN URL', () => {
    expect(() => new TurnPool({ urls: ['stun:a.example'] })).toThrow(/not a TURN URL/);
  });
});

/**
 * Two real coturns sharing one secret: one credential allocates on both, and the one killed leaves
 * the offered list after `failuresToDown` rounds of checks (counted, not timed).
 */
(haveCoturn ? describe : describe.skip)('TURN pool over two real coturns', () => {
  const SECRET = 'pool-shared-secret';
  const servers: { child: ChildProcess; port: number; url: string }[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'station-turn-pool-'));
    for (const name of ['one', 'two']) {
      const port = await freeUdpPort();
      const minRelayPort = 50_000 + Math.floor(Math.random() * 1000) * 10;
      const child = await startCoturn({
        port,
        minRelayPort,
        secret: SECRET,
        pidFile: join(dir, `${name}.pid`),
      });
      servers.push({ child, port, url: `turn:127.0.0.1:${port}?transport=udp` });
    }
  }, 20_000);
  afterAll(() => {
    for (const { child } of servers) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands out one credential valid on every server, and drops a killed one within the interval', async () => {
    const [one, two] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const pool = new TurnPool({
      urls: [one.url, two.url],
      intervalMs: 100,
      timeoutMs: 80,
      failuresToDown: 2,
    });
    pool.start();
    try {
      await until(() => pool.health().every((h) => h.state === 'up'));
      expect(new Set(pool.urls())).toEqual(new Set([one.url, two.url]));

      const [relay] = iceServersFor(
        { stunUrls: [], turnUrls: pool.urls(), turnSecret: SECRET },
        'peer-abcdefgh',
        Date.now(),
      );
      for (const { port } of servers) {
        const response = await allocate(port, relay.username!, relay.credential!);
        expect(response.type).toBe(ALLOCATE_SUCCESS);
      }

      one.child.kill('SIGKILL');
      const roundsAtKill = pool.rounds;
      await until(() => !pool.urls().includes(one.url));
      // The round in flight at the kill may still have seen it up; then two misses in a row.
      expect(pool.rounds - roundsAtKill).toBeLessThanOrEqual(3);
      expect(pool.urls()).toEqual([two.url]);
    } finally {
      pool.stop();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
