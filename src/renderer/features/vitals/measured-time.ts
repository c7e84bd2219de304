/**
 * "measured 14:32, 25 Nov": when a device took a measurement, in the station's local time. A BP
 * result can be hours old (downloaded from the cuff's memory), so the time is always spelled out.
 * The year is added when the measurement is not from this year.
 */
export function formatMeasuredAt(timeMs: number, nowMs: number, timeZone?: string): string {
  if (!Number.isFinite(timeMs)) return 'measured at an unknown time';
  const date = new Date(timeMs);
  const sameYear = yearOf(date, timeZone) === yearOf(new Date(nowMs), timeZone) || !Number.isFinite(nowMs);
  const clock = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(date);
  return `measured ${clock}, ${day}`;
}

function yearOf(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(date);
}
