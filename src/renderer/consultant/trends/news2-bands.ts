/**
 * NEWS2 score bands, the one table the trend charts shade from. Source: Royal College of
 * Physicians, National Early Warning Score (NEWS) 2, 2017, chart 1 (SpO2 on scale 1: a patient
 * without hypercapnic respiratory failure); its 3-point bands are the ones quoted in
 * ../shared/reference/french-rules.md §5. Highlighting only: the station is not a monitor and raises
 * no alarm (IEC 60601-1-8 is for equipment with alarms), and the charts say so.
 */
export type News2Parameter = 'respiration' | 'spo2' | 'systolic' | 'pulse' | 'temperature';
export type News2Score = 0 | 1 | 2 | 3;

/** Values up to and including `upTo` (and above the previous band's) score `score`. */
export interface News2Band {
  readonly upTo: number;
  readonly score: News2Score;
}

export const NEWS2_SOURCE =
  'Royal College of Physicians, National Early Warning Score (NEWS) 2, 2017, chart 1 (SpO2 scale 1)';

/** Each parameter's bands, ascending, the last one open-ended (`upTo: Infinity`). */
export const NEWS2_BANDS: Readonly<Record<News2Parameter, readonly News2Band[]>> = {
  // ≤8: 3 · 9–11: 1 · 12–20: 0 · 21–24: 2 · ≥25: 3 (breaths/min)
  respiration: [
    { upTo: 8, score: 3 },
    { upTo: 11, score: 1 },
    { upTo: 20, score: 0 },
    { upTo: 24, score: 2 },
    { upTo: Infinity, score: 3 },
  ],
  // ≤91: 3 · 92–93: 2 · 94–95: 1 · ≥96: 0 (%)
  spo2: [
    { upTo: 91, score: 3 },
    { upTo: 93, score: 2 },
    { upTo: 95, score: 1 },
    { upTo: Infinity, score: 0 },
  ],
  // ≤90: 3 · 91–100: 2 · 101–110: 1 · 111–219: 0 · ≥220: 3 (mmHg)
  systolic: [
    { upTo: 90, score: 3 },
    { upTo: 100, score: 2 },
    { upTo: 110, score: 1 },
    { upTo: 219, score: 0 },
    { upTo: Infinity, score: 3 },
  ],
  // ≤40: 3 · 41–50: 1 · 51–90: 0 · 91–110: 1 · 111–130: 2 · ≥131: 3 (/min)
  pulse: [
    { upTo: 40, score: 3 },
    { upTo: 50, score: 1 },
    { upTo: 90, score: 0 },
    { upTo: 110, score: 1 },
    { upTo: 130, score: 2 },
    { upTo: Infinity, score: 3 },
  ],
  // ≤35.0: 3 · 35.1–36.0: 1 · 36.1–38.0: 0 · 38.1–39.0: 1 · ≥39.1: 2 (°C)
  temperature: [
    { upTo: 35.0, score: 3 },
    { upTo: 36.0, score: 1 },
    { upTo: 38.0, score: 0 },
    { upTo: 39.0, score: 1 },
    { upTo: Infinity, score: 2 },
  ],
};

/** The NEWS2 sub-score of one value (values are compared as the device rounds them). */
export function news2Score(parameter: News2Parameter, value: number): News2Score {
  for (const band of NEWS2_BANDS[parameter]) if (value <= band.upTo) return band.score;
  return 0; // NaN: no band
}

/** A band as a value interval to shade: `from` exclusive (−∞ for the first), `to` inclusive. */
export interface ShadedBand {
  readonly from: number;
  readonly to: number;
  readonly score: News2Score;
}

/** The bands that score (1–3), as intervals: what a chart shades. */
export function scoringIntervals(parameter: News2Parameter): ShadedBand[] {
  const bands = NEWS2_BANDS[parameter];
  return bands
    .map((band, i) => ({
      from: i === 0 ? -Infinity : (bands[i - 1]?.upTo ?? -Infinity),
      to: band.upTo,
      score: band.score,
    }))
    .filter((band) => band.score > 0);
}
