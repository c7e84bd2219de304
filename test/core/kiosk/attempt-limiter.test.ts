import {
  delayAfterFailures,
  FIRST_DELAY_MS,
  FREE_ATTEMPTS,
  MAX_DELAY_MS,
  retryAfterSeconds,
} from '../../../src/core/kiosk/attempt-limiter';

describe('kiosk attempt limiter', () => {
  it('lets the first mistakes through, then doubles the delay up to the cap', () => {
    const delays = Array.from({ length: 12 }, (_, i) => delayAfterFailures(i));
    expect(delays.slice(0, FREE_ATTEMPTS)).toEqual([0, 0, 0]);
    expect(delays[FREE_ATTEMPTS]).toBe(FIRST_DELAY_MS);
    expect(delays[FREE_ATTEMPTS + 1]).toBe(2 * FIRST_DELAY_MS);
    expect(delays[FREE_ATTEMPTS + 2]).toBe(4 * FIRST_DELAY_MS);
    expect(Math.max(...delays)).toBe(MAX_DELAY_MS);
    expect(delayAfterFailures(10_000)).toBe(MAX_DELAY_MS);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
  });

  it('rounds the wait up to whole seconds and says null once it is over', () => {
    expect(retryAfterSeconds(10_001, 0)).toBe(11);
    expect(retryAfterSeconds(10_000, 10_000)).toBeNull();
    expect(retryAfterSeconds(0, 5)).toBeNull();
  });
});
