import type { MetricId } from '../../../shared/domain/metrics';
import type { Reading, StatusFlag } from '../../../shared/domain/readings';
import {
  FrameCoalescer,
  Listeners,
  nextAnimationFrame,
  type ExternalStore,
  type FrameScheduler,
} from '../display-rate';

/**
 * Latest numeric per metric, and latest status flags per device, kept outside React. Readings are
 * applied as they arrive; subscribers are told at most once per display frame, with a new
 * immutable snapshot, so tiles re-render at display rate whatever the device's frame rate.
 */
export interface LatestNumeric {
  readonly value: number | null;
  readonly unit: string;
  readonly device: string;
  /** ISO time from the reading. */
  readonly time: string;
  readonly timeMs: number;
}

export interface VitalsSnapshot {
  readonly numerics: Readonly<Partial<Record<MetricId, LatestNumeric>>>;
  readonly statusFlags: Readonly<Record<string, readonly StatusFlag[]>>;
}

const EMPTY: VitalsSnapshot = { numerics: {}, statusFlags: {} };

export class VitalsStore implements ExternalStore<VitalsSnapshot> {
  private numerics: Partial<Record<MetricId, LatestNumeric>> = {};
  private statusFlags: Record<string, readonly StatusFlag[]> = {};
  private snapshot = EMPTY;
  private readonly listeners = new Listeners();
  private readonly coalescer: FrameCoalescer;

  constructor(schedule: FrameScheduler = nextAnimationFrame) {
    this.coalescer = new FrameCoalescer(schedule, () => this.publish());
  }

  ingest(readings: readonly Reading[]): void {
    let changed = false;
    for (const reading of readings) {
      if (reading.type === 'numeric') {
        const current = this.numerics[reading.metric];
        // `readings.latest` can answer after newer pushed events: never go back in time.
        if (current !== undefined && current.time > reading.time) continue;
        this.numerics[reading.metric] = {
          value: reading.value,
          unit: reading.unit,
          device: reading.device,
          time: reading.time,
          timeMs: Date.parse(reading.time),
        };
        changed = true;
      } else if (reading.type === 'status') {
        this.statusFlags[reading.device] = reading.flags;
        changed = true;
      }
    }
    if (changed) this.coalescer.request();
  }

  getSnapshot = (): VitalsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  private publish(): void {
    this.snapshot = { numerics: { ...this.numerics }, statusFlags: { ...this.statusFlags } };
    this.listeners.notify();
  }
}
