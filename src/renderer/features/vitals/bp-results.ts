import type { MetricId } from '../../../shared/domain/metrics';
import type { NumericReading } from '../../../shared/domain/readings';

/**
 * Groups a device's blood-pressure readings into results. A BP measurement arrives as up to four
 * numeric readings (systolic, diastolic, mean, pulse) carrying the same device `time` (design §3),
 * possibly split across batches and in any order; a result exists once systolic and diastolic of
 * one time are both known. Only the newest result is kept: stored measurements downloaded at
 * connect arrive oldest or newest first depending on the device, and either way the newest wins.
 */
export interface BpResult {
  readonly systolic: number;
  readonly diastolic: number;
  readonly mean: number | null;
  readonly pulse: number | null;
  /** The device's own measurement time (ISO), not the time we received it. */
  readonly time: string;
  readonly timeMs: number;
}

type BpPart = 'systolic' | 'diastolic' | 'mean' | 'pulse';

const BP_PARTS: Readonly<Partial<Record<MetricId, BpPart>>> = {
  MDC_PRESS_BLD_NONINV_SYS: 'systolic',
  MDC_PRESS_BLD_NONINV_DIA: 'diastolic',
  MDC_PRESS_BLD_NONINV_MEAN: 'mean',
  MDC_PULS_RATE_NON_INV: 'pulse',
};

/** Metrics shown on the BP result tile instead of tiles of their own. */
export function isBpMetric(metric: MetricId): boolean {
  return BP_PARTS[metric] !== undefined;
}

/** Partial results kept at most: enough for a download interleaving a few records. */
const MAX_PENDING = 16;

export class BpResultCollector {
  private readonly pending = new Map<string, Partial<Record<BpPart, number | null>>>();
  private newest: BpResult | null = null;

  get result(): BpResult | null {
    return this.newest;
  }

  /** Takes one numeric reading; true when the newest result changed. Non-BP readings are ignored. */
  add(reading: NumericReading): boolean {
    const part = BP_PARTS[reading.metric];
    if (part === undefined) return false;
    if (this.newest !== null && reading.time < this.newest.time) return false; // an older record
    const parts = this.pending.get(reading.time) ?? {};
    parts[part] = reading.value;
    this.pending.set(reading.time, parts);
    this.trimPending();
    const { systolic, diastolic } = parts;
    if (systolic === undefined || systolic === null || diastolic === undefined || diastolic === null)
      return false;
    this.newest = {
      systolic,
      diastolic,
      mean: parts.mean ?? null,
      pulse: parts.pulse ?? null,
      time: reading.time,
      timeMs: Date.parse(reading.time),
    };
    for (const time of this.pending.keys()) if (time < reading.time) this.pending.delete(time);
    return true;
  }

  private trimPending(): void {
    if (this.pending.size <= MAX_PENDING) return;
    const oldest = [...this.pending.keys()].sort()[0];
    if (oldest !== undefined) this.pending.delete(oldest);
  }
}
