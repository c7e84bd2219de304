import { frameError } from '../framing/frame-error';
import {
  formatIsoTime,
  ReadingList,
  tooShort,
  type BleDecodeOptions,
  type BleDecodeResult,
  type TimeFormatter,
} from './ble-decoded';

/**
 * Heart Rate Measurement 0x2A37 (service 0x180D, notify), device-protocols §9:
 * flags u8 | HR u8 or u16 (flag bit 0) | [Energy Expended u16 kJ (bit 3)] | [RR u16 × n (bit 4)].
 * Sensor contact, bits 1-2: bit 2 = contact detection supported, bit 1 = contact detected.
 */
export const HR_FLAG = {
  hrUint16: 0x01,
  contactDetected: 0x02,
  contactSupported: 0x04,
  energyExpended: 0x08,
  rrIntervals: 0x10,
} as const;

/** RR intervals are counted in 1/1024 s. */
export const RR_UNITS_PER_S = 1024;

export interface HeartRateMeasurement {
  readonly heartRate: number;
  /** null when the sensor cannot tell whether it touches the skin. */
  readonly contact: boolean | null;
  /** Kilojoules since the last reset; no metric, kept as a decoded field only. */
  readonly energyExpendedKj: number | null;
  /** Seconds between successive R waves, oldest first; a decoded field only (no metric). */
  readonly rrIntervalsS: readonly number[];
}

/**
 * The heart rate becomes MDC_ECG_HEART_RATE: the Heart Rate profile is the chest-strap profile
 * (electrodes; "sensor contact" is skin contact; RR intervals are R-R intervals of the ECG).
 * While a strap that can detect contact reports none, the rate is not a measurement: value null and
 * the `lead-off` status, as the wired ECG drivers report a lead off.
 */
export function decodeHeartRate(
  bytes: Uint8Array,
  atMs: number,
  deviceId: string,
  _options: BleDecodeOptions = {},
  formatTime: TimeFormatter = formatIsoTime,
): BleDecodeResult<HeartRateMeasurement> {
  if (bytes.length < 2) return tooShort('heart rate', bytes[0] ?? 0, 2, bytes.length);
  const flags = bytes[0];
  const hrBytes = flags & HR_FLAG.hrUint16 ? 2 : 1;
  const energyBytes = flags & HR_FLAG.energyExpended ? 2 : 0;
  const fixed = 1 + hrBytes + energyBytes;
  if (bytes.length < fixed) return tooShort('heart rate', flags, fixed, bytes.length);
  const rrBytes = flags & HR_FLAG.rrIntervals ? bytes.length - fixed : 0;
  if (rrBytes % 2 !== 0) {
    return frameError('malformed', `heart rate: RR intervals take ${rrBytes} bytes, not a whole number`);
  }

  const heartRate = hrBytes === 2 ? bytes[1] | (bytes[2] << 8) : bytes[1];
  let offset = 1 + hrBytes;
  let energyExpendedKj: number | null = null;
  if (energyBytes > 0) {
    energyExpendedKj = bytes[offset] | (bytes[offset + 1] << 8);
    offset += 2;
  }
  const rrIntervalsS: number[] = [];
  for (; offset + 1 < fixed + rrBytes; offset += 2) {
    rrIntervalsS.push((bytes[offset] | (bytes[offset + 1] << 8)) / RR_UNITS_PER_S);
  }
  const contact = flags & HR_FLAG.contactSupported ? (flags & HR_FLAG.contactDetected) !== 0 : null;

  const out = new ReadingList(deviceId, formatTime(atMs));
  if (contact !== null) out.status(contact ? [] : ['lead-off']);
  out.numeric('MDC_ECG_HEART_RATE', contact === false ? null : heartRate, '/min');
  return {
    kind: 'decoded',
    fields: { heartRate, contact, energyExpendedKj, rrIntervalsS },
    readings: out.readings,
  };
}
