import type { Reading } from '../../shared/domain/readings';

/**
 * When data (a numeric value or waveform samples, not a status) last arrived from each device, on
 * this page's monotonic clock. Arrival, not the readings' own times: a device's sample clock drifts
 * from the wall clock (a simulator on a busy machine falls seconds behind), and a trace that keeps
 * coming is not stale. Read at each render of the vitals (every second): no subscription of its own.
 */
export class DeviceActivity {
  private readonly lastArrival = new Map<string, number>();

  /** `now`: milliseconds on a monotonic clock, injected by the tests. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  ingest(readings: readonly Reading[]): void {
    const at = this.now();
    for (const reading of readings) if (carriesData(reading)) this.lastArrival.set(reading.device, at);
  }

  /** Milliseconds since the device's data last arrived, or null before any. */
  dataAgeMs(device: string): number | null {
    const last = this.lastArrival.get(device);
    return last === undefined ? null : this.now() - last;
  }
}

function carriesData(reading: Reading): boolean {
  switch (reading.type) {
    case 'numeric':
      return reading.value !== null;
    case 'waveform':
      return reading.samples.length > 0;
    case 'status':
      return false;
  }
}
