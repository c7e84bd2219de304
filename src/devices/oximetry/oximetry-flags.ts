import type { StatusFlag } from '../../shared/domain/readings';
import { VOIDING_FLAGS } from '../validity/reading-rules';

/**
 * Pulse-oximeter status conditions as bits, so the per-frame hot path compares one integer instead
 * of building arrays; the array form is built only when the set changes.
 */
export const OXIMETRY_FLAG = {
  probeOff: 1 << 0,
  searching: 1 << 1,
  searchingTooLong: 1 << 2,
  lowSpo2: 1 << 3,
  pulseBeep: 1 << 4,
} as const;

/** In STATUS_FLAGS order, so a status reading lists its flags in a stable order. */
const FLAG_NAMES: readonly (readonly [number, StatusFlag])[] = [
  [OXIMETRY_FLAG.probeOff, 'probe-off'],
  [OXIMETRY_FLAG.searching, 'searching'],
  [OXIMETRY_FLAG.searchingTooLong, 'searching-too-long'],
  [OXIMETRY_FLAG.lowSpo2, 'low-spo2'],
  [OXIMETRY_FLAG.pulseBeep, 'pulse-beep'],
];

export function flagNames(mask: number): StatusFlag[] {
  const names: StatusFlag[] = [];
  for (const [bit, name] of FLAG_NAMES) if (mask & bit) names.push(name);
  return names;
}

/**
 * The bits whose flag voids the oximetry numerics (validity/reading-rules.ts: probe off,
 * searching…). When this part of the set changes, the emitter re-sends every numeric at once, so
 * the record turns to `null` the moment the device says so, and back to a number the moment it
 * measures again, instead of up to a second later.
 */
export const VOIDING_MASK = FLAG_NAMES.reduce(
  (mask, [bit, name]) => (VOIDING_FLAGS[name] ? mask | bit : mask),
  0,
);
