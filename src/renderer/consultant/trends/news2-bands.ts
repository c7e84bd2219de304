/**
 * NEWS2 score bands, the one table the trend charts shade from. Source: Royal College of
 * Physicians, National Early Warning Score (NEWS) 2: Standardising the assessment of acute-illness
 * severity in the NHS, London, RCP, 2017, chart 1 "The NEWS scoring system"
 * (https://www.rcp.ac.uk/improving-care/resources/national-early-warning-score-news-2/), SpO2 on
 * scale 1 (a patient without hypercapnic respiratory failure; scale 2 needs a target range and
 * whether the patient is on oxygen, which the station does not know). Every edge below was checked
 * against that chart (2026-12-06) and is unit-tested one by one; its 3-point bands are the ones
 * quoted in ../shared/reference/french-rules.md §5. Consciousness (ACVPU) and "air or oxygen" are
 * not measured by a device and are not charted. Highlighting only: the station is not a monitor and
 * raises no alarm (IEC 60601-1-8 is for equipment with alarms), and the charts say so.
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

/**
 * The chart's resolution: whole numbers, temperature in tenths. A value between two of its steps
 * (a thermometer sending 35.04 °C) is scored as the chart would read it once rounded (35.0: 3
 * points); compared raw, it fell into the next band (35.04 > 35.0: 1 point).
 */
export const NEWS2_STEP: Readonly<Record<News2Parameter, number>> = {
  respiration: 1,
  spo2: 1,
  systolic: 1,
  pulse: 1,
  temperature: 0.1,
};

/** The NEWS2 sub-score of one value, rounded to the chart's resolution first. */
export function news2Score(parameter: News2Parameter, value: number): News2Score {
  // Counted in whole steps, then back (35.04 × 10 → 350 → 35): dividing by 0.1 leaves float residue.
  const perUnit = Math.round(1 / NEWS2_STEP[parameter]);
  const read = Math.round(value * perUnit) / perUnit;
  for (const band of NEWS2_BANDS[parameter]) if (read <= band.upTo) return band.score;
  return 0; // NaN: no band
}

/**
 * A band as a value interval to shade, its edges half a step beyond the chart's (35.0 °C → 35.05):
 * the line a value crosses when it starts to read as the next band. `from` is −∞ for the first.
 */
export interface ShadedBand {
  readonly from: number;
  readonly to: number;
  readonly score: News2Score;
}

/** The bands that score (1–3), as intervals: what a chart shades. */
export function scoringIntervals(parameter: News2Parameter): ShadedBand[] {
  const bands = NEWS2_BANDS[parameter];
  const half = NEWS2_STEP[parameter] / 2;
  return bands
    .map((band, i) => ({
      from: i === 0 ? -Infinity : (bands[i - 1]?.upTo ?? -Infinity) + half,
      to: band.upTo + half,
      score: band.score,
    }))
    .filter((band) => band.score > 0);
}
