import {
  CLASS_BASIC_ONLY,
  DRI_LEVEL_2005,
  HEADER_LENGTH,
  MAIN_TYPE,
  PHDB_RECORD_TYPE,
  REQUEST_BODY,
  REQUEST_LENGTH,
  SUBRECORD_TYPE_REQUEST,
} from './constants';
import { encodeFrame } from './flag-framer';
import { recordWithHeader } from './header';

/**
 * Host → monitor: a physiological transmission request (record of 49 bytes: header + phdb_req).
 * Interval 0 with class 0 stops the transmission (VSCapture StopTransfer).
 */
export interface TransmissionRequest {
  readonly recordType: number;
  readonly intervalS: number;
  readonly classBits: number;
}

export function encodeTransmissionRequest(request: TransmissionRequest): Uint8Array {
  if (!Number.isInteger(request.intervalS) || request.intervalS < 0 || request.intervalS > 0x7fff) {
    throw new RangeError(`tx_interval must be 0..32767 s, got ${request.intervalS}`);
  }
  const { bytes, view } = recordWithHeader(REQUEST_LENGTH, {
    number: 0,
    driLevel: DRI_LEVEL_2005,
    timeS: 0,
    mainType: MAIN_TYPE.physiological,
    subrecords: [{ offset: 0, type: SUBRECORD_TYPE_REQUEST }],
  });
  view.setUint8(HEADER_LENGTH + REQUEST_BODY.recordType, request.recordType);
  view.setInt16(HEADER_LENGTH + REQUEST_BODY.intervalS, request.intervalS, true);
  view.setUint32(HEADER_LENGTH + REQUEST_BODY.classBits, request.classBits >>> 0, true);
  return encodeFrame(bytes);
}

/** Displayed values, basic class, every `intervalS` seconds. */
export const requestDisplayedValues = (intervalS: number): Uint8Array =>
  encodeTransmissionRequest({
    recordType: PHDB_RECORD_TYPE.displayed,
    intervalS,
    classBits: CLASS_BASIC_ONLY,
  });

export const stopDisplayedValues = (): Uint8Array =>
  encodeTransmissionRequest({ recordType: PHDB_RECORD_TYPE.displayed, intervalS: 0, classBits: 0 });

/** Reads a request record (unescaped, checksum stripped), for the simulator; null if it is not one. */
export function readTransmissionRequest(record: Uint8Array, length: number): TransmissionRequest | null {
  if (length !== REQUEST_LENGTH) return null;
  const view = new DataView(record.buffer, record.byteOffset, length);
  return {
    recordType: view.getUint8(HEADER_LENGTH + REQUEST_BODY.recordType),
    intervalS: view.getInt16(HEADER_LENGTH + REQUEST_BODY.intervalS, true),
    classBits: view.getUint32(HEADER_LENGTH + REQUEST_BODY.classBits, true),
  };
}
