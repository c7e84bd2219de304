import type { StatusFlag } from '../../shared/domain/readings';
import { MEASUREMENT_STATE } from './constants';

/**
 * MeasurementState bits → status flags (PROTOCOL.md). A status reading is about the device, not
 * one metric, so a poll's flags are the union over its mapped observations. Bits with no flag of
 * ours (invalid, unavailable, calibration) only void the value (observations.ts); validated data,
 * early indication and alarm inhibited say nothing a reader needs.
 */
const FLAG_BITS: readonly (readonly [number, StatusFlag])[] = [
  [MEASUREMENT_STATE.inAlarm, 'alarm'],
  [MEASUREMENT_STATE.measurementOngoing, 'measuring'],
  [MEASUREMENT_STATE.questionable, 'questionable'],
  [MEASUREMENT_STATE.testData | MEASUREMENT_STATE.demoData, 'test-data'],
];

/** The state bits that raise a flag: polls whose states agree on these raise the same flags. */
export const FLAG_STATE_BITS = FLAG_BITS.reduce((bits, [bit]) => bits | bit, 0);

/** The flags raised by the OR of a poll's measurement states, in a fixed order. */
export function flagsOfState(state: number): StatusFlag[] {
  const flags: StatusFlag[] = [];
  for (const [bits, flag] of FLAG_BITS) if ((state & bits) !== 0) flags.push(flag);
  return flags;
}
