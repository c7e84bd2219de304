import type { DeviceState } from '../../shared/domain/devices';
import type { StatusFlag } from '../../shared/domain/readings';

/** What the doctor's page says of each device beside its name. */
export const DOCTOR_DEVICE_STATES = ['streaming', 'disconnected', 'probe-off', 'searching', 'stale'] as const;
export type DoctorDeviceState = (typeof DOCTOR_DEVICE_STATES)[number];

/** The sensor is off the patient: values are not the patient's. */
const PROBE_OFF: ReadonlySet<StatusFlag> = new Set<StatusFlag>([
  'probe-off',
  'probe-error',
  'sensor-disconnected',
  'lead-off',
]);
/** On the patient, but the device has not found a signal yet (or lost it). */
const SEARCHING: ReadonlySet<StatusFlag> = new Set<StatusFlag>([
  'searching',
  'searching-too-long',
  'pulse-lost',
  'out-of-track',
]);

export interface DeviceStateInput {
  /** The station's session state, when it sent one. */
  readonly stationState?: DeviceState | undefined;
  /** The device's status flags now (its last status reading). */
  readonly flags: readonly StatusFlag[];
  /** Milliseconds since its data last arrived (DeviceActivity, a monotonic clock), or null before any. */
  readonly dataAgeMs: number | null;
  readonly staleAfterMs: number;
}

/**
 * One word for a device's state, the most serious first: the station lost it; its sensor is off;
 * it looks for a signal (or has sent nothing yet); no data came for more than `staleAfterMs`
 * (the link or the device went quiet); else it is streaming.
 */
export function doctorDeviceState(input: DeviceStateInput): DoctorDeviceState {
  if (input.stationState === 'disconnected' || input.stationState === 'error') return 'disconnected';
  if (input.flags.some((flag) => PROBE_OFF.has(flag))) return 'probe-off';
  if (input.flags.some((flag) => SEARCHING.has(flag))) return 'searching';
  if (input.dataAgeMs === null) return input.stationState === 'no-data' ? 'stale' : 'searching';
  if (input.dataAgeMs > input.staleAfterMs || input.stationState === 'no-data') return 'stale';
  return 'streaming';
}
