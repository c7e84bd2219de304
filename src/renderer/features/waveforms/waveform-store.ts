import type { MetricId } from '../../../shared/domain/metrics';
import type { Reading } from '../../../shared/domain/readings';
import { RingBuffer } from './ring-buffer';

/**
 * One ring buffer per waveform metric. Deliberately not a React store: the canvas reads it every
 * animation frame, so no component re-renders per sample.
 */
export interface WaveformChannel {
  readonly metric: MetricId;
  readonly device: string;
  readonly rateHz: number;
  readonly buffer: RingBuffer;
}

/** Enough history for the widest window the settings allow (30 s), so resizing can redraw it. */
export const MAX_HISTORY_S = 30;

export class WaveformStore {
  private readonly channels = new Map<MetricId, WaveformChannel>();

  ingest(readings: readonly Reading[]): void {
    for (const reading of readings) {
      if (reading.type !== 'waveform') continue;
      let channel = this.channels.get(reading.metric);
      // A different device or rate means a different time base: start the trace afresh.
      if (channel === undefined || channel.rateHz !== reading.rateHz || channel.device !== reading.device) {
        channel = {
          metric: reading.metric,
          device: reading.device,
          rateHz: reading.rateHz,
          buffer: new RingBuffer(Math.ceil(reading.rateHz * MAX_HISTORY_S)),
        };
        this.channels.set(reading.metric, channel);
      }
      channel.buffer.pushAll(reading.samples);
    }
  }

  channel(metric: MetricId): WaveformChannel | undefined {
    return this.channels.get(metric);
  }
}
