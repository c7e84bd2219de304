import { ReplayGuard } from '../../../src/core/signaling/replay-guard';

const T0 = 1_000_000;
const EXP_MS = T0 + 3_600_000;

describe('ReplayGuard (single use: the way back into a call is the resume token)', () => {
  const guard = (): ReplayGuard => new ReplayGuard({ maxEntries: 3 });

  it('seats a token once, and never again while it is valid', () => {
    const replay = guard();
    expect(replay.claim('a', EXP_MS, T0)).toBe('ok');
    expect(replay.claim('a', EXP_MS, T0 + 1)).toBe('replayed');
    expect(replay.isReplay('a', T0 + 130_000)).toBe(true);
    expect(replay.claim('a', EXP_MS, T0 + 130_000)).toBe('replayed');
  });

  it('spends an ended seat even when full (each came from an admitted invite)', () => {
    const replay = guard();
    for (const id of ['a', 'b', 'c']) replay.claim(id, EXP_MS, T0);
    replay.spend('seat', EXP_MS);
    expect(replay.isReplay('seat', T0 + 1)).toBe(true);
    expect(replay.isReplay('seat', EXP_MS)).toBe(false);
  });

  it('stays bounded: forgets expired entries, refuses when full of live ones', () => {
    const replay = guard();
    expect(replay.claim('a', T0 + 10_000, T0)).toBe('ok');
    expect(replay.claim('b', EXP_MS, T0)).toBe('ok');
    expect(replay.claim('c', EXP_MS, T0)).toBe('ok');
    expect(replay.claim('d', EXP_MS, T0)).toBe('full');
    expect(replay.claim('d', EXP_MS, T0 + 10_000)).toBe('ok'); // 'a' expired and was dropped
    expect(replay.size).toBe(3);
  });
});
