import type { StatusFlag } from '../../shared/domain/readings';
import {
  formatIsoTime,
  ReadingList,
  roundTo,
  tooShort,
  type BleDecodeOptions,
  type BleDecodeResult,
  type TimeFormatter,
} from './ble-decoded';
import { DATE_TIME_BYTES, readDateTime } from './ble-time';
import { readSfloat } from './sfloat';

/**
 * Blood Pressure Measurement 0x2A35 (indicate) and Intermediate Cuff Pressure 0x2A36 (notify),
 * service 0x1810, device-protocols §9. Both share one layout:
 * flags u8 | SFLOAT systolic | SFLOAT diastolic | SFLOAT MAP | [Date Time (bit 1)] |
 * [SFLOAT pulse rate (bit 2)] | [u8 user id (bit 3)] | [u16 measurement status (bit 4)].
 * In 0x2A36 the systolic field holds the current cuff pressure (the other two are unused).
 */
export const BP_FLAG = {
  unitsKpa: 0x01,
  timestamp: 0x02,
  pulseRate: 0x04,
  userId: 0x08,
  measurementStatus: 0x10,
} as const;

export const BP_STATUS = {
  bodyMovement: 0x0001,
  cuffTooLoose: 0x0002,
  irregularPulse: 0x0004,
  pulseRateRangeMask: 0x0018,
  improperPosition: 0x0020,
} as const;

/** 760 mmHg = 101.325 kPa (the standard atmosphere), so 1 kPa = 7.500 616 8… mmHg. */
export const MMHG_PER_KPA = 760 / 101.325;
/** User id 255 means "unknown user". */
export const UNKNOWN_USER = 255;

export interface BloodPressureMeasurement {
  readonly unit: 'mmHg' | 'kPa';
  /**
   * Converted to mmHg (0.1 mmHg resolution) before any range check; null for SFLOAT NaN, NRes or
   * reserved, ±Infinity for ±INF (beyond the cuff's range: dropped by the reading rules).
   */
  readonly systolicMmHg: number | null;
  readonly diastolicMmHg: number | null;
  readonly meanMmHg: number | null;
  /** UTC epoch ms of the device's timestamp; null when absent or unknown. */
  readonly timestampMs: number | null;
  readonly pulseRate: number | null | undefined;
  /** undefined when absent; null for 255 (unknown user). */
  readonly userId: number | null | undefined;
  /** The raw measurement-status word; undefined when absent. */
  readonly measurementStatus: number | undefined;
  readonly statusFlags: StatusFlag[];
}

/**
 * A result measurement: a status reading listing the measurement-status conditions (an empty list
 * clears the intermediate `measuring` status), then systolic, diastolic, mean and (when sent) pulse
 * as four numerics with the same time (design §3), all stamped with the device's timestamp when it
 * sent a known one (a cuff may deliver stored measurements days later), else with the arrival. The
 * status comes first because the reading rules apply a status to the numerics after it. Pulse is
 * MDC_PULS_RATE_NON_INV: it is measured by the cuff's oscillometry, not by an oximeter or an ECG.
 */
export function decodeBloodPressure(
  bytes: Uint8Array,
  atMs: number,
  deviceId: string,
  options: BleDecodeOptions = {},
  formatTime: TimeFormatter = formatIsoTime,
): BleDecodeResult<BloodPressureMeasurement> {
  const parsed = parseBloodPressure(bytes, 'blood pressure', options);
  if (parsed.kind === 'frame-error') return parsed;
  const m = parsed.fields;
  const out = new ReadingList(deviceId, formatTime(m.timestampMs ?? atMs));
  out.status(m.statusFlags);
  out.numeric('MDC_PRESS_BLD_NONINV_SYS', m.systolicMmHg, 'mm[Hg]');
  out.numeric('MDC_PRESS_BLD_NONINV_DIA', m.diastolicMmHg, 'mm[Hg]');
  out.numeric('MDC_PRESS_BLD_NONINV_MEAN', m.meanMmHg, 'mm[Hg]');
  if (m.pulseRate !== undefined) out.numeric('MDC_PULS_RATE_NON_INV', m.pulseRate, '/min');
  return { kind: 'decoded', fields: m, readings: out.readings, deviceTimeMs: m.timestampMs };
}

