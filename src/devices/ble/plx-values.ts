import type { ReadingList } from './ble-decoded';
import { plxStatusFlags, plxValuesInvalid } from './plx-status';
import { readSfloat } from './sfloat';

/** The flag bits both PLX measurements use for their optional trailing fields (their values differ). */
export interface PlxTailFlags {
  readonly measurementStatus: number;
  readonly deviceStatus: number;
  readonly pulseAmplitudeIndex: number;
}

/** What the spot-check (0x2A5E) and continuous (0x2A5F) measurements share. */
export interface PlxValues {
  readonly spo2: number | null;
  readonly pulseRate: number | null;
  readonly measurementStatus: number | undefined;
  readonly deviceStatus: number | undefined;
  /** Pulse amplitude index, %. */
  readonly pulseAmplitudeIndex: number | null | undefined;
}

/**
 * Reads the optional status words and PAI that both measurements end with, from `offset`, and the
 * normal SpO2/PR pair at bytes 1..4 — `null` when the measurement status says the values are
 * invalid or unavailable. The caller has checked the length.
 */
export function readPlxValues(
  bytes: Uint8Array,
  offset: number,
  flags: number,
  bits: PlxTailFlags,
): PlxValues {
  let at = offset;
  let measurementStatus: number | undefined;
  if (flags & bits.measurementStatus) {
    measurementStatus = bytes[at] | (bytes[at + 1] << 8);
    at += 2;
  }
  let deviceStatus: number | undefined;
  if (flags & bits.deviceStatus) {
    deviceStatus = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    at += 3;
  }
  const pulseAmplitudeIndex = flags & bits.pulseAmplitudeIndex ? readSfloat(bytes, at) : undefined;
  const invalid = plxValuesInvalid(measurementStatus ?? 0);
  return {
    spo2: invalid ? null : readSfloat(bytes, 1),
    pulseRate: invalid ? null : readSfloat(bytes, 3),
    measurementStatus,
    deviceStatus,
    pulseAmplitudeIndex,
  };
}

/** SpO2 and an oximeter's pulse, and the PAI when sent (MDC_PULS_OXIM_PERF_REL: see PROTOCOL.md, UNCERTAIN). */
export function addPlxNumerics(out: ReadingList, values: PlxValues): void {
  out.numeric('MDC_PULS_OXIM_SAT_O2', values.spo2, '%');
  out.numeric('MDC_PULS_OXIM_PULS_RATE', values.pulseRate, '/min');
  if (values.pulseAmplitudeIndex !== undefined) {
    out.numeric('MDC_PULS_OXIM_PERF_REL', values.pulseAmplitudeIndex, '%');
  }
}

export function addPlxStatus(out: ReadingList, values: PlxValues): void {
  out.status(plxStatusFlags(values.measurementStatus ?? 0, values.deviceStatus ?? 0));
}
