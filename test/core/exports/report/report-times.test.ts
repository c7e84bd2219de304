import { reportTimes, utcOffset } from '../../../../src/core/exports/report/report-times';
import { formatterFor } from '../../../../src/shared/i18n';

describe('report times', () => {
  const paris = formatterFor('en', 'Europe/Paris');
  const consultation = { startedAt: '2026-11-25T09:30:00.000Z', endedAt: '2026-11-25T09:50:00.000Z' };

  it('gives a time alone on the consultation’s day, date and time on any other day', () => {
    const times = reportTimes(paris, 'Europe/Paris', consultation);
    expect(times.at('2026-11-25T09:31:00.000Z')).toBe('10:31:00');
    expect(times.at(Date.parse('2026-11-12T07:39:00.000Z'))).toBe('12/11/2026 08:39:00');
    // 23:30 UTC is already the next day in Paris: the day is the zone's, not UTC's.
    expect(times.at('2026-11-25T23:30:00.000Z')).toBe('26/11/2026 00:30:00');
    expect(times.at('2026-11-24T23:30:00.000Z')).toBe('00:30:00');
  });

  it('names the zone with its UTC offset, both offsets across a change of time', () => {
    expect(reportTimes(paris, 'Europe/Paris', consultation).zone).toBe('Europe/Paris (UTC+01:00)');
    const summer = { startedAt: '2026-07-01T10:00:00.000Z', endedAt: null };
    expect(reportTimes(paris, 'Europe/Paris', summer).zone).toBe('Europe/Paris (UTC+02:00)');
    // 25 Oct 2026, 01:00 UTC: Paris goes back from +02:00 to +01:00.
    const acrossDst = { startedAt: '2026-10-25T00:50:00.000Z', endedAt: '2026-10-25T01:10:00.000Z' };
    expect(reportTimes(paris, 'Europe/Paris', acrossDst).zone).toBe('Europe/Paris (UTC+02:00 → UTC+01:00)');
    expect(reportTimes(formatterFor('en', 'UTC'), 'UTC', consultation).zone).toBe('UTC (UTC+00:00)');
  });

  it('writes negative and half-hour offsets', () => {
    expect(utcOffset(Date.parse('2026-11-25T09:30:00.000Z'), 'America/St_Johns')).toBe('UTC-03:30');
    expect(utcOffset(Date.parse('2026-11-25T09:30:00.000Z'), 'Asia/Kolkata')).toBe('UTC+05:30');
    expect(utcOffset(0, 'UTC')).toBe('UTC+00:00');
  });
});
