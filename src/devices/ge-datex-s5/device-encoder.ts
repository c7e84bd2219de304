import {
  DRI_LEVEL_2005,
  HEADER_LENGTH,
  MAIN_TYPE,
  NO_DATA,
  PHDB_CLASS_BASIC,
  PHDB_CLASS_DATA_LENGTH,
  PHDB_CLASS_WORD_OFFSET,
  PHDB_RECORD_TYPE,
  PHDB_SUBRECORD_LENGTH,
  PHDB_TIME_LENGTH,
} from './constants';
import { encodeFrame } from './flag-framer';
import { BASIC_FIELDS, type BasicValues } from './frames';
import { recordWithHeader } from './header';

/** Monitor → host records, for the simulator and tests. The inverse of frames.ts. */

export interface DisplayedRecord {
  readonly number: number;
  readonly timeS: number;
  /** In BASIC_FIELDS order; null goes out as "no data" (−32767). */
  readonly values: BasicValues;
}

/** The unescaped record (no checksum): one basic-class displayed-values subrecord. */
export function buildDisplayedRecord(record: DisplayedRecord): Uint8Array {
  const { bytes, view } = recordWithHeader(HEADER_LENGTH + PHDB_SUBRECORD_LENGTH, {
    number: record.number,
    driLevel: DRI_LEVEL_2005,
    timeS: record.timeS,
    mainType: MAIN_TYPE.physiological,
    subrecords: [{ offset: 0, type: PHDB_RECORD_TYPE.displayed }],
  });
  const start = HEADER_LENGTH;
  view.setUint32(start, record.timeS >>> 0, true);
  const classStart = start + PHDB_TIME_LENGTH;
  // Every i16 slot starts as "no data" (a module the monitor lacks); group status bits are not
  // sourced (PROTOCOL.md, UNCERTAIN), so the headers carry the same filler.
  for (let at = 0; at + 1 < PHDB_CLASS_DATA_LENGTH; at += 2) view.setInt16(classStart + at, NO_DATA, true);
  BASIC_FIELDS.forEach((field, i) => {
    const value = record.values[i];
    const raw = value === null ? NO_DATA : Math.round(value / field.scale);
    view.setInt16(classStart + field.offset, raw, true);
  });
  view.setUint16(start + PHDB_CLASS_WORD_OFFSET, PHDB_CLASS_BASIC << 8, true);
  return bytes;
}

export const encodeDisplayedRecord = (record: DisplayedRecord): Uint8Array =>
  encodeFrame(buildDisplayedRecord(record));
