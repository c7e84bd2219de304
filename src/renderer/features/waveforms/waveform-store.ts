import { METRIC_IDS, type MetricId } from '../../../shared/domain/metrics';
import type { Reading } from '../../../shared/domain/readings';
import { Listeners, type ExternalStore } from '../display-rate';
import { RingBuffer } from './ring-buffer';

/**
 * One ring buffer per device and waveform metric, so an oximeter's pleth and a monitor's pleth
 * are two traces. The samples are deliberately not in a React store: the canvas reads its buffer
 * every animation frame, so no component re-renders per sample. What React does observe is the
 * list of channels, which changes only when a new trace appears.
 */
export interface WaveformChannel {
  readonly metric: MetricId;
  readonly device: string;
  readonly rateHz: number;
  readonly buffer: RingBuffer;
}

export interface WaveformChannelKey {
  readonly device: string;
  readonly metric: MetricId;
}

/** Enough history for the widest window the settings allow (30 s), so resizing can redraw it. */
export const MAX_HISTORY_S = 30;

const METRIC_ORDER = new Map<MetricId, number>(METRIC_IDS.map((id, index) => [id, index]));

export class WaveformStore implements ExternalStore<readonly WaveformChannelKey[]> {
  private readonly channels = new Map<string, WaveformChannel>();
  private keys: readonly WaveformChannelKey[] = [];
  private readonly listeners = new Listeners();

  ingest(readings: readonly Reading[]): void {
    let added = false;
    for (const reading of readings) {
      if (reading.type !== 'waveform') continue;
      const key = channelKey(reading.device, reading.metric);
      let channel = this.channels.get(key);
      if (channel === undefined) added = true;
      // A different rate means a different time base: start the trace afresh.
      if (channel === undefined || channel.rateHz !== reading.rateHz) {
        channel = {
          metric: reading.metric,
          device: reading.device,
          rateHz: reading.rateHz,
          buffer: new RingBuffer(Math.ceil(reading.rateHz * MAX_HISTORY_S)),
        };
        this.channels.set(key, channel);
      }
      channel.buffer.pushAll(reading.samples);
    }
    if (added) this.publishKeys();
  }

  /**
   * Empties every trace (a consultation started or ended: samples from before belong to no
   * patient). The channels stay, so each canvas keeps its place and redraws blank: it sees a new
   * buffer.
   */
  clear(): void {
    for (const [key, channel] of this.channels)
      this.channels.set(key, { ...channel, buffer: new RingBuffer(channel.buffer.capacity) });
  }

  channel(device: string, metric: MetricId): WaveformChannel | undefined {
    return this.channels.get(channelKey(device, metric));
  }

  /** The traces of one device, in metric-table order (ECG I, II, III…). */
  metricsOf(device: string): MetricId[] {
    return this.keys.filter((key) => key.device === device).map((key) => key.metric);
  }

  getSnapshot = (): readonly WaveformChannelKey[] => this.keys;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  private publishKeys(): void {
    this.keys = [...this.channels.values()]
      .map(({ device, metric }) => ({ device, metric }))
      .sort(
        (a, b) =>
          a.device.localeCompare(b.device) ||
          (METRIC_ORDER.get(a.metric) ?? 0) - (METRIC_ORDER.get(b.metric) ?? 0),
      );
    this.listeners.notify();
  }
}

function channelKey(device: string, metric: MetricId): string {
  return `${device}\n${metric}`;
}
