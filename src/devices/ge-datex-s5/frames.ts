import type { MetricId } from '../../shared/domain/metrics';
import { frameError, type FrameError } from '../framing/frame-error';
import {
  BASIC,
  END_OF_SUBRECORDS,
  HEADER,
  HEADER_LENGTH,
  INVALID_LIMIT,
  MAIN_TYPE,
  MAX_RECORD_LENGTH,
  PHDB_CLASS_BASIC,
  PHDB_CLASS_WORD_OFFSET,
  PHDB_SUBRECORD_LENGTH,
  PHDB_TIME_LENGTH,
  SUBRECORD_DESCRIPTOR_LENGTH,
  SUBRECORD_SLOTS,
} from './constants';

export type { FrameError } from '../framing/frame-error';

/**
 * One unescaped frame = a DRI record followed by its checksum byte. `parseRecord` validates the
 * checksum, the length field and the subrecord table, then reads the basic physiological class.
 * The decoder uses the same function (records arrive at most a few per second).
 */

/** A displayed value: where it sits in the basic class, its metric, unit and scale. */
export interface BasicField {
  readonly offset: number;
  readonly metric: MetricId;
  readonly unit: string;
  readonly scale: number;
}

/** In emission order. Scales: PROTOCOL.md (§7.2 and VSCapture). */
export const BASIC_FIELDS: readonly BasicField[] = [
  { offset: BASIC.ecgHr, metric: 'MDC_ECG_HEART_RATE', unit: '/min', scale: 1 },
  { offset: BASIC.spo2, metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', scale: 0.01 },
  { offset: BASIC.spo2PulseRate, metric: 'MDC_PULS_OXIM_PULS_RATE', unit: '/min', scale: 1 },
  { offset: BASIC.nibpSys, metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', scale: 0.01 },
  { offset: BASIC.nibpDia, metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', scale: 0.01 },
  { offset: BASIC.nibpMean, metric: 'MDC_PRESS_BLD_NONINV_MEAN', unit: 'mm[Hg]', scale: 0.01 },
  { offset: BASIC.nibpHr, metric: 'MDC_PULS_RATE_NON_INV', unit: '/min', scale: 1 },
  { offset: BASIC.t1Temp, metric: 'MDC_TEMP', unit: 'Cel', scale: 0.01 },
  { offset: BASIC.co2Rr, metric: 'MDC_RESP_RATE', unit: '/min', scale: 1 },
];

/** Values of one basic subrecord, in BASIC_FIELDS order; null for a control code. */
export type BasicValues = (number | null)[];

export interface ParsedRecord {
  readonly kind: 'record';
  readonly number: number;
  readonly driLevel: number;
  /** Transmission time, seconds since 1970 (monitor clock). */
  readonly timeS: number;
  readonly mainType: number;
  /** One entry per basic-class physiological subrecord. */
  readonly basic: readonly BasicValues[];
}

/** The sum of `bytes[from..to)` modulo 256. */
export function checksumOf(bytes: Uint8Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += bytes[i];
  return sum & 0xff;
}

/** Scales a raw i16; null for a DRI control code (≤ −32001: no data, not updated, …). */
export function scaleValue(raw: number, scale: number): number | null {
  if (raw <= INVALID_LIMIT) return null;
  // Divide rather than multiply by 0.01 so 9700 → 97 and 3712 → 37.12 exactly as printed.
  return scale === 1 ? raw : raw / Math.round(1 / scale);
}

/** Parses `frame[0..length)`: record bytes followed by the checksum byte. */
export function parseRecord(frame: Uint8Array, length = frame.length): ParsedRecord | FrameError {
  const recordLength = length - 1;
  if (recordLength < HEADER_LENGTH) {
    return frameError('malformed', `frame of ${length} bytes is shorter than a record header`);
  }
  if (recordLength > MAX_RECORD_LENGTH) {
    return frameError('malformed', `record of ${recordLength} bytes exceeds ${MAX_RECORD_LENGTH}`);
  }
  const expected = checksumOf(frame, 0, recordLength);
  if (expected !== frame[recordLength]) {
    return frameError('checksum', `checksum 0x${hex(frame[recordLength])}, computed 0x${hex(expected)}`);
  }
  const view = new DataView(frame.buffer, frame.byteOffset, recordLength);
  const declared = view.getInt16(HEADER.length, true);
  if (declared !== recordLength) {
    return frameError('malformed', `r_len says ${declared} bytes, the frame holds ${recordLength}`);
  }
  const mainType = view.getInt16(HEADER.mainType, true);
  const basic: BasicValues[] = [];
  if (mainType === MAIN_TYPE.physiological) {
    for (let slot = 0; slot < SUBRECORD_SLOTS; slot++) {
      const at = HEADER.subrecordDescriptors + slot * SUBRECORD_DESCRIPTOR_LENGTH;
      if (view.getUint8(at + 2) === END_OF_SUBRECORDS) break;
      const start = HEADER_LENGTH + view.getInt16(at, true);
      if (start < HEADER_LENGTH || start + PHDB_SUBRECORD_LENGTH > recordLength) {
        return frameError('malformed', `subrecord ${slot} at ${start} runs past the record end`);
      }
      const classBits = (view.getUint16(start + PHDB_CLASS_WORD_OFFSET, true) >> 8) & 0x0f;
      if (classBits === PHDB_CLASS_BASIC) basic.push(readBasic(view, start + PHDB_TIME_LENGTH));
    }
  }
  return {
    kind: 'record',
    number: view.getUint8(HEADER.number),
    driLevel: view.getUint8(HEADER.driLevel),
    timeS: view.getUint32(HEADER.time, true),
    mainType,
    basic,
  };
}

function readBasic(view: DataView, classStart: number): BasicValues {
  return BASIC_FIELDS.map((f) => scaleValue(view.getInt16(classStart + f.offset, true), f.scale));
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
