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
 * One spot check: a status reading, then SpO2, pulse and (when sent) PAI numerics, all with the
 * device's timestamp when it sent one and its clock is set (a stored spot check arrives later than
 * it was taken), otherwise with the arrival time. The status comes first: the reading rules void
 * the numerics after a status that says equipment malfunction, test data or sensor off.
 *
 * Flag bit 4 "Device Clock is Not Set" (SIG plx_spot_check_measurement): the Timestamp field is
 * still there (bit 0 says so) but holds whatever an unset clock counts, often not even a date. The
 * measurement itself is valid, so it is kept at its arrival time; the timestamp bytes are skipped
 * without being judged, so an unset clock's impossible date never drops the spot check.
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
    if ((flags & F.clockNotSet) === 0) {
      const time = readDateTime(bytes, offset, options.utcOffsetMinutes ?? 0, options.zone);
      if (time !== null && typeof time === 'object') return time;
      timestampMs = time;
    }
    offset += DATE_TIME_BYTES;
  }
  const values = readPlxValues(bytes, offset, flags, F);

  const out = new ReadingList(deviceId, formatTime(timestampMs ?? atMs));
  addPlxStatus(out, values);
  addPlxNumerics(out, values);
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
    deviceTimeMs: timestampMs,
  };
}
