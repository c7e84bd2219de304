import { ReplayGuard } from '../../../src/core/signaling/replay-guard';

const T0 = 1_000_000;
const EXP_S = (T0 + 3_600_000) / 1000;

describe('ReplayGuard (single use with a rejoin grace after a drop)', () => {
  const guard = (): ReplayGuard => new ReplayGuard({ maxEntries: 3, rejoinGraceMs: 60_000 });

  it('seats a token once while it is connected', () => {
    const replay = guard();
    expect(replay.claim('a', EXP_S, T0)).toBe('ok');
    expect(replay.claim('a', EXP_S, T0 + 1)).toBe('replayed');
  });

  it('lets a dropped seat rejoin within the grace window only', () => {
    const replay = guard();
    replay.claim('a', EXP_S, T0);
    replay.release('a', false, T0 + 1000);
    expect(replay.claim('a', EXP_S, T0 + 61_000)).toBe('ok');
    replay.release('a', false, T0 + 70_000);
    expect(replay.isReplay('a', T0 + 130_001)).toBe(true);
    expect(replay.claim('a', EXP_S, T0 + 130_001)).toBe('replayed');
  });

  it('spends a token for good after leave', () => {
    const replay = guard();
    replay.claim('a', EXP_S, T0);
    replay.release('a', true, T0 + 1000);
    expect(replay.claim('a', EXP_S, T0 + 1001)).toBe('replayed');
  });

  it('stays bounded: forgets expired entries, refuses when full of live ones', () => {
    const replay = guard();
    expect(replay.claim('a', T0 / 1000 + 10, T0)).toBe('ok');
    expect(replay.claim('b', EXP_S, T0)).toBe('ok');
    expect(replay.claim('c', EXP_S, T0)).toBe('ok');
    expect(replay.claim('d', EXP_S, T0)).toBe('full');
    expect(replay.claim('d', EXP_S, T0 + 10_000)).toBe('ok'); // 'a' expired and was dropped
    expect(replay.size).toBe(3);
  });
});
