import { isoTimeOf } from '../../shared/domain/readings';

/**
 * `isoTimeOf(Math.round(ms))` for 1 Hz line devices, where every reading falls in a new second and
 * the per-second IsoTimeCache (framing/) would format a Date for every line — which cost a third of
 * the decoders' time. Here the "YYYY-MM-DDTHH:" prefix is formatted once per hour and minutes,
 * seconds and milliseconds are computed. Shared with nellcor-ascii; a candidate for framing/.
 */
export class HourlyIsoTime {
  private hour = Number.NaN;
  private prefix = '';

  format(epochMs: number): string {
    const whole = Math.round(epochMs);
    const hour = Math.floor(whole / MS_PER_HOUR);
    if (hour !== this.hour) {
      const iso = isoTimeOf(hour * MS_PER_HOUR);
      this.hour = hour;
      // Up to and including the hour's colon; years beyond 9999 have a longer (±YYYYYY) date part.
      this.prefix = iso.slice(0, iso.indexOf('T') + 4);
    }
    const inHour = whole - hour * MS_PER_HOUR;
    const minutes = Math.floor(inHour / 60_000);
    const seconds = Math.floor((inHour % 60_000) / 1000);
    const millis = inHour % 1000;
    return `${this.prefix}${two(minutes)}:${two(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
  }
}

const MS_PER_HOUR = 3_600_000;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
