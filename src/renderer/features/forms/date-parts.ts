import { INTL_TAGS, type Locale } from '../../../shared/i18n';

/**
 * A calendar date typed as three parts (day, month, year), checked and turned into the ISO form
 * (`YYYY-MM-DD`) the contract carries. Pure, so the rules are tested without a page.
 */
export type DatePart = 'day' | 'month' | 'year';
export interface DatePartsValue {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}
export const EMPTY_DATE_PARTS: DatePartsValue = { day: '', month: '', year: '' };
export const PART_LENGTH: Readonly<Record<DatePart, number>> = { day: 2, month: 2, year: 4 };

/** Why typed parts are not a date to send. `incomplete`: some parts typed, not all. */
export type DateProblem = 'incomplete' | 'impossible' | 'too-early' | 'too-late';

export type DateReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'problem'; readonly problem: DateProblem };

/** The parts in the order the language writes them (day month year for both fr-FR and en-GB). */
export function partOrder(locale: Locale): readonly DatePart[] {
  const order = new Intl.DateTimeFormat(INTL_TAGS[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })
    .formatToParts(new Date(2001, 10, 22))
    .flatMap((part) =>
      part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : [],
    );
  return order.length === 3 ? order : ['day', 'month', 'year'];
}

export function partsOfIso(iso: string): DatePartsValue {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match === null ? EMPTY_DATE_PARTS : { year: match[1], month: match[2], day: match[3] };
}

/**
 * A whole date typed or pasted into one part: `1985-05-12` (ISO, what the contract and scripts
 * use), or `12/05/1985`, `12.05.1985`, `12 05 1985` in the page's order. Null when it is not one.
 */
export function wholeDateOf(text: string, order: readonly DatePart[]): DatePartsValue | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return partsOfIso(trimmed);
  const pieces = trimmed.split(/[\s./-]+/);
  if (pieces.length !== 3 || pieces.some((p) => !/^\d{1,4}$/.test(p))) return null;
  const parts: Record<DatePart, string> = { day: '', month: '', year: '' };
  order.forEach((part, i) => (parts[part] = pieces[i] ?? ''));
  return parts.year.length === 4 ? parts : null;
}

/** Only digits, at most the part's length. */
export function cleanPart(part: DatePart, text: string): string {
  return text.replace(/\D/g, '').slice(0, PART_LENGTH[part]);
}

export function readDate(parts: DatePartsValue, bounds: { min?: string; max?: string } = {}): DateReading {
  const { day, month, year } = parts;
  if (day === '' && month === '' && year === '') return { kind: 'empty' };
  if (day === '' || month === '' || year.length !== 4) return { kind: 'problem', problem: 'incomplete' };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  // A day that does not exist (31 February) is refused, never rolled over into March.
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    probe.getUTCFullYear() !== y ||
    probe.getUTCMonth() !== m - 1 ||
    probe.getUTCDate() !== d
  )
    return { kind: 'problem', problem: 'impossible' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (bounds.min !== undefined && iso < bounds.min) return { kind: 'problem', problem: 'too-early' };
  if (bounds.max !== undefined && iso > bounds.max) return { kind: 'problem', problem: 'too-late' };
  return { kind: 'date', iso };
}

/** Arrow up/down on a part: one more or one less, within the part's range. */
export function stepPart(part: DatePart, text: string, delta: 1 | -1, fallbackYear: number): string {
  const [low, high] = part === 'day' ? [1, 31] : part === 'month' ? [1, 12] : [1, 9999];
  const current =
    text === '' ? (part === 'year' ? fallbackYear : delta > 0 ? low - 1 : high + 1) : Number(text);
  const next = Math.min(high, Math.max(low, current + delta));
  return String(next).padStart(part === 'year' ? 4 : 2, '0');
}
