import {
  formatIsoTime,
  ReadingList,
  tooShort,
  type BleDecodeOptions,
  type BleDecodeResult,
  type TimeFormatter,
} from './ble-decoded';
import { plxStatusFlags, plxValuesInvalid } from './plx-status';
import { readSfloat } from './sfloat';

/**
 * PLX Continuous Measurement 0x2A5F (service 0x1822, notify), device-protocols §9:
 * flags u8 | SFLOAT SpO2 | SFLOAT PR | [SFLOAT SpO2, PR fast (bit 0)] | [SFLOAT SpO2, PR slow (bit 1)]
 * | [u16 measurement status (bit 2)] | [u24 device & sensor status (bit 3)] | [SFLOAT PAI (bit 4)].
 */
export const PLX_CONTINUOUS_FLAG = {
  fast: 0x01,
  slow: 0x02,
  measurementStatus: 0x04,
  deviceStatus: 0x08,
  pulseAmplitudeIndex: 0x10,
} as const;

export interface SpO2PulsePair {
  readonly spo2: number | null;
  readonly pulseRate: number | null;
}

export interface PlxContinuousMeasurement extends SpO2PulsePair {
  /** Fast- and slow-averaged pairs: decoded fields only (no distinct metric in our table). */
  readonly fast: SpO2PulsePair | undefined;
  readonly slow: SpO2PulsePair | undefined;
  readonly measurementStatus: number | undefined;
  readonly deviceStatus: number | undefined;
  /** Pulse amplitude index, %. */
  readonly pulseAmplitudeIndex: number | null | undefined;
}

/**
 * Normal SpO2 and PR become MDC_PULS_OXIM_SAT_O2 / MDC_PULS_OXIM_PULS_RATE (an oximeter's pulse),
 * the PAI becomes MDC_PULS_OXIM_PERF_REL (see PROTOCOL.md, UNCERTAIN), each at the arrival time.
 * A status reading lists the status conditions; the streaming decoder emits it on change only.
 */
export function decodePlxContinuous(
  bytes: Uint8Array,
  atMs: number,
  deviceId: string,
  _options: BleDecodeOptions = {},
  formatTime: TimeFormatter = formatIsoTime,
): BleDecodeResult<PlxContinuousMeasurement> {
  const flags = bytes[0] ?? 0;
  const F = PLX_CONTINUOUS_FLAG;
  const needed =
    5 +
    (flags & F.fast ? 4 : 0) +
    (flags & F.slow ? 4 : 0) +
    (flags & F.measurementStatus ? 2 : 0) +
    (flags & F.deviceStatus ? 3 : 0) +
    (flags & F.pulseAmplitudeIndex ? 2 : 0);
  if (bytes.length < needed) return tooShort('PLX continuous', flags, needed, bytes.length);

  let offset = 5;
  const pair = (): SpO2PulsePair => {
    const value = { spo2: readSfloat(bytes, offset), pulseRate: readSfloat(bytes, offset + 2) };
    offset += 4;
    return value;
  };
  const fast = flags & F.fast ? pair() : undefined;
  const slow = flags & F.slow ? pair() : undefined;
  let measurementStatus: number | undefined;
  if (flags & F.measurementStatus) {
    measurementStatus = bytes[offset] | (bytes[offset + 1] << 8);
    offset += 2;
  }
  let deviceStatus: number | undefined;
  if (flags & F.deviceStatus) {
    deviceStatus = bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16);
    offset += 3;
  }
  const pulseAmplitudeIndex = flags & F.pulseAmplitudeIndex ? readSfloat(bytes, offset) : undefined;
  const invalid = plxValuesInvalid(measurementStatus ?? 0);
  const spo2 = invalid ? null : readSfloat(bytes, 1);
  const pulseRate = invalid ? null : readSfloat(bytes, 3);

  const out = new ReadingList(deviceId, formatTime(atMs));
  out.status(plxStatusFlags(measurementStatus ?? 0, deviceStatus ?? 0));
  out.numeric('MDC_PULS_OXIM_SAT_O2', spo2, '%');
  out.numeric('MDC_PULS_OXIM_PULS_RATE', pulseRate, '/min');
  if (pulseAmplitudeIndex !== undefined) out.numeric('MDC_PULS_OXIM_PERF_REL', pulseAmplitudeIndex, '%');
  return {
    kind: 'decoded',
    fields: { spo2, pulseRate, fast, slow, measurementStatus, deviceStatus, pulseAmplitudeIndex },
    readings: out.readings,
  };
}
