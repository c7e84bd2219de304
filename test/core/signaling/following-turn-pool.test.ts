import { FollowingTurnPool } from '../../../src/core/signaling/following-turn-pool';
import type { StunBindingResult, StunTarget } from '../../../src/core/signaling/stun-binding-check';

const A = 'turn:a.example:3478?transport=udp';
const B = 'turn:b.example:3478?transport=udp';
const C = 'turn:c.example:3478?transport=udp';

/** A check that answers for the hosts in `alive` (1 ms), and remembers whom it was asked about. */
function checkFor(alive: Set<string>, asked: string[] = []) {
  return async (target: StunTarget): Promise<StunBindingResult> => {
    asked.push(target.host);
    return alive.has(target.host) ? { ok: true, rttMs: 1 } : { ok: false };
  };
}

describe('TURN pool following the settings (embedded rendezvous)', () => {
  const pools: FollowingTurnPool[] = [];
  const follow = (check: ReturnType<typeof checkFor>): FollowingTurnPool => {
    const pool = new FollowingTurnPool({ check, intervalMs: 60_000, failuresToDown: 1 });
    pools.push(pool);
    return pool;
  };
  afterEach(() => pools.splice(0).forEach((pool) => pool.stop()));

  it('offers a single server as configured and never checks it', async () => {
    const asked: string[] = [];
    const pool = follow(checkFor(new Set(), asked));
    expect(pool.order([A])).toEqual([A]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual([]);
    expect(pool.order([])).toEqual([]);
  });

  it('orders several by health and leaves a dead one out', async () => {
    const pool = follow(checkFor(new Set(['b.example'])));
    expect(pool.order([A, B])).toEqual([A, B]); // before the first round: as configured
    await until(() => pool.health().every((server) => server.state !== 'unknown'));
    expect(pool.order([A, B])).toEqual([B]);
  });

  it('starts afresh when the settings change the list', async () => {
    const asked: string[] = [];
    const pool = follow(checkFor(new Set(['a.example', 'c.example']), asked));
    pool.order([A, B]);
    await until(() => pool.health().every((server) => server.state !== 'unknown'));
    expect(pool.order([A, B])).toEqual([A]);
    expect(pool.order([C, B])).toEqual([C, B]);
    await until(() => pool.health().every((server) => server.state !== 'unknown'));
    expect(pool.order([C, B])).toEqual([C]);
    expect(asked).toContain('c.example');
  });

  it('once stopped, offers the list as configured', async () => {
    const pool = follow(checkFor(new Set(['b.example'])));
    pool.order([A, B]);
    await until(() => pool.health().every((server) => server.state !== 'unknown'));
    pool.stop();
    expect(pool.order([A, B])).toEqual([A, B]);
    expect(pool.health()).toEqual([]);
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
