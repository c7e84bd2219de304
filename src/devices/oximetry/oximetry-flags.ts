import type { StatusFlag } from '../../shared/domain/readings';

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
