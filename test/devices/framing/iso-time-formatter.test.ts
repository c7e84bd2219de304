import fc from 'fast-check';
import { IsoTimeFormatter } from '../../../src/devices/framing/iso-time-formatter';
import { isoTimeOf } from '../../../src/shared/domain/readings';

const expected = (ms: number) => isoTimeOf(Math.round(ms));

describe('IsoTimeFormatter formats exactly like isoTimeOf(Math.round(ms))', () => {
  it('for any single time, in any order, from before 1970 to beyond 9999', () => {
    const formatter = new IsoTimeFormatter();
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 4e12, noNaN: true }), (ms) => {
        expect(formatter.format(ms)).toBe(expected(ms));
      }),
      { numRuns: 2000 },
    );
    const min = Date.UTC(-2000, 0, 1);
    const max = Date.UTC(12000, 0, 1);
    fc.assert(
      fc.property(fc.double({ min, max, noNaN: true }), (ms) =>
        expect(formatter.format(ms)).toBe(expected(ms)),
      ),
      { numRuns: 1000 },
    );
  });

  it('for runs of nearby times: samples, 1 Hz lines, chunks timed back across minutes and days', () => {
    const formatter = new IsoTimeFormatter();
    fc.assert(
      fc.property(
        fc.double({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1), noNaN: true }),
        fc.double({ min: -90_000, max: 90_000, noNaN: true }),
        (start, step) => {
          for (let i = 0; i < 8; i++)
            expect(formatter.format(start + i * step)).toBe(expected(start + i * step));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('at the edges: rounding into the next second, minute, day and year; 60 Hz across midnight', () => {
    const formatter = new IsoTimeFormatter();
    expect(formatter.format(Date.UTC(2026, 11, 31, 23, 59, 59, 999) + 0.6)).toBe('2027-01-01T00:00:00.000Z');
    expect(formatter.format(Date.UTC(2026, 0, 1, 0, 0, 59, 999) + 0.6)).toBe('2026-01-01T00:01:00.000Z');
    expect(formatter.format(Date.UTC(2024, 1, 29, 12, 34, 56, 7))).toBe('2024-02-29T12:34:56.007Z');
    expect(formatter.format(-1)).toBe('1969-12-31T23:59:59.999Z');
    const base = Date.UTC(2026, 10, 25, 23, 59, 59, 990);
    for (let ms = base - 50; ms < base + 50; ms += 1000 / 60) expect(formatter.format(ms)).toBe(expected(ms));
  });

  it('throws like isoTimeOf for a time no Date can hold', () => {
    expect(() => new IsoTimeFormatter().format(Number.NaN)).toThrow(RangeError);
    expect(() => new IsoTimeFormatter().format(9e15)).toThrow(RangeError);
    const formatter = new IsoTimeFormatter();
    expect(formatter.format(8.64e15)).toBe(isoTimeOf(8.64e15));
    expect(() => formatter.format(8.64e15 + 1)).toThrow(RangeError);
    expect(formatter.format(-8.64e15)).toBe(isoTimeOf(-8.64e15));
    expect(() => formatter.format(-8.64e15 - 1)).toThrow(RangeError);
  });
});
