import { RELATIVE_TICKS_PER_MS } from './constants';
import type { Observation, PollTime } from './messages';

/**
 * Episodic numerics (an NIBP result, a spot temperature) are measured once, then held: the monitor
 * repeats the last result in every poll reply. This decides, per numeric object (handle), whether
 * a poll brings a new measurement, and when it was measured (PROTOCOL.md, "Episodic numerics"):
 * - the measurement is identified by the object's own time stamp when the monitor sends one
 *   (NOM_ATTR_TIME_STAMP_REL, else NOM_ATTR_TIME_STAMP_ABS) together with its values, else by its
 *   values alone; a poll whose object says the same as the last one emitted adds nothing;
 * - its time is the device's time stamp placed on the station's clock: the monitor's age of the
 *   measurement (poll time stamp − observation time stamp, same clock, so the monitor's time zone
 *   and clock error cancel) before the poll's arrival. Without a time stamp it is the arrival of
 *   the poll where the result first appeared or changed.
 * The relative clock is anchored once (station time at relative time 0, from the first poll), so
 * the four values of one cuff result get the same time even when they arrive in different polls;
 * it is re-anchored when the relative time goes back (the monitor restarted, or the u32 wrapped).
 */

/** A new measurement to emit, with its time on the station's clock. */
export interface Episode {
  readonly timeMs: number;
}

/** What dates a measurement: its relative or absolute time stamp, its arrival, or no result at all. */
const enum Dating {
  Relative,
  Absolute,
  Arrival,
  NoResult,
}

/** What was last emitted for one object: how it was dated, the stamp, and its values. */
interface Emitted {
  readonly dating: Dating;
  readonly stamp: number;
  readonly values: readonly (number | null)[];
}

export class EpisodeTracker {
  private readonly emitted = new Map<number, Emitted>();
  /** Station time (ms) at the monitor's relative time 0. */
  private relativeAnchorMs: number | null = null;
  private lastRelative = 0;
  /** Station time minus the monitor's wall clock read as if UTC. */
  private absoluteOffsetMs: number | null = null;
  private pollRelative = 0;
  private pollMs = 0;

  /** Call once per poll result, before `next` for its objects. */
  startPoll(time: PollTime, atMs: number): void {
    if (this.relativeAnchorMs === null || time.relative < this.lastRelative) {
      this.relativeAnchorMs = atMs - time.relative / RELATIVE_TICKS_PER_MS;
    }
    this.lastRelative = time.relative;
    if (this.absoluteOffsetMs === null && time.absolute !== null)
      this.absoluteOffsetMs = atMs - time.absolute;
    this.pollRelative = time.relative;
    this.pollMs = atMs;
  }

  /**
   * Whether `values` of the object `dated` by its time stamps are a new measurement: its time if
   * so, null if the poll repeats what was last emitted for this handle. Runs for every episodic
   * object of every poll, so it compares instead of building keys.
   */
  next(handle: number, dated: Observation, values: readonly (number | null)[]): Episode | null {
    const dating = this.datingOf(dated, values);
    const stamp =
      dating === Dating.Relative
        ? (dated.relativeTimeStamp ?? 0)
        : dating === Dating.Absolute
          ? (dated.absoluteTimeStamp ?? 0)
          : 0;
    const last = this.emitted.get(handle);
    if (last?.dating === dating && last.stamp === stamp && sameValues(last.values, values)) return null;
    this.emitted.set(handle, { dating, stamp, values: values.slice() });
    return { timeMs: this.timeOf(dating, stamp) };
  }

  reset(): void {
    this.emitted.clear();
    this.relativeAnchorMs = null;
    this.absoluteOffsetMs = null;
  }

  private datingOf(o: Observation, values: readonly (number | null)[]): Dating {
    if (values.every((v) => v === null)) return Dating.NoResult;
    if (o.relativeTimeStamp !== null && this.relativeAnchorMs !== null) return Dating.Relative;
    if (o.absoluteTimeStamp !== null && this.absoluteOffsetMs !== null) return Dating.Absolute;
    return Dating.Arrival;
  }

  private timeOf(dating: Dating, stamp: number): number {
    if (dating === Dating.Relative && this.relativeAnchorMs !== null) {
      // Unsigned difference: a measurement taken before the u32 wrapped is still in the past.
      const ageMs = ((this.pollRelative - stamp) >>> 0) / RELATIVE_TICKS_PER_MS;
      return Math.round(this.relativeAnchorMs + this.pollRelative / RELATIVE_TICKS_PER_MS - ageMs);
    }
    if (dating === Dating.Absolute && this.absoluteOffsetMs !== null) return stamp + this.absoluteOffsetMs;
    return this.pollMs;
  }
}

function sameValues(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
