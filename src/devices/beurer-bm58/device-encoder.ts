import {
  DESCRIPTION_LENGTH,
  PRESSURE_OFFSET_MMHG,
  RECORD,
  RECORD_HEADER,
  RECORD_LENGTH,
  YEAR_BASE,
} from './constants';
import type { StoredMeasurement } from './frames';

/** Device → host replies, for the simulator and tests. The inverse of frames.ts. */
export function encodeRecord(m: StoredMeasurement): Uint8Array {
  const bytes = new Uint8Array(RECORD_LENGTH);
  bytes[RECORD.header] = RECORD_HEADER;
  bytes[RECORD.systolic] = byte('systolic − 25', m.systolic - PRESSURE_OFFSET_MMHG);
  bytes[RECORD.diastolic] = byte('diastolic − 25', m.diastolic - PRESSURE_OFFSET_MMHG);
  bytes[RECORD.pulse] = byte('pulse', m.pulse);
  bytes[RECORD.month] = byte('month', m.month);
  bytes[RECORD.day] = byte('day', m.day);
  bytes[RECORD.hour] = byte('hour', m.hour);
  bytes[RECORD.minute] = byte('minute', m.minute);
  bytes[RECORD.year] = byte('year − 2000', m.year - YEAR_BASE);
  return bytes;
}

/** The 32-byte ASCII answer to A4, padded with spaces. */
export function encodeDescription(text: string): Uint8Array {
  const bytes = new Uint8Array(DESCRIPTION_LENGTH).fill(0x20);
  for (let i = 0; i < Math.min(text.length, DESCRIPTION_LENGTH); i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code < 0x80 ? code : 0x3f;
  }
  return bytes;
}

function byte(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new RangeError(`${name} must fit in one byte, got ${value}`);
  }
  return value;
}
