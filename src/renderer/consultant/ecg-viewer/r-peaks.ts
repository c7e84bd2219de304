/**
 * R peaks in a stretch of one lead, for the calipers' "snap to R" and the tests: each excursion
 * above 60 % of the stretch's span (from its median up to its highest sample) gives its highest
 * sample, and two peaks closer than the refractory period (200 ms: no heart beats faster than
 * 300 /min) keep the higher. Enough for a clean lead in a viewer; not a diagnostic QRS detector.
 */
const THRESHOLD = 0.6;
const REFRACTORY_MS = 200;

/** Absolute indexes of the R peaks in `samples` (the first at absolute index `from`). */
export function findRPeaks(samples: Float32Array, from: number, rateHz: number): number[] {
  const finite = Array.from(samples).filter((v) => Number.isFinite(v));
  if (finite.length < 3) return [];
  const sorted = [...finite].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)];
  const top = sorted[sorted.length - 1];
  if (!(top > median)) return [];
  const threshold = median + THRESHOLD * (top - median);
  const refractory = Math.max(1, Math.round((REFRACTORY_MS / 1000) * rateHz));
  const peaks: number[] = [];
  let best = -1;
  for (let k = 0; k <= samples.length; k++) {
    const v = k < samples.length ? samples[k] : Number.NaN;
    if (Number.isFinite(v) && v >= threshold) {
      if (best < 0 || v > samples[best]) best = k;
      continue;
    }
    if (best < 0) continue;
    const previous = peaks[peaks.length - 1];
    if (previous !== undefined && best - (previous - from) < refractory) {
      if (samples[best] > samples[previous - from]) peaks[peaks.length - 1] = from + best;
    } else peaks.push(from + best);
    best = -1;
  }
  return peaks;
}
