import {
  END_OF_SUBRECORDS,
  HEADER,
  HEADER_LENGTH,
  SUBRECORD_DESCRIPTOR_LENGTH,
  SUBRECORD_SLOTS,
} from './constants';

export interface SubrecordDescriptor {
  /** From the start of the data area (right after the header). */
  readonly offset: number;
  readonly type: number;
}

export interface HeaderFields {
  readonly number: number;
  readonly driLevel: number;
  readonly timeS: number;
  readonly mainType: number;
  readonly subrecords: readonly SubrecordDescriptor[];
}

/** A zeroed record of `length` bytes with its 40-byte header written (both directions share it). */
export function recordWithHeader(
  length: number,
  fields: HeaderFields,
): { bytes: Uint8Array; view: DataView } {
  if (length < HEADER_LENGTH) throw new RangeError(`a DRI record is at least ${HEADER_LENGTH} bytes`);
  if (fields.subrecords.length >= SUBRECORD_SLOTS) {
    throw new RangeError(`at most ${SUBRECORD_SLOTS - 1} subrecords fit with the end marker`);
  }
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setInt16(HEADER.length, length, true);
  view.setUint8(HEADER.number, fields.number & 0xff);
  view.setUint8(HEADER.driLevel, fields.driLevel);
  view.setUint32(HEADER.time, fields.timeS >>> 0, true);
  view.setInt16(HEADER.mainType, fields.mainType, true);
  fields.subrecords.forEach((sr, slot) => {
    const at = HEADER.subrecordDescriptors + slot * SUBRECORD_DESCRIPTOR_LENGTH;
    view.setInt16(at, sr.offset, true);
    view.setUint8(at + 2, sr.type);
  });
  const end = HEADER.subrecordDescriptors + fields.subrecords.length * SUBRECORD_DESCRIPTOR_LENGTH;
  view.setUint8(end + 2, END_OF_SUBRECORDS);
  return { bytes, view };
}