export interface IntermediateCuffPressure {
  /** Current cuff pressure in mmHg; a decoded field only (no sourced MDC code for cuff pressure). */
  readonly cuffPressureMmHg: number | null;
  readonly measurement: BloodPressureMeasurement;
}

/**
 * Intermediate cuff pressure: a measurement is in progress. It becomes a `measuring` status (with
 * any measurement-status conditions already known), stamped with the arrival time; the pressure
 * itself stays a decoded field, because we have no trustworthy MDC code for a cuff pressure.
 */
export function decodeIntermediateCuffPressure(
  bytes: Uint8Array,
  atMs: number,
  deviceId: string,
  options: BleDecodeOptions = {},
  formatTime: TimeFormatter = formatIsoTime,
): BleDecodeResult<IntermediateCuffPressure> {
  const parsed = parseBloodPressure(bytes, 'intermediate cuff pressure', options);
  if (parsed.kind === 'frame-error') return parsed;
  const m = parsed.fields;
  const out = new ReadingList(deviceId, formatTime(atMs));
  out.status(['measuring', ...m.statusFlags]);
  return {
    kind: 'decoded',
    fields: { cuffPressureMmHg: m.systolicMmHg, measurement: m },
    readings: out.readings,
  };
}

type Parsed = { kind: 'parsed'; fields: BloodPressureMeasurement } | ReturnType<typeof tooShort>;

function parseBloodPressure(bytes: Uint8Array, name: string, options: BleDecodeOptions): Parsed {
  const flags = bytes[0] ?? 0;
  const needed =
    7 +
    (flags & BP_FLAG.timestamp ? DATE_TIME_BYTES : 0) +
    (flags & BP_FLAG.pulseRate ? 2 : 0) +
    (flags & BP_FLAG.userId ? 1 : 0) +
    (flags & BP_FLAG.measurementStatus ? 2 : 0);
  if (bytes.length < needed) return tooShort(name, flags, needed, bytes.length);

  const kpa = (flags & BP_FLAG.unitsKpa) !== 0;
  const pressure = (offset: number) => toMmHg(readSfloat(bytes, offset), kpa);
  let offset = 7;
  let timestampMs: number | null = null;
  if (flags & BP_FLAG.timestamp) {
    const time = readDateTime(bytes, offset, options.utcOffsetMinutes ?? 0, options.zone);
    if (time !== null && typeof time === 'object') return time;
    timestampMs = time;
    offset += DATE_TIME_BYTES;
  }
  let pulseRate: number | null | undefined;
  if (flags & BP_FLAG.pulseRate) {
    pulseRate = readSfloat(bytes, offset);
    offset += 2;
  }
  let userId: number | null | undefined;
  if (flags & BP_FLAG.userId) {
    userId = bytes[offset] === UNKNOWN_USER ? null : bytes[offset];
    offset += 1;
  }
  const measurementStatus =
    flags & BP_FLAG.measurementStatus ? bytes[offset] | (bytes[offset + 1] << 8) : undefined;
  return {
    kind: 'parsed',
    fields: {
      unit: kpa ? 'kPa' : 'mmHg',
      systolicMmHg: pressure(1),
      diastolicMmHg: pressure(3),
      meanMmHg: pressure(5),
      timestampMs,
      pulseRate,
      userId,
      measurementStatus,
      statusFlags: bpStatusFlags(measurementStatus ?? 0),
    },
  };
}

function toMmHg(value: number | null, kpa: boolean): number | null {
  if (value === null || !kpa) return value;
  return roundTo(value * MMHG_PER_KPA, 1);
}

/** Measurement-status bits → status flags, in STATUS_FLAGS order. PR range 3 is reserved: ignored. */
export function bpStatusFlags(status: number): StatusFlag[] {
  const flags: StatusFlag[] = [];
  if (status & BP_STATUS.bodyMovement) flags.push('body-movement');
  if (status & BP_STATUS.cuffTooLoose) flags.push('cuff-loose');
  if (status & BP_STATUS.irregularPulse) flags.push('irregular-pulse');
  const range = (status & BP_STATUS.pulseRateRangeMask) >> 3;
  if (range === 1 || range === 2) flags.push('pulse-out-of-range');
  if (status & BP_STATUS.improperPosition) flags.push('improper-position');
  return flags;
}
