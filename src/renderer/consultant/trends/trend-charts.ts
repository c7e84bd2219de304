import type { MetricId } from '../../../shared/domain/metrics';
import type { News2Parameter } from './news2-bands';

/**
 * Which numerics share a trend chart, the NEWS2 parameter its bands come from, and the value range
 * it always shows (widened to fit a value outside it), so the bands are in sight before any value
 * reaches them. The blood-pressure chart shades the systolic bands: NEWS2 scores no other pressure.
 */
export type TrendChartId = 'spo2' | 'pulse' | 'respiration' | 'temperature' | 'bloodPressure';

export interface TrendChartDefinition {
  readonly id: TrendChartId;
  readonly metrics: readonly MetricId[];
  readonly bands: News2Parameter;
  readonly range: readonly [number, number];
}

export const TREND_CHARTS: readonly TrendChartDefinition[] = [
  { id: 'spo2', metrics: ['MDC_PULS_OXIM_SAT_O2'], bands: 'spo2', range: [80, 100] },
  {
    id: 'pulse',
    metrics: ['MDC_PULS_OXIM_PULS_RATE', 'MDC_ECG_HEART_RATE', 'MDC_PULS_RATE_NON_INV'],
    bands: 'pulse',
    range: [30, 150],
  },
  { id: 'respiration', metrics: ['MDC_RESP_RATE'], bands: 'respiration', range: [4, 32] },
  { id: 'temperature', metrics: ['MDC_TEMP_BODY', 'MDC_TEMP'], bands: 'temperature', range: [34, 40] },
  {
    id: 'bloodPressure',
    metrics: ['MDC_PRESS_BLD_NONINV_SYS', 'MDC_PRESS_BLD_NONINV_DIA', 'MDC_PRESS_BLD_NONINV_MEAN'],
    bands: 'systolic',
    range: [40, 230],
  },
];

const CHART_OF = new Map<MetricId, TrendChartDefinition>(
  TREND_CHARTS.flatMap((chart) => chart.metrics.map((metric) => [metric, chart] as const)),
);

/** The chart a metric is drawn on, or undefined for a numeric with no trend (e.g. perfusion index). */
export function trendChartOf(metric: MetricId): TrendChartDefinition | undefined {
  return CHART_OF.get(metric);
}

/** The chart's range widened to hold every value shown (a trend never clips a value). */
export function chartRange(chart: TrendChartDefinition, values: Iterable<number | null>): [number, number] {
  let [low, high] = chart.range;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}
