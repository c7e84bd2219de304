import { ETX, OP, SELECT_FORMAT_TYPE, STX, TIME_FIELDS, isDataFormat, type DataFormat } from './constants';

/**
 * Host → device commands (reference/device-protocols.md §3): `STX op size payload… ETX`.
 * Checked byte for byte against the document's examples in test/devices/nonin/commands.test.ts.
 */

/** `02 70 02 02 ZZ 03`: select data format ZZ (persists in the device's memory). */
export function selectFormat(format: DataFormat): Uint8Array {
  if (!isDataFormat(format))
    throw new TypeError(`Nonin data format must be 2, 7, 8 or 13, got ${String(format)}`);
  return Uint8Array.of(STX, OP.selectFormat, 2, SELECT_FORMAT_TYPE, format, ETX);
}

/** Date and time as the device keeps them: no time zone, two-digit year 2000..2099. */
export interface DeviceClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** `02 72 06 YY MM DD hh mm ss 03` (binary, not BCD); the device does not reply. */
export function setTime(clock: DeviceClock): Uint8Array {
  check('year', clock.year, 2000, 2099);
  check('month', clock.month, 1, 12);
  check('day', clock.day, 1, 31);
  check('hour', clock.hour, 0, 23);
  check('minute', clock.minute, 0, 59);
  check('second', clock.second, 0, 59);
  return Uint8Array.of(STX, OP.time, TIME_FIELDS, ...clockBytes(clock), ETX);
}

/** `02 72 00 03`; the device answers `02 F2 06 YY MM DD hh mm ss 03`. */
export function getTime(): Uint8Array {
  return Uint8Array.of(STX, OP.time, 0, ETX);
}

export function clockBytes(clock: DeviceClock): number[] {
  return [clock.year - 2000, clock.month, clock.day, clock.hour, clock.minute, clock.second];
}

/** The device clock for a UTC time (the simulator keeps its clock in UTC). */
export function clockOfUtc(epochMs: number): DeviceClock {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function utcOfClock(clock: DeviceClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** Whether the fields form a real calendar date and time (31 February is not one). Allocation-free. */
export function isValidClock(clock: DeviceClock): boolean {
  const { year, month, day, hour, minute, second } = clock;
  if (!(month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23)) return false;
  if (!(minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function check(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${name} must be an integer ${min}..${max}, got ${value}`);
  }
}
