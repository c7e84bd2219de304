import {
  formatIsoTime,
  ReadingList,
  tooShort,
  type BleDecodeOptions,
  type BleDecodeResult,
  type TimeFormatter,
} from './ble-decoded';
import { addPlxNumerics, addPlxStatus, readPlxValues, type PlxValues } from './plx-values';
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

export interface PlxContinuousMeasurement extends PlxValues {
  /** Fast- and slow-averaged pairs: decoded fields only (no distinct metric in our table). */
  readonly fast: SpO2PulsePair | undefined;
  readonly slow: SpO2PulsePair | undefined;
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
  const values = readPlxValues(bytes, offset, flags, F);

  const out = new ReadingList(deviceId, formatTime(atMs));
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
      fast,
      slow,
    },
    readings: out.readings,
  };
}
