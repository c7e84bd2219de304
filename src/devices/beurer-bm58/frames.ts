import type { WallClockTime } from '../bp/device-clock';
import { frameError, type FrameError } from '../framing/frame-error';
import {
  MAX_YEAR_BYTE,
  PRESSURE_OFFSET_MMHG,
  RECORD,
  RECORD_HEADER,
  RECORD_LENGTH,
  YEAR_BASE,
} from './constants';

export type { FrameError } from '../framing/frame-error';

/** One stored measurement as the device keeps it: its own wall-clock date and time, to the minute. */
export interface StoredMeasurement {
  readonly systolic: number;
  readonly diastolic: number;
  readonly pulse: number;
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/**
 * Parses the 9-byte record at `offset` (the caller checked that 9 bytes are there). The record
 * has no checksum, so its date and time are the only check that these bytes are a record.
 */
export function parseRecord(bytes: Uint8Array, offset = 0): StoredMeasurement | FrameError {
  if (bytes.length - offset < RECORD_LENGTH) {
    return frameError('malformed', `a record is ${RECORD_LENGTH} bytes, got ${bytes.length - offset}`);
  }
  const b = (field: number): number => bytes[offset + field];
  if (b(RECORD.header) !== RECORD_HEADER) {
    return frameError('malformed', `record header 0x${b(RECORD.header).toString(16)} is not 0xAC`);
  }
  const year = b(RECORD.year);
  const month = b(RECORD.month);
  const day = b(RECORD.day);
  const hour = b(RECORD.hour);
  const minute = b(RECORD.minute);
  if (year > MAX_YEAR_BYTE || month < 1 || month > 12 || hour > 23 || minute > 59) {
    return frameError('out-of-range', `date ${year}-${month}-${day} ${hour}:${minute} is not a date`);
  }
  if (day < 1 || day > daysInMonth(YEAR_BASE + year, month)) {
    return frameError('out-of-range', `day ${day} does not exist in month ${month}`);
  }
  return {
    systolic: b(RECORD.systolic) + PRESSURE_OFFSET_MMHG,
    diastolic: b(RECORD.diastolic) + PRESSURE_OFFSET_MMHG,
    pulse: b(RECORD.pulse),
    year: YEAR_BASE + year,
    month,
    day,
    hour,
    minute,
  };
}

/** The record's date and time as the device's clock showed it (no seconds are stored). */
export function wallClockOf(m: StoredMeasurement): WallClockTime {
  return { year: m.year, month: m.month, day: m.day, hour: m.hour, minute: m.minute, second: 0 };
}

/**
 * The measurement time as epoch ms at a fixed offset (`utcOffsetMinutes` = local − UTC of the zone
 * the clock was set in; 0 reads it as UTC). The decoder uses a DeviceClockZone instead, which
 * follows daylight-saving changes.
 */
export function measurementTimeMs(m: StoredMeasurement, utcOffsetMinutes = 0): number {
  return Date.UTC(m.year, m.month - 1, m.day, m.hour, m.minute) - utcOffsetMinutes * 60_000;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}
