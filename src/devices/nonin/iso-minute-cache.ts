import { isoTimeOf } from '../../shared/domain/readings';

/**
 * `isoTimeOf(Math.round(ms))` for a stream of nearby times, with the "YYYY-MM-DDTHH:MM:" prefix
 * formatted once per minute. The shared IsoTimeCache caches per second, which is every frame of
 * format #8 (one frame a second) and every spot-check record of #13: there, Date formatting was
 * most of the decoder's time.
 */
export class IsoMinuteCache {
  private minute = Number.NaN;
  private prefix = '';
  /**
   * Recent prefixes: a chunk's frames are timed back from its arrival, so consecutive chunks may
   * revisit the same minutes (a burst of #8 frames spans many of them).
   */
  private readonly prefixes = new Map<number, string>();

  format(epochMs: number): string {
    const whole = Math.round(epochMs);
    const minute = Math.floor(whole / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.prefix = this.prefixes.get(minute) ?? this.formatPrefix(minute);
    }
    const withinMinute = whole - minute * 60_000;
    const second = Math.floor(withinMinute / 1000);
    const milli = withinMinute - second * 1000;
    return this.prefix + SECONDS[second] + MILLIS[milli];
  }

  private formatPrefix(minute: number): string {
    if (this.prefixes.size >= MAX_CACHED_MINUTES) this.prefixes.clear();
    const iso = isoTimeOf(minute * 60_000);
    const prefix = iso.slice(0, iso.lastIndexOf(':') + 1);
    this.prefixes.set(minute, prefix);
    return prefix;
  }
}

const MAX_CACHED_MINUTES = 256;

/** "00." … "59." and "000Z" … "999Z": two lookups instead of padding on every call. */
const SECONDS = Array.from({ length: 60 }, (_, s) => `${String(s).padStart(2, '0')}.`);
const MILLIS = Array.from({ length: 1000 }, (_, ms) => `${String(ms).padStart(3, '0')}Z`);
