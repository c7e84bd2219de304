import { createHash } from 'node:crypto';
import {
  MAX_PENDING_MEASUREMENTS,
  type MeasuredValue,
  type PendingMeasurement,
} from '../../shared/domain/consultation';
import type { NumericReading } from '../../shared/domain/readings';
import { measurementGroupOf } from '../exports/measurement-group';

/** What became of a measurement once the nurse decided. */
export type Resolution =
  { readonly kind: 'dismissed' } | { readonly kind: 'confirmed'; readonly by: string; readonly at: string };

/**
 * Measurements from before the active consultation (issue 11 item 3), held apart until the nurse
 * confirms or dismisses them. One entry per measurement: device + metric group (a cuff result's
 * four values are one) + device time, so a value repeated by the device, or a result whose parts
 * arrive in two batches, is one entry. Bounded (the newest are kept: a cuff's memory can hold 60
 * records), and owned by one consultation: `reset` at every start and end, so no value ever crosses
 * from one patient to the next.
 */
export class PendingMeasurements {
  private consultation: string | null = null;
  private readonly entries = new Map<string, PendingMeasurement>();
  /** Decided measurements of this consultation: a late part or a repeat follows the decision. */
  private readonly resolved = new Map<string, Resolution>();
  /** Something was added since the last `announce`. */
  private changed = false;

  /** `onChange`: measurements arrived or grew since the last `announce` (once per batch of readings). */
  constructor(private readonly onChange: () => void = () => undefined) {}

  /** Forgets everything (a consultation starts or ends; the caller announces the change). */
  reset(consultation: string | null): void {
    this.consultation = consultation;
    this.entries.clear();
    this.resolved.clear();
    this.changed = false;
  }

  /**
   * Takes an episodic reading older than the consultation's start. Returns the decision already
   * made on its measurement (a part arriving after the nurse confirmed), else null: kept pending.
   */
  add(consultation: string, reading: NumericReading, receivedAtMs: number): Resolution | null {
    if (this.consultation !== consultation) this.reset(consultation);
    const id = pendingIdOf(reading.device, measurementGroupOf(reading.metric), reading.time);
    const decided = this.resolved.get(id);
    if (decided !== undefined) return decided;
    const value: MeasuredValue = { metric: reading.metric, unit: reading.unit, value: reading.value };
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      if (entry.values.some((v) => v.metric === value.metric)) return null; // a repeat: nothing new
      this.entries.set(id, { ...entry, values: [...entry.values, value].slice(0, 8) });
    } else {
      this.entries.set(id, {
        id,
        device: reading.device,
        measuredAt: reading.time,
        receivedAt: new Date(receivedAtMs).toISOString(),
        values: [value],
      });
      this.trim();
    }
    this.changed = true;
    return null;
  }

  /** Tells the station once for a whole batch of readings (a cuff result is four of them). */
  announce(): void {
    if (!this.changed) return;
    this.changed = false;
    this.onChange();
  }

  /** Oldest measurement first. */
  list(consultation: string): PendingMeasurement[] {
    if (this.consultation !== consultation) return [];
    return [...this.entries.values()].sort((a, b) => a.measuredAt.localeCompare(b.measuredAt));
  }

  get(consultation: string, id: string): PendingMeasurement | undefined {
    return this.consultation === consultation ? this.entries.get(id) : undefined;
  }

  /**
   * The nurse decided: the entry leaves the list, and later parts or repeats follow the decision
   * (the caller announces the change).
   */
  resolve(consultation: string, id: string, resolution: Resolution): void {
    if (this.consultation !== consultation) return;
    this.entries.delete(id);
    this.resolved.set(id, resolution);
  }

  private trim(): void {
    while (this.entries.size > MAX_PENDING_MEASUREMENTS) {
      const oldest = this.list(this.consultation ?? '')[0];
      if (oldest === undefined) return;
      this.entries.delete(oldest.id);
    }
  }
}

/** Stable for one measurement: the same device, group and time give the same id on every host. */
export function pendingIdOf(device: string, group: string, time: string): string {
  return createHash('sha256').update(`${device}\u0000${group}\u0000${time}`).digest('hex').slice(0, 24);
}
