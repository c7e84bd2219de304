import type { Reading } from '../../../shared/domain/readings';

/**
 * What of a batch the screen takes. A batch that first arrives after a later one (its live copy
 * was lost; the backfill brought it) is behind what the screen shows: its waveform samples would
 * be drawn out of place, so they stay out; numerics go in (the store keeps the newest per metric,
 * so an old value never replaces a newer one, and a blood-pressure result is never missed); a
 * status only if no newer status of that device was shown.
 */
export class LateFilter {
  private readonly statusTimes = new Map<string, string>();

  forScreen(readings: readonly Reading[], late: boolean): readonly Reading[] {
    const kept = late ? readings.filter((reading) => this.stillCurrent(reading)) : readings;
    for (const reading of kept)
      if (reading.type === 'status' && (this.statusTimes.get(reading.device) ?? '') < reading.time)
        this.statusTimes.set(reading.device, reading.time);
    return kept;
  }

  private stillCurrent(reading: Reading): boolean {
    if (reading.type === 'waveform') return false;
    if (reading.type === 'numeric') return true;
    return (this.statusTimes.get(reading.device) ?? '') < reading.time;
  }
}
