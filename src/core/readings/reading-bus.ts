import type { ReadingBatch, NumericReading, Reading, StatusReading } from '../../shared/domain/readings';
import { ListenerSet } from '../listeners';
import { ReadingNet, type ReadingCorrections } from './reading-net';

/** Upper bound on devices×metrics kept for `readings.latest`, so a misbehaving device cannot grow memory. */
const MAX_LATEST_ENTRIES = 1024;

/**
 * Where every session's readings meet, and the one way out of the host for them: passes them
 * through the ReadingNet (no reading twice, no waveform starting before the previous one of its
 * channel ended, across sessions of the same device), numbers batches with an increasing `seq` (so
 * a consumer can see a gap), remembers the latest numeric per device and metric and the latest
 * status per device (for a screen that just opened), and fans batches out. It keeps no history:
 * memory is bounded by the number of device/metric pairs, capped at MAX_LATEST_ENTRIES.
 */
export class ReadingBus {
  private seq = 0;
  private readonly latest = new Map<string, NumericReading | StatusReading>();
  private readonly subscribers = new ListenerSet<[ReadingBatch]>();
  private readonly net = new ReadingNet();

  publish(readings: readonly Reading[]): ReadingBatch | null {
    const admitted = this.net.admit(readings);
    if (admitted.length === 0) return null;
    for (const reading of admitted) this.remember(reading);
    const batch: ReadingBatch = { seq: this.seq++, readings: admitted };
    this.subscribers.emit(batch);
    return batch;
  }

  subscribe(listener: (batch: ReadingBatch) => void): () => void {
    return this.subscribers.add(listener);
  }

  /** Latest numeric per device+metric and latest status per device, least recently updated first. */
  latestReadings(): Reading[] {
    return [...this.latest.values()];
  }

  /** What the net dropped or moved for a device: each count is a driver or session misbehaving. */
  correctionsOf(deviceId: string): ReadingCorrections {
    return this.net.correctionsOf(deviceId);
  }

  /** Drops what is remembered for a device (after it is disconnected by the user). */
  forgetDevice(deviceId: string): void {
    for (const [key, reading] of this.latest) if (reading.device === deviceId) this.latest.delete(key);
    this.net.forgetDevice(deviceId);
  }

  private remember(reading: Reading): void {
    if (reading.type === 'waveform') return;
    const key =
      reading.type === 'numeric'
        ? `${reading.device}\u0000${reading.metric}`
        : `${reading.device}\u0000status`;
    // Re-insert so Map order stays "least recently updated first"; evict from the front when full.
    this.latest.delete(key);
    this.latest.set(key, reading);
    if (this.latest.size > MAX_LATEST_ENTRIES) {
      const oldest = this.latest.keys().next().value;
      if (oldest !== undefined) this.latest.delete(oldest);
    }
  }
}
