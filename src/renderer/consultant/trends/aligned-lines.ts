import type { TrendLine } from './trend-history';

/**
 * Several lines on one time axis, as uPlot takes them: the union of their times (in seconds) and,
 * per line, its value at each time, `undefined` where the line has no point (uPlot joins over it)
 * and `null` where the device marked the value invalid (a gap).
 */
export type AlignedLines = [number[], ...(number | null | undefined)[][]];

export function alignLines(lines: readonly TrendLine[]): AlignedLines {
  const times = [...new Set(lines.flatMap((line) => line.timesMs))].sort((a, b) => a - b);
  const slot = new Map(times.map((t, i) => [t, i]));
  const columns = lines.map((line) => {
    const column = new Array<number | null | undefined>(times.length).fill(undefined);
    line.timesMs.forEach((t, i) => (column[slot.get(t) as number] = line.values[i] ?? null));
    return column;
  });
  return [times.map((t) => t / 1000), ...columns];
}
