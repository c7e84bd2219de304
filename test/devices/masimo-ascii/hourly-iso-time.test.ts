import fc from 'fast-check';
import { HourlyIsoTime } from '../../../src/devices/masimo-ascii/hourly-iso-time';
import { isoTimeOf } from '../../../src/shared/domain/readings';

describe('HourlyIsoTime', () => {
  it('formats exactly like isoTimeOf(Math.round(ms)), across hours, days and years', () => {
    const times = new HourlyIsoTime();
    const min = Date.UTC(1970, 0, 1);
    const max = Date.UTC(2200, 0, 1);
    fc.assert(
      fc.property(fc.double({ min, max, noNaN: true }), fc.nat({ max: 5000 }), (start, step) => {
        for (let i = 0; i < 5; i++) {
          const ms = start + i * step;
          expect(times.format(ms)).toBe(isoTimeOf(Math.round(ms)));
        }
      }),
      { numRuns: 1000 },
    );
    expect(times.format(Date.UTC(2026, 11, 31, 23, 59, 59, 999) + 0.6)).toBe('2027-01-01T00:00:00.000Z');
  });
});
