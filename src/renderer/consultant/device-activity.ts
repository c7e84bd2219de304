import type { Reading } from '../../shared/domain/readings';

/**
 * When each device last sent data (a numeric or a waveform sample, not a status), on the doctor's
 * clock: the readings reach the sinks already shifted onto it (vitals-link.ts). The newest time
 * wins, so a backfill of old batches after a cut never makes a silent device look alive. Read at
 * each render of the vitals (every second): no subscription of its own.
 */
export class DeviceActivity {
  private readonly lastData = new Map<string, number>();

  ingest(readings: readonly Reading[]): void {
    for (const reading of readings) {
      const at = dataTimeMs(reading);
      if (at === null || !Number.isFinite(at)) continue;
      if (at > (this.lastData.get(reading.device) ?? -Infinity)) this.lastData.set(reading.device, at);
    }
  }

  /** Epoch ms of the device's newest data on the doctor's clock, or null before any. */
  lastDataMs(device: string): number | null {
    return this.lastData.get(device) ?? null;
  }
}

function dataTimeMs(reading: Reading): number | null {
  switch (reading.type) {
    case 'numeric':
      return reading.value === null ? null : Date.parse(reading.time);
    case 'waveform':
      // The last sample's time: a one-second batch is as fresh as its end.
      return Date.parse(reading.start) + (Math.max(reading.samples.length - 1, 0) * 1000) / reading.rateHz;
    case 'status':
      return null;
  }
}
