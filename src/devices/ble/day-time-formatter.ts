import { isoTimeOf } from '../../shared/domain/readings';

/**
 * `isoTimeOf(Math.round(ms))` for reading times, without a Date per call. BLE values arrive about
 * once a second, so the per-second cache of framing/IsoTimeCache misses on every value and
 * toISOString dominated the decoders' cost; here only the "YYYY-MM-DDT" part is cached (per UTC
 * day, a few days at once: a cuff's stored measurements carry their own dates between live ones)
 * and the time of day is plain arithmetic. Output is identical to isoTimeOf.
 */
const MS_PER_DAY = 86_400_000;
const MAX_CACHED_DAYS = 64;

export class DayTimeFormatter {
  private readonly prefixes = new Map<number, string>();

  format(epochMs: number): string {
    const whole = Math.round(epochMs);
    const dayStart = Math.floor(whole / MS_PER_DAY) * MS_PER_DAY;
    let prefix = this.prefixes.get(dayStart);
    if (prefix === undefined) {
      const iso = isoTimeOf(dayStart);
      prefix = iso.slice(0, iso.indexOf('T') + 1);
      if (this.prefixes.size >= MAX_CACHED_DAYS) this.prefixes.clear();
      this.prefixes.set(dayStart, prefix);
    }
    let rest = whole - dayStart;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    const milli = rest - seconds * 1000;
    return `${prefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  }
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}
