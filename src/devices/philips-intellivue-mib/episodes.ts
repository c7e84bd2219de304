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

/** What an object says when every value is void: "no result", emitted once like a result. */
const NO_RESULT = 'none';

export class EpisodeTracker {
  private readonly lastKeyByHandle = new Map<number, string>();
  /** Station time (ms) at the monitor's relative time 0. */
  private relativeAnchorMs: number | null = null;
  private lastRelative = 0;
  /** Station time minus the monitor's wall clock read as if UTC. */
  private absoluteOffsetMs: number | null = null;
  private poll: PollTime = { relative: 0, absolute: null };
  private pollMs = 0;

  /** Call once per poll result, before `next` for its objects. */
  startPoll(time: PollTime, atMs: number): void {
    if (this.relativeAnchorMs === null || time.relative < this.lastRelative) {
      this.relativeAnchorMs = atMs - time.relative / RELATIVE_TICKS_PER_MS;
    }
    this.lastRelative = time.relative;
    if (this.absoluteOffsetMs === null && time.absolute !== null)
      this.absoluteOffsetMs = atMs - time.absolute;
    this.poll = time;
    this.pollMs = atMs;
  }

  /**
   * Whether `values` of the object `dated` by its time stamps are a new measurement: its time if
   * so, null if the poll repeats what was last emitted for this handle.
   */
  next(handle: number, dated: Observation, values: readonly (number | null)[]): Episode | null {
    const allVoid = values.every((v) => v === null);
    const device = allVoid ? null : this.deviceTime(dated);
    const key = allVoid ? NO_RESULT : `${device?.key ?? 'arrival'}|${values.join(',')}`;
    if (this.lastKeyByHandle.get(handle) === key) return null;
    this.lastKeyByHandle.set(handle, key);
    return { timeMs: device?.timeMs ?? this.pollMs };
  }

  reset(): void {
    this.lastKeyByHandle.clear();
    this.relativeAnchorMs = null;
    this.absoluteOffsetMs = null;
  }

  private deviceTime(o: Observation): { key: string; timeMs: number } | null {
    if (o.relativeTimeStamp !== null && this.relativeAnchorMs !== null) {
      // Unsigned difference: a measurement taken before the u32 wrapped is still in the past.
      const ageMs = ((this.poll.relative - o.relativeTimeStamp) >>> 0) / RELATIVE_TICKS_PER_MS;
      const pollStationMs = this.relativeAnchorMs + this.poll.relative / RELATIVE_TICKS_PER_MS;
      return { key: `rel ${o.relativeTimeStamp}`, timeMs: Math.round(pollStationMs - ageMs) };
    }
    if (o.absoluteTimeStamp !== null && this.absoluteOffsetMs !== null) {
      return { key: `abs ${o.absoluteTimeStamp}`, timeMs: o.absoluteTimeStamp + this.absoluteOffsetMs };
    }
    return null;
  }
}
