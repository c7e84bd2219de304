import fc from 'fast-check';
import { IsoTimeCache } from '../../../src/devices/framing/iso-time-cache';
import { isoTimeOf } from '../../../src/shared/domain/readings';

describe('IsoTimeCache', () => {
  it('formats exactly like isoTimeOf(Math.round(ms)), across seconds, days and rounding', () => {
    const cache = new IsoTimeCache();
    const base = Date.UTC(2026, 10, 25, 23, 59, 59, 990);
    for (let ms = base - 50; ms < base + 50; ms += 1000 / 60) {
      expect(cache.format(ms)).toBe(isoTimeOf(Math.round(ms)));
    }
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 4e12, noNaN: true }), (ms) => {
        expect(cache.format(ms)).toBe(isoTimeOf(Math.round(ms)));
      }),
      { numRuns: 2000 },
    );
  });
});
