import type { DeviceInfo } from '../../../shared/domain/devices';
import type { Reading } from '../../../shared/domain/readings';
import { Listeners, type ExternalStore } from '../display-rate';

/**
 * The devices the backend has sessions for, by id. State changes are rare (connect, unplug,
 * no-data), so subscribers are told at once; the list is sorted by id so rows never jump around.
 */
export class DevicesStore implements ExternalStore<readonly DeviceInfo[]> {
  private readonly byId = new Map<string, DeviceInfo>();
  /** Newest reading time per device seen in pushed batches (epoch ms). */
  private readonly lastSeenMs = new Map<string, number>();
  private snapshot: readonly DeviceInfo[] = [];
  private readonly listeners = new Listeners();

  /** The full list from `devices.list`: devices not in it are gone. */
  replaceAll(devices: readonly DeviceInfo[]): void {
    this.byId.clear();
    for (const device of devices) this.byId.set(device.id, device);
    this.publish();
  }

  upsert(device: DeviceInfo): void {
    this.byId.set(device.id, device);
    this.publish();
  }

  /**
   * Notes when each device last sent something. The backend reports `lastReadingAt` only with a
   * state change, so between changes the panel's "last reading" age comes from the readings
   * themselves. No notification: the panel re-renders on its clock tick.
   */
  noteReadings(readings: readonly Reading[]): void {
    for (const reading of readings) {
      const timeMs = Date.parse(reading.type === 'waveform' ? reading.start : reading.time);
      if (timeMs > (this.lastSeenMs.get(reading.device) ?? 0)) this.lastSeenMs.set(reading.device, timeMs);
    }
  }

  /** The newer of the backend's `lastReadingAt` and the last reading seen here; null before any. */
  lastReadingAt(id: string): number | null {
    const reported = this.byId.get(id)?.lastReadingAt ?? null;
    const seen = this.lastSeenMs.get(id) ?? null;
    if (reported === null) return seen;
    return seen === null ? reported : Math.max(reported, seen);
  }

  get(id: string): DeviceInfo | undefined {
    return this.byId.get(id);
  }

  getSnapshot = (): readonly DeviceInfo[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  private publish(): void {
    this.snapshot = [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    this.listeners.notify();
  }
}
