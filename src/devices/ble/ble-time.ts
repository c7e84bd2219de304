import type { DeviceClockZone } from '../bp/device-clock';
import { frameError, type FrameError } from '../framing/frame-error';

/**
 * The Bluetooth "Date Time" field (7 bytes): year u16 LE, month, day, hours, minutes, seconds
 * (device-protocols §9). It carries no time zone: a health device shows and stamps local wall-clock
 * time (set by the user or by the Current Time Service), so the caller says which zone that is and
 * we return UTC epoch ms. A `zone` converts each date with the offset in force on that date (a
 * cuff's reading stored before a daylight-saving change keeps its true instant); without one,
 * `utcOffsetMinutes` (local − UTC, e.g. +60 for CET) applies to every date.
 *
 * Per the SIG definition (org.bluetooth.characteristic.date_time) a zero year, month or day means
 * "not known": then there is no timestamp (the caller uses the arrival time). Any other field out
 * of range (month 13, 25 h, 30 February) is a corrupted value: a frame error, because a wrong date
 * on a stored measurement is worse than none.
 */
export const DATE_TIME_BYTES = 7;
const MIN_YEAR = 1582;
const MAX_YEAR = 9999;

export function readDateTime(
  bytes: Uint8Array,
  offset: number,
  utcOffsetMinutes: number,
  zone?: DeviceClockZone,
): number | null | FrameError {
  const year = bytes[offset] | (bytes[offset + 1] << 8);
  const month = bytes[offset + 2];
  const day = bytes[offset + 3];
  const hours = bytes[offset + 4];
  const minutes = bytes[offset + 5];
  const seconds = bytes[offset + 6];
  if (year === 0 || month === 0 || day === 0) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month > 12 || hours > 23 || minutes > 59 || seconds > 59) {
    return badDate(year, month, day, hours, minutes, seconds);
  }
  if (day > daysInMonth(year, month)) return badDate(year, month, day, hours, minutes, seconds);
  if (zone !== undefined) {
    return zone.toEpochMs({ year, month, day, hour: hours, minute: minutes, second: seconds });
  }
  const utcSeconds = daysFromCivil(year, month, day) * 86_400 + hours * 3600 + minutes * 60 + seconds;
  return (utcSeconds - utcOffsetMinutes * 60) * 1000;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Days from 1970-01-01 to a proleptic-Gregorian date (the calendar of JavaScript's Date), by
 * H. Hinnant's civil-calendar arithmetic; no Date object on the per-value path.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function badDate(...fields: number[]): FrameError {
  return frameError('out-of-range', `date-time out of range: ${fields.join(' ')}`);
}
