import { ABSOLUTE_TIME_BYTES } from './constants';

/**
 * IntelliVue AbsoluteTime: 8 BCD bytes — century, year, month, day, hour, minute, second,
 * fraction (PROTOCOL.md). The monitor's wall clock carries no time zone, so the decoder never
 * reads it as a date on its own: it only compares two of them (an observation's time stamp with
 * the poll reply's), which makes the zone cancel out. Hence "as if UTC" below.
 * A monitor whose clock is not set sends 0xFF bytes (VSCaptureMP treats them as "no time").
 */

/** Milliseconds since 1970 reading the wall-clock fields as if UTC; null when unset or not BCD. */
export function decodeAbsoluteTime(bytes: Uint8Array, offset: number): number | null {
  if (offset + ABSOLUTE_TIME_BYTES > bytes.length) return null;
  const digits: number[] = [];
  for (let i = 0; i < ABSOLUTE_TIME_BYTES; i++) {
    const value = bcd(bytes[offset + i]);
    if (value === null) return null;
    digits.push(value);
  }
  const [century, year, month, day, hour, minute, second, hundredths] = digits;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const ms = Date.UTC(century * 100 + year, month - 1, day, hour, minute, second, hundredths * 10);
  // Date.UTC rolls 31 February over into March: such a date is not a time the monitor meant.
  return new Date(ms).getUTCDate() === day ? ms : null;
}

/** The 8 BCD bytes of a wall-clock time given as ms since 1970 read as UTC (simulator, tests). */
export function encodeAbsoluteTime(epochMs: number): Uint8Array {
  const d = new Date(epochMs);
  const year = d.getUTCFullYear();
  return Uint8Array.from(
    [
      Math.floor(year / 100),
      year % 100,
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      Math.floor(d.getUTCMilliseconds() / 10),
    ].map(toBcd),
  );
}

/** An unset clock: every byte 0xFF. */
export const UNSET_ABSOLUTE_TIME: Uint8Array = new Uint8Array(ABSOLUTE_TIME_BYTES).fill(0xff);

function bcd(byte: number): number | null {
  const high = byte >> 4;
  const low = byte & 0x0f;
  return high > 9 || low > 9 ? null : high * 10 + low;
}

function toBcd(value: number): number {
  return ((Math.floor(value / 10) % 10) << 4) | (value % 10);
}
