import { isoTimeOf, type WaveformReading } from '../../shared/domain/readings';

/**
 * Starts are ISO strings rounded to the millisecond, so a waveform that continues the previous one
 * exactly can look up to 1 ms early (both starts rounded, in opposite directions): not an overlap.
 */
const ROUNDING_MS = 1;

/** What the timeline did to waveforms that would have overlapped, counted for the device. */
export interface TimelineCorrections {
  /** Readings dropped as an exact repeat of one already sent. */
  duplicates: number;
  /** Waveforms moved later to start where the previous one ended. */
  shiftedWaveforms: number;
  /** The largest such move, in ms. */
  maxShiftMs: number;
}

export function noCorrections(): TimelineCorrections {
  return { duplicates: 0, shiftedWaveforms: 0, maxShiftMs: 0 };
}

/**
 * One channel's waveforms (a device's pleth, one ECG lead) as they leave the host: each starts at
 * or after the end of the one before (start + samples / rate), so no sample time is sent twice
 * and time never runs backwards on a screen, in the record or on the doctor's side.
 *
 * The drivers' sample clock already keeps each stream monotonic; this is the net under it, for
 * what a clock cannot see: a reconnect whose new session anchors before the old one's last sample,
 * a decoder that restarts its clock, a reading handed over twice. A waveform that would start
 * inside the previous one is
 * - dropped if it is that same waveform again (same start, rate and samples);
 * - otherwise shifted to start where the previous one ended: its samples are new, only their time
 *   is wrong, and later is the only direction that keeps the channel monotonic. Overlapping samples
 *   are not trimmed even when their values match the previous ones: a restarted clock's new samples
 *   match by chance often enough (a flat ECG, a run of nulls) that trimming lost real data.
 * A waveform that starts later than the previous end is a gap, and passes as it is.
 */
export class WaveformTimeline {
  private last: WaveformReading | null = null;
  private lastEndMs = Number.NEGATIVE_INFINITY;

  admit(reading: WaveformReading, corrections: TimelineCorrections): WaveformReading | null {
    const startMs = Date.parse(reading.start);
    const periodMs = 1000 / reading.rateHz;
    const overlapMs = this.lastEndMs - startMs;
    if (!(overlapMs > ROUNDING_MS)) return this.accept(reading, startMs, periodMs);
    if (this.isRepeat(reading)) {
      corrections.duplicates++;
      return null;
    }
    corrections.shiftedWaveforms++;
    corrections.maxShiftMs = Math.max(corrections.maxShiftMs, overlapMs);
    const shiftedStartMs = this.lastEndMs;
    return this.accept(
      { ...reading, start: isoTimeOf(Math.round(shiftedStartMs)) },
      shiftedStartMs,
      periodMs,
    );
  }

  private accept(reading: WaveformReading, startMs: number, periodMs: number): WaveformReading {
    this.last = reading;
    this.lastEndMs = startMs + reading.samples.length * periodMs;
    return reading;
  }

  private isRepeat(reading: WaveformReading): boolean {
    const last = this.last;
    return (
      last !== null &&
      last.start === reading.start &&
      last.rateHz === reading.rateHz &&
      sameSamples(last.samples, reading.samples)
    );
  }
}

function sameSamples(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
