import { localDay, patientAge } from '../../../src/renderer/consultant/patient-age';

/** The patient's age on the consultation's day, never today's. */
describe('patientAge', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(patientAge('1948-03-14', '2026-03-13')).toEqual({ unit: 'years', value: 77 });
    expect(patientAge('1948-03-14', '2026-03-14')).toEqual({ unit: 'years', value: 78 });
    expect(patientAge('1948-03-14', '2026-12-06')).toEqual({ unit: 'years', value: 78 });
  });

  it('gives months under two years', () => {
    expect(patientAge('2026-01-31', '2026-02-27')).toEqual({ unit: 'months', value: 0 });
    // Born on the 31st: a month is full on the last day of a shorter month.
    expect(patientAge('2026-01-31', '2026-02-28')).toEqual({ unit: 'months', value: 1 });
    expect(patientAge('2024-12-06', '2026-12-05')).toEqual({ unit: 'months', value: 23 });
    expect(patientAge('2024-12-06', '2026-12-06')).toEqual({ unit: 'years', value: 2 });
  });

  it('a leap-day birth turns a year older on 28 February in other years', () => {
    expect(patientAge('2000-02-29', '2025-02-27')).toEqual({ unit: 'years', value: 24 });
    expect(patientAge('2000-02-29', '2025-02-28')).toEqual({ unit: 'years', value: 25 });
  });

  it('nothing for a birth after the consultation or a date that is not one', () => {
    expect(patientAge('2026-12-07', '2026-12-06')).toBeNull();
    expect(patientAge('14/03/1948', '2026-12-06')).toBeNull();
  });

  it('the consultation’s day is taken from its start instant in the page’s time zone', () => {
    const instant = new Date(2026, 11, 6, 23, 30).toISOString(); // 23:30 local on 6 December
    expect(localDay(instant)).toBe('2026-12-06');
    expect(localDay('not a time')).toBeNull();
  });
});
