import {
  formatIsoTime,
  ReadingList,
  tooShort,
  type BleDecodeOptions,
  type BleDecodeResult,
  type TimeFormatter,
} from './ble-decoded';
import { DATE_TIME_BYTES, readDateTime } from './ble-time';
import { addPlxNumerics, addPlxStatus, readPlxValues, type PlxValues } from './plx-values';

/**
 * PLX Spot-check Measurement 0x2A5E (service 0x1822, indicate), device-protocols §9:
 * flags u8 | SFLOAT SpO2 | SFLOAT PR | [Date Time (bit 0)] | [u16 measurement status (bit 1)] |
 * [u24 device & sensor status (bit 2)] | [SFLOAT PAI (bit 3)]; bit 4 = the device clock is not set.
 */
export const PLX_SPOT_FLAG = {
  timestamp: 0x01,
  measurementStatus: 0x02,
  deviceStatus: 0x04,
  pulseAmplitudeIndex: 0x08,
  clockNotSet: 0x10,
} as const;

export interface PlxSpotCheckMeasurement extends PlxValues {
  /** UTC epoch ms of the device's timestamp; null when absent, unknown, or the clock is not set. */
  readonly timestampMs: number | null;
}

/**
 * One spot check: SpO2, pulse and (when sent) PAI numerics and a status reading, all with the
 * device's timestamp when it sent one and its clock is set (a stored spot check arrives later than
 * it was taken), otherwise with the arrival time.
 */
export function decodePlxSpotCheck(
  bytes: Uint8Array,
  atMs: number,
  deviceId: string,
  options: BleDecodeOptions = {},
  formatTime: TimeFormatter = formatIsoTime,
): BleDecodeResult<PlxSpotCheckMeasurement> {
  const flags = bytes[0] ?? 0;
  const F = PLX_SPOT_FLAG;
  const needed =
    5 +
    (flags & F.timestamp ? DATE_TIME_BYTES : 0) +
    (flags & F.measurementStatus ? 2 : 0) +
    (flags & F.deviceStatus ? 3 : 0) +
    (flags & F.pulseAmplitudeIndex ? 2 : 0);
  if (bytes.length < needed) return tooShort('PLX spot-check', flags, needed, bytes.length);

  let offset = 5;
  let timestampMs: number | null = null;
  if (flags & F.timestamp) {
    const time = readDateTime(bytes, offset, options.utcOffsetMinutes ?? 0);
    if (time !== null && typeof time === 'object') return time;
    // A device whose clock was never set sends a timestamp that means nothing: not a reading time.
    timestampMs = flags & F.clockNotSet ? null : time;
    offset += DATE_TIME_BYTES;
  }
  const values = readPlxValues(bytes, offset, flags, F);

  const out = new ReadingList(deviceId, formatTime(timestampMs ?? atMs));
  addPlxNumerics(out, values);
  addPlxStatus(out, values);
  return {
    kind: 'decoded',
    fields: {
      spo2: values.spo2,
      pulseRate: values.pulseRate,
      measurementStatus: values.measurementStatus,
      deviceStatus: values.deviceStatus,
      pulseAmplitudeIndex: values.pulseAmplitudeIndex,
      timestampMs,
    },
    readings: out.readings,
  };
}
