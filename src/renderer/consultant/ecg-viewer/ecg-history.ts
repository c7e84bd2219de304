import { METRIC_IDS, type MetricId } from '../../../shared/domain/metrics';
import type { Reading } from '../../../shared/domain/readings';
import { Listeners, type ExternalStore } from '../../features/display-rate';
import { LeadHistory } from './lead-history';

/**
 * Every ECG lead the doctor's page receives, kept for scrolling back: a vitals sink beside the
 * live traces' store, fed from the same channels. Bounded per lead to HISTORY_S seconds and at most
 * MAX_SAMPLES_PER_LEAD samples (10 min at up to 1 kHz: 2.4 MB a lead), and to MAX_LEADS leads.
 * React observes only the list of leads; the viewer reads the samples when it draws.
 */
export const HISTORY_S = 600;
export const MAX_SAMPLES_PER_LEAD = 600_000;
export const MAX_LEADS = 16;

export interface EcgLead {
  readonly device: string;
  readonly metric: MetricId;
  readonly unit: string;
  readonly history: LeadHistory;
}

const METRIC_ORDER = new Map<MetricId, number>(METRIC_IDS.map((id, index) => [id, index]));

export function isEcgLead(metric: MetricId): boolean {
  return metric.startsWith('MDC_ECG_ELEC_POTL');
}

export class EcgHistory implements ExternalStore<readonly EcgLead[]> {
  /** Late batches too (they fill their hole), on the station's sample clock: see VitalsSink. */
  readonly unfiltered = true;
  private readonly leads = new Map<string, EcgLead>();
  private list: readonly EcgLead[] = [];
  private readonly listeners = new Listeners();

  ingest(readings: readonly Reading[]): void {
    let changed = false;
    for (const reading of readings) {
      if (reading.type !== 'waveform' || !isEcgLead(reading.metric)) continue;
      const key = `${reading.device}\n${reading.metric}`;
      let lead = this.leads.get(key);
      // A new rate is a new time base: the lead starts afresh.
      if (lead === undefined || lead.history.rateHz !== reading.rateHz || lead.unit !== reading.unit) {
        if (lead === undefined && this.leads.size >= MAX_LEADS) continue;
        lead = {
          device: reading.device,
          metric: reading.metric,
          unit: reading.unit,
          history: new LeadHistory(
            reading.rateHz,
            Math.min(MAX_SAMPLES_PER_LEAD, Math.ceil(reading.rateHz * HISTORY_S)),
          ),
        };
        this.leads.set(key, lead);
        changed = true;
      }
      lead.history.push(Date.parse(reading.start), reading.samples);
    }
    if (changed) this.publish();
  }

  getSnapshot = (): readonly EcgLead[] => this.list;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  private publish(): void {
    this.list = [...this.leads.values()].sort(
      (a, b) =>
        a.device.localeCompare(b.device) ||
        (METRIC_ORDER.get(a.metric) ?? 0) - (METRIC_ORDER.get(b.metric) ?? 0),
    );
    this.listeners.notify();
  }
}
