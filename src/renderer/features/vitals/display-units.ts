/** UCUM codes as the readings carry them → what a clinician expects to read on a tile. */
const DISPLAY_UNITS: Readonly<Record<string, string>> = {
  '/min': 'bpm',
  Cel: '°C',
  'mm[Hg]': 'mmHg',
  '%': '%',
  '1': '',
};

export function displayUnit(ucum: string): string {
  return DISPLAY_UNITS[ucum] ?? ucum;
}

/** Whole numbers stay whole; others get one decimal (temperature, perfusion index). */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '--';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "now", "4 s", "3 min": ages shown in the device panel and on stale tiles. */
export function formatAge(ageMs: number): string {
  if (ageMs < 1000) return 'now';
  const seconds = Math.floor(ageMs / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h`;
}
