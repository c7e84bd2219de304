/**
 * Calendar dates (birth dates, care-sheet dates) are days, not instants: `1985-05-12` must read as
 * 12 May in every time zone, which `new Date('1985-05-12')` (midnight UTC) does not guarantee.
 */
export function localDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

/** Today as YYYY-MM-DD in the station's time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
