/**
 * Where a sample lands on a sweeping monitor trace (pure). The trace is a fixed window of
 * `samplesPerSweep` samples; sample i is drawn at column (i mod N), and a blank gap runs just ahead
 * of the newest sample, erasing the previous sweep, like a bedside monitor.
 */

export function sweepX(absoluteIndex: number, samplesPerSweep: number, width: number): number {
  return ((absoluteIndex % samplesPerSweep) / samplesPerSweep) * width;
}

/** Maps a value in `range` to a canvas row, top = range max, with `padding` px kept free. */
export function valueToY(
  value: number,
  range: readonly [number, number],
  height: number,
  padding = 4,
): number {
  const [min, max] = range;
  const span = max - min || 1;
  const clamped = Math.min(max, Math.max(min, value));
  return padding + (1 - (clamped - min) / span) * (height - 2 * padding);
}

/**
 * The columns to blank before drawing samples [from, to) plus a gap of `gapSamples` ahead, split
 * where the sweep wraps. Returned as [startIndex, endIndex) pairs within one sweep.
 */
export function spansToClear(
  from: number,
  to: number,
  gapSamples: number,
  samplesPerSweep: number,
): [number, number][] {
  const length = Math.min(samplesPerSweep, to + gapSamples - from);
  if (length <= 0) return [];
  const start = from % samplesPerSweep;
  const end = start + length;
  if (end <= samplesPerSweep) return [[start, end]];
  return [
    [start, samplesPerSweep],
    [0, end - samplesPerSweep],
  ];
}
