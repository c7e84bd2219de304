import type { Formatter } from '../../../shared/i18n';

/**
 * How the report prints instants. A time alone reads as the consultation's day, so any instant on
 * another day (a cuff result from its memory, a consultation running past midnight) gets its date
 * too: a 13-day-old blood pressure printed as "08:39" was read as today's (issue 11). The zone is
 * named once, in the header, with its offset from UTC.
 */
export interface ReportTimes {
  /** `10:32:05` on the consultation's day, else `12/11/2026 10:32:05`. */
  at(time: string | number): string;
  /** `Europe/Paris (UTC+01:00)`; both offsets when the consultation spans a change of time. */
  readonly zone: string;
}

export function reportTimes(
  format: Formatter,
  timeZone: string | undefined,
  consultation: { readonly startedAt: string; readonly endedAt: string | null },
): ReportTimes {
  const startMs = Date.parse(consultation.startedAt);
  const day = format.date(startMs);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone }).resolvedOptions().timeZone;
  const offsets = [startMs, ...(consultation.endedAt === null ? [] : [Date.parse(consultation.endedAt)])]
    .map((ms) => utcOffset(ms, name))
    .filter((offset, i, all) => all.indexOf(offset) === i);
  return {
    at(time) {
      const ms = typeof time === 'number' ? time : Date.parse(time);
      const date = format.date(ms);
      return date === day ? format.time(ms) : `${date} ${format.time(ms)}`;
    },
    zone: `${name} (${offsets.join(' → ')})`,
  };
}

/** `UTC+01:00`, `UTC-03:30`, `UTC+00:00`: the zone's offset at that instant. */
export function utcOffset(ms: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')?.value;
  // `longOffset` writes GMT+01:00, and plain GMT for a zero offset.
  const offset = /^GMT([+-]\d\d:\d\d)?$/.exec(part ?? '')?.[1] ?? '+00:00';
  return `UTC${offset}`;
}
