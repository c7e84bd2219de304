import { isoTimeOf } from '../../shared/domain/readings';

/**
 * `isoTimeOf(Math.round(ms))` for the reading times of one decoder, without a Date per call.
 * Formatting a Date costs about a microsecond, which at decoder throughput dominated everything
 * else. Times come in nearby runs — many samples a second for waveforms, one line a second for
 * spot-check monitors, chunks timed back from their arrival that revisit recent minutes, stored
 * measurements on other days — so the "YYYY-MM-DDTHH:MM:" prefix of the current minute is kept, a
 * new minute's prefix is the cached date of its day plus a looked-up time of day, and seconds and
 * milliseconds are two more lookups. A Date is formatted once per UTC day seen (a few kept).
 * Output is identical to `isoTimeOf(Math.round(ms))`, for any time isoTimeOf accepts.
 */
export class IsoTimeFormatter {
  private minute = Number.NaN;
  private prefix = '';
  /** "YYYY-MM-DDT" by UTC day number; bounded, as a long recording spans ever new days. */
  private readonly dates = new Map<number, string>();

  format(epochMs: number): string {
    const whole = Math.round(epochMs);
    const minute = Math.floor(whole / MS_PER_MINUTE);
    if (minute !== this.minute || whole > LATEST_DATE_MS) {
      // The latest Date is the first millisecond of its minute: later ones throw, as in isoTimeOf.
      if (whole > LATEST_DATE_MS) return isoTimeOf(whole);
      this.prefix = this.minutePrefix(minute);
      this.minute = minute;
    }
    const inMinute = whole - minute * MS_PER_MINUTE;
    const second = Math.floor(inMinute / 1000);
    return this.prefix + SECONDS[second] + MILLIS[inMinute - second * 1000];
  }

  private minutePrefix(minute: number): string {
    const day = Math.floor(minute / MINUTES_PER_DAY);
    let date = this.dates.get(day);
    if (date === undefined) {
      // Years beyond 9999 (and before 0) have a longer ±YYYYYY date part: slice at the 'T'.
      const iso = isoTimeOf(day * MINUTES_PER_DAY * MS_PER_MINUTE);
      date = iso.slice(0, iso.indexOf('T') + 1);
      if (this.dates.size >= MAX_CACHED_DAYS) this.dates.clear();
      this.dates.set(day, date);
    }
    return date + MINUTES_OF_DAY[minute - day * MINUTES_PER_DAY];
  }
}

const MS_PER_MINUTE = 60_000;
/** The latest time a Date can hold (ECMA-262 §21.4.1.1): 100,000,000 days after the epoch. */
const LATEST_DATE_MS = 8.64e15;
const MINUTES_PER_DAY = 1440;
const MAX_CACHED_DAYS = 64;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "00:00:" … "23:59:", "00." … "59." and "000Z" … "999Z": lookups instead of padding per call. */
const MINUTES_OF_DAY = Array.from(
  { length: MINUTES_PER_DAY },
  (_, m) => `${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}:`,
);
const SECONDS = Array.from({ length: 60 }, (_, s) => `${pad(s, 2)}.`);
const MILLIS = Array.from({ length: 1000 }, (_, ms) => `${pad(ms, 3)}Z`);
