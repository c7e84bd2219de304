import type { MetricId } from '../../../shared/domain/metrics';
import type { Reading, StatusFlag } from '../../../shared/domain/readings';
import {
  FrameCoalescer,
  Listeners,
  nextAnimationFrame,
  type ExternalStore,
  type FrameScheduler,
} from '../display-rate';
import { BpResultCollector, isBpMetric, type BpResult } from './bp-results';

/**
 * Latest numerics, status flags and blood-pressure result per device, kept outside React. Keyed by
 * device first, so an oximeter and a monitor that both send SpO2 never overwrite each other.
 * Readings are applied as they arrive; subscribers are told at most once per display frame, with
 * a new immutable snapshot in which only the devices that changed get new objects.
 */
export interface LatestNumeric {
  readonly value: number | null;
  readonly unit: string;
  readonly device: string;
  /** ISO time from the reading. */
  readonly time: string;
  readonly timeMs: number;
}

export interface DeviceVitals {
  /** null: the device sent this metric before the last `clear`, nothing since (its tile shows `--`). */
  readonly numerics: Readonly<Partial<Record<MetricId, LatestNumeric | null>>>;
  readonly statusFlags: readonly StatusFlag[];
  /** Newest complete BP result, or null. */
  readonly bloodPressure: BpResult | null;
  /** True once the device sent any BP metric, even a null one (a monitor before its first cuff cycle). */
  readonly sendsBloodPressure: boolean;
}

export interface VitalsSnapshot {
  readonly devices: Readonly<Record<string, DeviceVitals>>;
}

const EMPTY: VitalsSnapshot = { devices: {} };

interface DeviceState {
  numerics: Partial<Record<MetricId, LatestNumeric | null>>;
  statusFlags: readonly StatusFlag[];
  bp: BpResultCollector;
  sendsBloodPressure: boolean;
}

export class VitalsStore implements ExternalStore<VitalsSnapshot> {
  private readonly byDevice = new Map<string, DeviceState>();
  private readonly dirty = new Set<string>();
  private snapshot = EMPTY;
  private readonly listeners = new Listeners();
  private readonly coalescer: FrameCoalescer;

  constructor(schedule: FrameScheduler = nextAnimationFrame) {
    this.coalescer = new FrameCoalescer(schedule, () => this.publish());
  }

  ingest(readings: readonly Reading[]): void {
    for (const reading of readings) {
      if (reading.type === 'waveform') continue;
      const device = this.deviceState(reading.device);
      if (reading.type === 'status') {
        device.statusFlags = reading.flags;
      } else {
        if (isBpMetric(reading.metric)) {
          device.sendsBloodPressure = true;
          device.bp.add(reading);
        }
        const current = device.numerics[reading.metric];
        // `readings.latest` can answer after newer pushed events: never go back in time.
        if (current === undefined || current === null || current.time <= reading.time)
          device.numerics[reading.metric] = {
            value: reading.value,
            unit: reading.unit,
            device: reading.device,
            time: reading.time,
            timeMs: Date.parse(reading.time),
          };
      }
      this.dirty.add(reading.device);
    }
    if (this.dirty.size > 0) this.coalescer.request();
  }

  /**
   * Forgets every value and BP result: a consultation started or ended, and what was measured
   * before belongs to no patient (or to the previous one). Each device keeps its tiles, showing
   * `--` until its next reading; status flags are the device's present state and stay.
   */
  clear(): void {
    for (const [id, state] of this.byDevice) {
      for (const metric of Object.keys(state.numerics) as MetricId[]) state.numerics[metric] = null;
      state.bp = new BpResultCollector();
      this.dirty.add(id);
    }
    if (this.dirty.size > 0) this.coalescer.request();
  }

  /** One device's vitals in the current snapshot. */
  device(id: string): DeviceVitals | undefined {
    return this.snapshot.devices[id];
  }

  getSnapshot = (): VitalsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  private deviceState(id: string): DeviceState {
    let state = this.byDevice.get(id);
    if (state === undefined) {
      state = { numerics: {}, statusFlags: [], bp: new BpResultCollector(), sendsBloodPressure: false };
      this.byDevice.set(id, state);
    }
    return state;
  }

  private publish(): void {
    const devices = { ...this.snapshot.devices };
    for (const id of this.dirty) {
      const state = this.byDevice.get(id);
      if (state === undefined) continue;
      devices[id] = {
        numerics: { ...state.numerics },
        statusFlags: state.statusFlags,
        bloodPressure: state.bp.result,
        sendsBloodPressure: state.sendsBloodPressure,
      };
    }
    this.dirty.clear();
    this.snapshot = { devices };
    this.listeners.notify();
  }
}
