import { isoTimeOf, type WaveformReading } from '../../shared/domain/readings';

/**
 * Starts are ISO strings rounded to the millisecond, so a waveform that continues the previous one
 * exactly can look up to 1 ms early (both starts rounded, in opposite directions): not an overlap.
 */
const ROUNDING_MS = 1;

/** What the timeline did to waveforms that would have overlapped, counted for the device. */
export interface TimelineCorrections {
  /** Waveforms dropped as an exact repeat of the previous one. */
  duplicates: number;
  /** Samples dropped because they repeated, at the same times, samples already sent. */
  trimmedSamples: number;
  /** Waveforms moved later to start where the previous one ended. */
  shiftedWaveforms: number;
  /** The largest such move, in ms. */
  maxShiftMs: number;
}

export function noCorrections(): TimelineCorrections {
  return { duplicates: 0, trimmedSamples: 0, shiftedWaveforms: 0, maxShiftMs: 0 };
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
 * - dropped if it is that same waveform again;
 * - trimmed if its overlapping samples repeat the previous waveform's, slot for slot (a resend:
 *   those samples were sent already);
 * - otherwise shifted to start where the previous one ended: its samples are new, only their
 *   time is wrong, and later is the only direction that keeps the channel monotonic.
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
    const repeated = this.repeatedSamples(reading, periodMs, overlapMs);
    if (repeated > 0) {
      corrections.trimmedSamples += repeated;
      if (repeated === reading.samples.length) return null;
      const trimmedStartMs = startMs + repeated * periodMs;
      const trimmed = {
        ...reading,
        start: isoTimeOf(Math.round(trimmedStartMs)),
        samples: reading.samples.slice(repeated),
      };
      return this.accept(trimmed, trimmedStartMs, periodMs);
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
      last.samples.length === reading.samples.length &&
      sameSamples(last.samples, 0, reading.samples, 0, reading.samples.length)
    );
  }

  /**
   * How many leading samples of `reading` sit exactly on the previous waveform's last slots with the
   * same values (0 when the overlap is not whole periods of the same rate, or any value differs).
   */
  private repeatedSamples(reading: WaveformReading, periodMs: number, overlapMs: number): number {
    const last = this.last;
    if (last === null || last.rateHz !== reading.rateHz) return 0;
    const slots = Math.round(overlapMs / periodMs);
    if (slots === 0 || Math.abs(slots * periodMs - overlapMs) > ROUNDING_MS) return 0;
    // The overlap is the previous waveform's last `slots` samples (when it had that many).
    const from = last.samples.length - slots;
    if (from < 0) return 0;
    const count = Math.min(slots, reading.samples.length);
    return sameSamples(last.samples, from, reading.samples, 0, count) ? count : 0;
  }
}

function sameSamples(
  a: readonly (number | null)[],
  aFrom: number,
  b: readonly (number | null)[],
  bFrom: number,
  count: number,
): boolean {
  if (aFrom + count > a.length || bFrom + count > b.length) return false;
  for (let i = 0; i < count; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}
