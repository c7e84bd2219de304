/**
 * A stored measurement carries the device's own wall-clock time (year … second, no time zone):
 * the user set the clock to local time. Converting it to the contract's UTC instant needs a zone;
 * the station's local zone is the right one for a device on the same desk. Injectable, so tests
 * and captures from elsewhere can decode in UTC and give the same output on every machine.
 */
export interface WallClockTime {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export interface DeviceClockZone {
  toEpochMs(time: WallClockTime): number;
  toWallClock(epochMs: number): WallClockTime;
}

/** The station's own time zone (where the device's clock was set). */
export const LOCAL_ZONE: DeviceClockZone = {
  toEpochMs: (t) => new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second).getTime(),
  toWallClock: (ms) => {
    const d = new Date(ms);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
    };
  },
};

export const UTC_ZONE: DeviceClockZone = {
  toEpochMs: (t) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second),
  toWallClock: (ms) => {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  },
};

/**
 * A zone that is always `utcOffsetMinutes` (local − UTC) from UTC: for captures decoded elsewhere
 * and for a driver told the offset. Unlike LOCAL_ZONE it ignores daylight-saving changes.
 */
export function fixedOffsetZone(utcOffsetMinutes: number): DeviceClockZone {
  if (utcOffsetMinutes === 0) return UTC_ZONE;
  const offsetMs = utcOffsetMinutes * 60_000;
  return {
    toEpochMs: (t) => UTC_ZONE.toEpochMs(t) - offsetMs,
    toWallClock: (ms) => UTC_ZONE.toWallClock(ms + offsetMs),
  };
}

/** Why a wall-clock time cannot be a real date, or null when it can. */
export function wallClockError(t: WallClockTime): string | null {
  if (t.month < 1 || t.month > 12) return `month ${t.month} is not 1..12`;
  const daysInMonth = t.month === 2 && isLeapYear(t.year) ? 29 : DAYS_IN_MONTH[t.month - 1];
  if (t.day < 1 || t.day > daysInMonth) return `day ${t.day} is not 1..${daysInMonth}`;
  if (t.hour > 23) return `hour ${t.hour} is not 0..23`;
  if (t.minute > 59) return `minute ${t.minute} is not 0..59`;
  if (t.second > 59) return `second ${t.second} is not 0..59`;
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MAX_REMEMBERED_TIMES = 4096;

/**
 * The same zone, remembering recent conversions: a download walks the same few stored record
 * times again and again, and a local-time conversion costs far more than a lookup. Exact: a cached
 * answer is the zone's own answer for the same wall-clock fields.
 */
export function rememberingZone(zone: DeviceClockZone): DeviceClockZone {
  const epochs = new Map<number, number>();
  return {
    toEpochMs(t) {
      const key = ((((t.year * 13 + t.month) * 32 + t.day) * 24 + t.hour) * 60 + t.minute) * 60 + t.second;
      let epochMs = epochs.get(key);
      if (epochMs === undefined) {
        if (epochs.size >= MAX_REMEMBERED_TIMES) epochs.clear();
        epochMs = zone.toEpochMs(t);
        epochs.set(key, epochMs);
      }
      return epochMs;
    },
    toWallClock: (epochMs) => zone.toWallClock(epochMs),
  };
}
