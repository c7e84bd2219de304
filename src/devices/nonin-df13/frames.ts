import { frameError, type FrameError } from '../framing/frame-error';
import { isValidClock, type DeviceClock } from '../nonin/commands';
import { MAX_SPO2_PERCENT, MISSING_PULSE_RATE, MISSING_SPO2 } from '../nonin/constants';
import {
  DATA,
  MAX_DATA_LENGTH,
  MIN_DATA_LENGTH,
  RECORD_HEADER,
  RECORD_PREFIX_LENGTH,
  RECORD_SUFFIX_LENGTH,
  STATUS_LSB,
  STATUS_MSB,
} from './constants';

/** One SmartPoint spot-check record. Field table: PROTOCOL.md. */
export interface SpotCheckRecord {
  /** The device's own clock when it measured (no time zone on the wire). */
  readonly clock: DeviceClock;
  /** SPA: the SmartPoint algorithm rated the measurement high quality. */
  readonly smartPoint: boolean;
  /** NOMS: no measurement; HR and SpO2 are then null. */
  readonly noMeasurement: boolean;
  /** MEM: sent from the device's memory (an earlier spot check). */
  readonly fromMemory: boolean;
  readonly lowBattery: boolean;
  /** /min; null for NOMS or the 511 marker. */
  readonly pulseRate: number | null;
  /** %; null for NOMS or the 127 marker. */
  readonly spo2: number | null;
}

export const ETX_BYTE = 0x03;

/** CHK: low byte of the sum of the data bytes (range UNCERTAIN, see PROTOCOL.md). */
export function dataChecksum(bytes: Uint8Array, dataStart: number, dataLength: number): number {
  let sum = 0;
  for (let i = 0; i < dataLength; i++) sum += bytes[dataStart + i];
  return sum & 0xff;
}

/** Validates and decodes one whole record (header to ETX). */
export function parseRecord(bytes: Uint8Array): SpotCheckRecord | FrameError {
  for (let i = 0; i < RECORD_HEADER.length; i++) {
    if (bytes[i] !== RECORD_HEADER[i]) return frameError('malformed', 'not a format #13 record header');
  }
  if (bytes.length < RECORD_PREFIX_LENGTH) return frameError('malformed', 'record cut short');
  const length = (bytes[4] << 8) | bytes[5];
  if (length < MIN_DATA_LENGTH || length > MAX_DATA_LENGTH) {
    return frameError('malformed', `data length ${length} is outside ${MIN_DATA_LENGTH}..${MAX_DATA_LENGTH}`);
  }
  const total = RECORD_PREFIX_LENGTH + length + RECORD_SUFFIX_LENGTH;
  if (bytes.length !== total)
    return frameError('malformed', `record of ${bytes.length} bytes, expected ${total}`);
  if (bytes[total - 1] !== ETX_BYTE) return frameError('malformed', 'record does not end with ETX');
  const expected = dataChecksum(bytes, RECORD_PREFIX_LENGTH, length);
  if (bytes[total - 2] !== expected) {
    return frameError('checksum', `checksum ${bytes[total - 2]}, expected ${expected}`);
  }
  const record = readRecordData(bytes, RECORD_PREFIX_LENGTH);
  return typeof record === 'string' ? frameError('out-of-range', record) : record;
}

/** Decodes the data of a record whose framing is valid; a string says what is impossible in it. */
export function readRecordData(bytes: Uint8Array, start: number): SpotCheckRecord | string {
  const at = (offset: number): number => bytes[start + offset];
  const bcd = (offset: number): number => {
    const b = at(offset);
    return b >> 4 > 9 || (b & 0x0f) > 9 ? Number.NaN : (b >> 4) * 10 + (b & 0x0f);
  };
  const clock: DeviceClock = {
    year: bcd(DATA.century) * 100 + bcd(DATA.year),
    month: bcd(DATA.month),
    day: bcd(DATA.day),
    hour: bcd(DATA.hour),
    minute: bcd(DATA.minute),
    second: bcd(DATA.second),
  };
  if (!Object.values(clock).every(Number.isFinite) || !isValidClock(clock)) {
    return 'the record date/time is not a valid BCD date';
  }
  const noMeasurement = (at(DATA.statusMsb) & STATUS_MSB.noMeasurement) !== 0;
  const hr = ((at(DATA.hrMsb) & 0x01) << 8) | at(DATA.hrLsb);
  const spo2 = at(DATA.spo2) & 0x7f;
  if (!noMeasurement && spo2 > MAX_SPO2_PERCENT && spo2 !== MISSING_SPO2)
    return `SpO2 ${spo2} is out of range`;
  return {
    clock,
    smartPoint: (at(DATA.statusMsb) & STATUS_MSB.smartPoint) !== 0,
    noMeasurement,
    fromMemory: (at(DATA.statusLsb) & STATUS_LSB.fromMemory) !== 0,
    lowBattery: (at(DATA.statusLsb) & STATUS_LSB.lowBattery) !== 0,
    pulseRate: noMeasurement || hr === MISSING_PULSE_RATE ? null : hr,
    spo2: noMeasurement || spo2 === MISSING_SPO2 ? null : spo2,
  };
}
