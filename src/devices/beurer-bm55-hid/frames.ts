import { wallClockError, type WallClockTime } from '../bp/device-clock';
import { FLAG_BIT, PRESSURE_OFFSET_MMHG, RECORD, VALUE_MASK, YEAR_BASE } from './constants';

/**
 * One stored measurement, as the device sends it in one 8-byte report. The report carries no type,
 * length or checksum: a reply is a record only if its fields form a real date and time. Any other
 * reply (the count, the init answer) is left to the host, which knows what it asked.
 */
export interface Bm55Record {
  readonly time: WallClockTime;
  readonly systolic: number;
  readonly diastolic: number;
  readonly pulse: number;
  readonly resting: boolean;
  readonly userB: boolean;
  readonly arrhythmia: boolean;
}

export function parseRecord(report: Uint8Array): Bm55Record | null {
  if (report.length < 8) return null;
  const time: WallClockTime = {
    year: YEAR_BASE + (report[RECORD.year] & VALUE_MASK),
    month: report[RECORD.month] & VALUE_MASK,
    day: report[RECORD.day] & VALUE_MASK,
    hour: report[RECORD.hour],
    minute: report[RECORD.minute],
    second: 0,
  };
  if (wallClockError(time) !== null) return null;
  return {
    time,
    systolic: report[RECORD.systolic] + PRESSURE_OFFSET_MMHG,
    diastolic: report[RECORD.diastolic] + PRESSURE_OFFSET_MMHG,
    pulse: report[RECORD.pulse],
    resting: (report[RECORD.month] & FLAG_BIT) !== 0,
    userB: (report[RECORD.day] & FLAG_BIT) !== 0,
    arrhythmia: (report[RECORD.year] & FLAG_BIT) !== 0,
  };
}
