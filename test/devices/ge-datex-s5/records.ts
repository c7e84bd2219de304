import { HEADER_LENGTH, PHDB_TIME_LENGTH } from '../../../src/devices/ge-datex-s5/constants';
import { buildDisplayedRecord } from '../../../src/devices/ge-datex-s5/device-encoder';
import { BASIC_FIELDS, type BasicValues } from '../../../src/devices/ge-datex-s5/frames';

/** Test helpers: hand-built S/5 records. */

export const TYPICAL: BasicValues = [72, 97, 71, 120, 80, 93, 70, 37.12, 14];

/** The unescaped record with the raw i16 at one basic field replaced. */
export function recordWithRaw(metric: string, raw: number, values: BasicValues = TYPICAL): Uint8Array {
  const record = buildDisplayedRecord({ number: 1, timeS: 1_764_000_000, values });
  const field = BASIC_FIELDS.find((f) => f.metric === metric);
  if (!field) throw new Error(`no field ${metric}`);
  new DataView(record.buffer).setInt16(HEADER_LENGTH + PHDB_TIME_LENGTH + field.offset, raw, true);
  return record;
}

/** Record bytes followed by their checksum: what parseRecord takes. */
export function withChecksum(record: Uint8Array): Uint8Array {
  let sum = 0;
  for (const b of record) sum += b;
  return Uint8Array.from([...record, sum & 0xff]);
}
