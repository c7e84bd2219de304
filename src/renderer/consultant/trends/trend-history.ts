import { isEpisodic, type MetricId } from '../../../shared/domain/metrics';
import type { Reading } from '../../../shared/domain/readings';
import {
  FrameCoalescer,
  Listeners,
  type ExternalStore,
  type FrameScheduler,
} from '../../features/display-rate';
import { TREND_CHARTS, trendChartOf, type TrendChartId } from './trend-charts';
import { TREND_CAPACITY, TrendSeries } from './trend-series';

/**
 * Every numeric the doctor's page receives during the call, kept as bounded trends (TrendSeries)
 * per chart, device and metric: a vitals sink beside the tiles' store, fed from the same channels
 * (the latest-value one and the reliable backfill). Subscribers hear of changes at most once per
 * `publishEvery` tick (half a second by default): a trend moves once a second, not per frame.
 */
export interface TrendLine {
  readonly device: string;
  readonly metric: MetricId;
  /** Episodic values are drawn as points, continuous ones as lines. */
  readonly episodic: boolean;
  readonly timesMs: readonly number[];
  readonly values: readonly (number | null)[];
}

export interface TrendSnapshot {
  readonly charts: Readonly<Partial<Record<TrendChartId, readonly TrendLine[]>>>;
}

const HALF_SECOND: FrameScheduler = (callback) => void setTimeout(callback, 500);

export class TrendHistory implements ExternalStore<TrendSnapshot> {
  private readonly series = new Map<string, { device: string; metric: MetricId; series: TrendSeries }>();
  private snapshot: TrendSnapshot = { charts: {} };
  private readonly listeners = new Listeners();
  private readonly coalescer: FrameCoalescer;

  constructor(
    publishEvery: FrameScheduler = HALF_SECOND,
    private readonly capacity = TREND_CAPACITY,
  ) {
    this.coalescer = new FrameCoalescer(publishEvery, () => this.publish());
  }

  ingest(readings: readonly Reading[]): void {
    let changed = false;
    for (const reading of readings) {
      if (reading.type !== 'numeric' || trendChartOf(reading.metric) === undefined) continue;
      const key = `${reading.device}\n${reading.metric}`;
      let entry = this.series.get(key);
      if (entry === undefined) {
        const measurement = isEpisodic(reading.metric) ? 'episodic' : 'continuous';
        entry = {
          device: reading.device,
          metric: reading.metric,
          series: new TrendSeries(measurement, this.capacity),
        };
        this.series.set(key, entry);
      }
      if (entry.series.add(Date.parse(reading.time), reading.value)) changed = true;
    }
    if (changed) this.coalescer.request();
  }

  getSnapshot = (): TrendSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  /** Points held in all series (the memory bound: at most `capacity` per device and metric). */
  get pointCount(): number {
    let count = 0;
    for (const { series } of this.series.values()) count += series.length;
    return count;
  }

  private publish(): void {
    const charts: Partial<Record<TrendChartId, TrendLine[]>> = {};
    for (const chart of TREND_CHARTS) {
      const lines = [...this.series.values()]
        .filter(({ metric }) => chart.metrics.includes(metric))
        .sort(
          (a, b) =>
            a.device.localeCompare(b.device) ||
            chart.metrics.indexOf(a.metric) - chart.metrics.indexOf(b.metric),
        )
        .map(({ device, metric, series }) => ({
          device,
          metric,
          episodic: series.measurement === 'episodic',
          timesMs: [...series.timesMs()],
          values: [...series.pointValues()],
        }));
      if (lines.length > 0) charts[chart.id] = lines;
    }
    this.snapshot = { charts };
    this.listeners.notify();
  }
}
