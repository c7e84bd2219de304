/**
 * The patient's age on the day of the consultation (never today's date: a report read a year
 * later still gives the age the doctor saw). Both are calendar days `YYYY-MM-DD`. Under two years
 * the age is in whole months, as paediatrics counts it; null for a date of birth after that day.
 */
export type PatientAge =
  { readonly unit: 'years'; readonly value: number } | { readonly unit: 'months'; readonly value: number };

export function patientAge(birthDate: string, onDate: string): PatientAge | null {
  const birth = parts(birthDate);
  const on = parts(onDate);
  if (birth === null || on === null) return null;
  let months = (on.year - birth.year) * 12 + (on.month - birth.month);
  // Not a full month until the day of the month comes round (born 31 Jan: one month on 1 Mar).
  if (on.day < Math.min(birth.day, daysIn(on.year, on.month))) months -= 1;
  if (months < 0) return null;
  return months < 24 ? { unit: 'months', value: months } : { unit: 'years', value: Math.floor(months / 12) };
}

function parts(isoDate: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The consultation's calendar day from its start instant, in this page's time zone. */
export function localDay(instant: string): string | null {
  const time = Date.parse(instant);
  if (!Number.isFinite(time)) return null;
  const date = new Date(time);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
