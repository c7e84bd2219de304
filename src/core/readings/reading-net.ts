import type { Reading } from '../../shared/domain/readings';
import { RecentKeys } from './recent-keys';
import { noCorrections, WaveformTimeline, type TimelineCorrections } from './waveform-timeline';

/** What the net removed or moved for one device since it was first seen (or forgotten). */
export type ReadingCorrections = TimelineCorrections;

/**
 * Numeric and status readings remembered per channel to recognise a repeat: a continuous metric
 * never repeats a time, and a device re-sending its stored measurements sends a few dozen at most.
 */
const RECENT_PER_CHANNEL = 32;
/** Bound on channels (device × metric), so a misbehaving device cannot grow memory. */
const MAX_CHANNELS = 1024;

/**
 * The host's last check on readings before they leave it (screens, the record, the call): per
 * device and channel, no reading goes out twice and no waveform starts before the previous one
 * ended (WaveformTimeline). An identical numeric (same metric, value, unit and time) or status
 * (same flags and time) already sent is the same measurement again: dropped. Everything removed or
 * moved is counted per device (`correctionsOf`), since each one means a driver or a session
 * misbehaved. Readings keep their order; nothing else is touched.
 */
export class ReadingNet {
  private readonly timelines = new Map<string, WaveformTimeline>();
  private readonly recent = new Map<string, RecentKeys>();
  private readonly corrections = new Map<string, ReadingCorrections>();

  admit(readings: readonly Reading[]): Reading[] {
    const out: Reading[] = [];
    for (const reading of readings) {
      const admitted = this.admitOne(reading);
      if (admitted !== null) out.push(admitted);
    }
    return out;
  }

  correctionsOf(deviceId: string): ReadingCorrections {
    return { ...(this.corrections.get(deviceId) ?? noCorrections()) };
  }

  /** Forgets a device (disconnected by the user): a later session starts a fresh timeline. */
  forgetDevice(deviceId: string): void {
    const prefix = `${deviceId}\u0000`;
    for (const key of this.timelines.keys()) if (key.startsWith(prefix)) this.timelines.delete(key);
    for (const key of this.recent.keys()) if (key.startsWith(prefix)) this.recent.delete(key);
    this.corrections.delete(deviceId);
  }

  private admitOne(reading: Reading): Reading | null {
    const counts = this.countsOf(reading.device);
    if (reading.type === 'waveform') {
      const key = `${reading.device}\u0000${reading.metric}`;
      return channel(this.timelines, key, () => new WaveformTimeline()).admit(reading, counts);
    }
    const key =
      reading.type === 'numeric'
        ? `${reading.device}\u0000${reading.metric}`
        : `${reading.device}\u0000\u0000status`;
    const identity =
      reading.type === 'numeric'
        ? `${reading.value}\u0000${reading.unit}\u0000${reading.time}`
        : `${reading.flags.join()}\u0000${reading.time}`;
    if (channel(this.recent, key, () => new RecentKeys(RECENT_PER_CHANNEL)).seen(identity)) {
      counts.duplicates++;
      return null;
    }
    return reading;
  }

  private countsOf(deviceId: string): ReadingCorrections {
    let counts = this.corrections.get(deviceId);
    if (counts === undefined) {
      counts = noCorrections();
      this.corrections.set(deviceId, counts);
      evictOldest(this.corrections);
    }
    return counts;
  }
}

function channel<T>(channels: Map<string, T>, key: string, create: () => T): T {
  let found = channels.get(key);
  if (found === undefined) {
    found = create();
    channels.set(key, found);
    evictOldest(channels);
  }
  return found;
}

function evictOldest(map: Map<string, unknown>): void {
  if (map.size <= MAX_CHANNELS) return;
  const oldest = map.keys().next().value;
  if (oldest !== undefined) map.delete(oldest);
}
