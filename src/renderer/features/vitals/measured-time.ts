import { INTL_TAGS, type Locale } from '../../../shared/i18n';

/**
 * "measured 14:32, 25 Nov" / "mesurée à 14:32, 25 nov.": when a device took a measurement, in the
 * station's local time. A BP result can be hours old (downloaded from the cuff's memory), so the
 * time is always spelled out. The year is added when the measurement is not from this year.
 */
const WORDS: Readonly<Record<Locale, { measured: string; unknown: string }>> = {
  en: { measured: 'measured', unknown: 'measured at an unknown time' },
  fr: { measured: 'mesurée à', unknown: 'mesurée à une heure inconnue' },
};

export function formatMeasuredAt(
  timeMs: number,
  nowMs: number,
  timeZone?: string,
  locale: Locale = 'en',
): string {
  const words = WORDS[locale];
  if (!Number.isFinite(timeMs)) return words.unknown;
  const tag = INTL_TAGS[locale];
  const date = new Date(timeMs);
  const sameYear = !Number.isFinite(nowMs) || yearOf(date, timeZone) === yearOf(new Date(nowMs), timeZone);
  const clock = new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
  const day = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(date);
  return `${words.measured} ${clock}, ${day}`;
}

function yearOf(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(date);
}
