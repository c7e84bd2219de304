import { isMetricId, type MetricId } from '../domain/metrics';
import { WireError } from './bytes';
import type { DictEntry } from './messages';
import { LIMITS } from './wire-format';

const seriesKey = (device: string, metric: string, unit: string, rateHz: number | null): string =>
  `${device}\u0000${metric}\u0000${unit}\u0000${rateHz ?? ''}`;

export interface Series {
  readonly device: string;
  /** null: a metric this build does not know (a newer sender); its readings are skipped. */
  readonly metric: MetricId | null;
  readonly unit: string;
  readonly rateHz: number | null;
}

/**
 * The receiver's side of one session's dictionaries, plus the session's epoch. Entries arrive in
 * order; an entry already known must match (a duplicated or replayed `dict` is harmless), an entry
 * past the end of its table means a `dict` was lost, and is refused.
 */
export class DecoderDictionary {
  readonly devices: string[] = [];
  readonly metrics: (MetricId | null)[] = [];
  readonly units: string[] = [];
  readonly series: Series[] = [];
  private readonly seriesIndices = new Map<string, number>();
  private readonly texts: Record<'device' | 'metric' | 'unit', string[]> = {
    device: [],
    metric: [],
    unit: [],
  };

  constructor(
    readonly sessionId: string,
    readonly epochMs: number,
  ) {}

  /** The index of the series of these device, metric, unit and rate, if the dictionary has it. */
  indexOf(device: string, metric: MetricId, unit: string, rateHz: number | null): number | undefined {
    return this.seriesIndices.get(seriesKey(device, metric, unit, rateHz));
  }

  /** Applies entries in order; throws WireError at the first one that conflicts. */
  apply(entries: readonly DictEntry[]): void {
    for (const entry of entries) {
      if (entry.table === 'series') this.applySeries(entry);
      else this.applyString(entry.table, entry.index, entry.text);
    }
  }

  private applyString(table: 'device' | 'metric' | 'unit', index: number, text: string): void {
    const texts = this.texts[table];
    if (index < texts.length) {
      if (texts[index] !== text)
        throw new WireError(`dict: ${table} ${index} conflicts with the known entry`);
      return;
    }
    if (index > texts.length) throw new WireError(`dict: ${table} ${index} skips entries (a dict was lost)`);
    if (index >= LIMITS.entriesPerTable) throw new WireError(`dict: ${table} table full`);
    texts.push(text);
    if (table === 'device') this.devices.push(text);
    else if (table === 'unit') this.units.push(text);
    else this.metrics.push(isMetricId(text) ? text : null);
  }

  private applySeries(entry: Extract<DictEntry, { table: 'series' }>): void {
    const { index } = entry;
    const device = this.devices[entry.device];
    const unit = this.units[entry.unit];
    if (device === undefined || unit === undefined || entry.metric >= this.metrics.length) {
      throw new WireError(`dict: series ${index} refers to an unknown device, metric or unit`);
    }
    const series: Series = { device, metric: this.metrics[entry.metric], unit, rateHz: entry.rateHz };
    if (index < this.series.length) {
      const known = this.series[index];
      const same =
        known.device === series.device &&
        known.metric === series.metric &&
        known.unit === series.unit &&
        known.rateHz === series.rateHz;
      if (!same) throw new WireError(`dict: series ${index} conflicts with the known entry`);
      return;
    }
    if (index > this.series.length)
      throw new WireError(`dict: series ${index} skips entries (a dict was lost)`);
    if (index >= LIMITS.entriesPerTable) throw new WireError('dict: series table full');
    this.series.push(series);
    if (series.metric !== null) {
      const key = seriesKey(device, series.metric, unit, series.rateHz);
      if (!this.seriesIndices.has(key)) this.seriesIndices.set(key, index);
    }
  }
}
