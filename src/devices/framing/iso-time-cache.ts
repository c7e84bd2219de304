import { isoTimeOf } from '../../shared/domain/readings';

/**
 * `isoTimeOf` for a stream of nearby times, rounded to whole milliseconds. Formatting a Date costs
 * about a microsecond, which at decoder throughput dominated everything else; readings cluster
 * within the same second, so the "YYYY-MM-DDTHH:MM:SS." part is formatted by `isoTimeOf` once per
 * second and only the milliseconds are appended. Output is identical to `isoTimeOf(Math.round(ms))`.
 */
export class IsoTimeCache {
  private second = Number.NaN;
  private prefix = '';

  format(epochMs: number): string {
    const whole = Math.round(epochMs);
    const second = Math.floor(whole / 1000);
    if (second !== this.second) {
      const iso = isoTimeOf(second * 1000);
      this.second = second;
      this.prefix = iso.slice(0, iso.lastIndexOf('.') + 1);
    }
    const milli = whole - second * 1000;
    return `${this.prefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  }
}
