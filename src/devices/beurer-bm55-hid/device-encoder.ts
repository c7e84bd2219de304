import { FLAG_BIT, PRESSURE_OFFSET_MMHG, RECORD, YEAR_BASE } from './constants';
import type { Bm55Record } from './frames';

/** The record as the device encodes it (simulator, tests). */
export function encodeRecord(r: Bm55Record): Uint8Array {
  const out = new Uint8Array(8);
  out[RECORD.systolic] = r.systolic - PRESSURE_OFFSET_MMHG;
  out[RECORD.diastolic] = r.diastolic - PRESSURE_OFFSET_MMHG;
  out[RECORD.pulse] = r.pulse;
  out[RECORD.month] = r.time.month | (r.resting ? FLAG_BIT : 0);
  out[RECORD.day] = r.time.day | (r.userB ? FLAG_BIT : 0);
  out[RECORD.hour] = r.time.hour;
  out[RECORD.minute] = r.time.minute;
  out[RECORD.year] = (r.time.year - YEAR_BASE) | (r.arrhythmia ? FLAG_BIT : 0);
  return out;
}
