import { isMetricId, METRICS } from '../domain/metrics';
import { INTL_TAGS, type Locale } from './locale';

/**
 * Numbers, quantities, dates and times as each language writes them: `37,2 °C` and `97 %` in
 * French, `37.2 °C` and `97%` in English. Formatters are cached per locale: `Intl` objects are
 * costly to build and these run on every tile refresh.
 */

/** UCUM codes as readings carry them → what a clinician expects to read. */
const DISPLAY_UNITS: Readonly<Record<string, string>> = {
  '/min': 'bpm',
  Cel: '°C',
  '[degF]': '°F',
  'mm[Hg]': 'mmHg',
  '%': '%',
  mV: 'mV',
  uV: 'µV',
  '1': '',
};

export function displayUnit(ucum: string): string {
  return DISPLAY_UNITS[ucum] ?? ucum;
}

/**
 * Where the UCUM unit alone is ambiguous: `/min` reads "bpm" for beats, but a respiratory rate
 * counts breaths, so it keeps "/min".
 */
const METRIC_DISPLAY_UNITS: Readonly<Record<string, string>> = { MDC_RESP_RATE: '/min' };

/** The unit a clinician expects beside this metric's value. */
export function displayUnitOf(metric: string, ucum: string): string {
  return (ucum === '/min' ? METRIC_DISPLAY_UNITS[metric] : undefined) ?? displayUnit(ucum);
}

/** The metric table's display decimals (PI 0.04 % needs two); undefined for an unknown metric. */
export function precisionOf(metric: string): number | undefined {
  return isMetricId(metric) ? METRICS[metric].precision : undefined;
}

export interface Formatter {
  readonly locale: Locale;
  /** Whole numbers stay whole unless `digits` is given; others get one decimal. `--` for none. */
  number(value: number | null | undefined, digits?: number): string;
  /** A value with its UCUM unit as displayed: `37,2 °C`, `97 %` (fr), `97%` (en), `72 bpm`. */
  quantity(value: number | null | undefined, ucum: string, digits?: number): string;
  /** A metric's value at its display precision: `0,04 %` (PI), `37,2 °C`, `14 /min` (respiration). */
  measurement(metric: string, value: number | null | undefined, ucum: string): string;
  /** A metric's value alone at its display precision (for tiles that show the unit apart). */
  metricNumber(metric: string, value: number | null | undefined): string;
  /** `25/11/2026` (fr), `25/11/2026` (en-GB). */
  date(time: Date | number): string;
  /** `14:32:05`. */
  time(time: Date | number, withSeconds?: boolean): string;
  /** `25 nov. 2026, 14:32` / `25 Nov 2026, 14:32`. */
  dateTime(time: Date | number): string;
  /** A duration in seconds: `12 min 05 s`, `1 h 02 min`. */
  duration(seconds: number): string;
  /** How long ago, for "last reading" and stale marks: `now`/`4 s` (en), `à l'instant`/`il y a 4 s` (fr). */
  age(ageMs: number): string;
}

const NARROW_NBSP = '\u202f';
const cache = new Map<Locale, Formatter>();

export function formatterFor(locale: Locale, timeZone?: string): Formatter {
  const cached = timeZone === undefined ? cache.get(locale) : undefined;
  if (cached !== undefined) return cached;
  const formatter = createFormatter(locale, timeZone);
  if (timeZone === undefined) cache.set(locale, formatter);
  return formatter;
}

function createFormatter(locale: Locale, timeZone: string | undefined): Formatter {
  const tag = INTL_TAGS[locale];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number): Intl.NumberFormat => {
    let format = numberFormats.get(digits);
    if (format === undefined) {
      format = new Intl.NumberFormat(tag, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: false,
      });
      numberFormats.set(digits, format);
    }
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(tag, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone,
  });
  const timeFormat = new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const timeSecondsFormat = new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });

  const number = (value: number | null | undefined, digits?: number): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return '--';
    const places = digits ?? (Number.isInteger(value) ? 0 : 1);
    return numberFormat(places).format(value);
  };

  const withUnit = (shown: string, unit: string): string => {
    if (unit === '') return shown;
    // French puts a (narrow no-break) space before % as before every unit; English writes 97%.
    if (unit === '%' && locale === 'en') return `${shown}%`;
    return `${shown}${locale === 'fr' ? NARROW_NBSP : ' '}${unit}`;
  };

  return {
    locale,
    number,
    quantity: (value, ucum, digits) => withUnit(number(value, digits), displayUnit(ucum)),
    measurement: (metric, value, ucum) =>
      withUnit(number(value, precisionOf(metric)), displayUnitOf(metric, ucum)),
    metricNumber: (metric, value) => number(value, precisionOf(metric)),
    date: (time) => dateFormat.format(time),
    time: (time, withSeconds = true) => (withSeconds ? timeSecondsFormat : timeFormat).format(time),
    dateTime: (time) => dateTimeFormat.format(time),
    duration(seconds) {
      const total = Math.max(0, Math.round(seconds));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const rest = total % 60;
      const pad = (n: number): string => String(n).padStart(2, '0');
      if (hours > 0) return `${hours} h ${pad(minutes)} min`;
      if (minutes > 0) return `${minutes} min ${pad(rest)} s`;
      return `${rest} s`;
    },
    age(ageMs) {
      if (!(ageMs >= 1000)) return locale === 'fr' ? 'à l’instant' : 'now';
      const span = ageSpan(Math.floor(ageMs / 1000));
      // English shows the bare span under a "Last reading" label; French reads "il y a 4 s".
      return locale === 'fr' ? `il y a ${span}` : span;
    },
  };
}

/** Seconds under two minutes, minutes under two hours, then hours: precise while it matters. */
function ageSpan(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h`;
}
