import { STATUS_FLAGS, type StatusFlag } from '../../shared/domain/readings';
import { VOIDING_FLAGS } from '../validity/reading-rules';

/**
 * Nonin status conditions as bits, so the per-frame hot path compares one integer; the name array
 * is built only when the set changes. Which wire bit maps to which condition is each format's
 * business (frames.ts of each format, with the source in its PROTOCOL.md).
 */
export const NONIN_FLAG = {
  /** SNSA "sensor alarm" — the document glosses it "finger removed". */
  probeOff: 1 << 0,
  /** SNSD "sensor disconnect" (OEM III; reserved on the 9560). */
  probeError: 1 << 1,
  /** OOT "out of track". */
  outOfTrack: 1 << 2,
  /** ARTF "artifact". */
  artifact: 1 << 3,
  /** Red perfusion (#2/#7) or LPRF (#8). */
  lowPerfusion: 1 << 4,
  /** Yellow perfusion (#2/#7) or MPRF (#8). */
  marginalPerfusion: 1 << 5,
  lowBattery: 1 << 6,
} as const;

const NAME_BY_BIT: readonly (readonly [number, StatusFlag])[] = [
  [NONIN_FLAG.probeOff, 'probe-off'],
  [NONIN_FLAG.probeError, 'probe-error'],
  [NONIN_FLAG.outOfTrack, 'out-of-track'],
  [NONIN_FLAG.artifact, 'artifact'],
  [NONIN_FLAG.lowPerfusion, 'low-perfusion'],
  [NONIN_FLAG.marginalPerfusion, 'marginal-perfusion'],
  [NONIN_FLAG.lowBattery, 'low-battery'],
];

/**
 * The bits whose flag voids SpO2 and pulse (validity/reading-rules.ts: SNSA, SNSD, out of track):
 * when this part of the set changes the emitter re-sends its numerics at once.
 */
export const NONIN_VOIDING_MASK = NAME_BY_BIT.reduce(
  (mask, [bit, name]) => (VOIDING_FLAGS[name] ? mask | bit : mask),
  0,
);

/** In STATUS_FLAGS order, so a status reading lists its flags in a stable order across drivers. */
const ORDERED = [...NAME_BY_BIT].sort((a, b) => STATUS_FLAGS.indexOf(a[1]) - STATUS_FLAGS.indexOf(b[1]));

export function noninFlagNames(mask: number): StatusFlag[] {
  const names: StatusFlag[] = [];
  for (const [bit, name] of ORDERED) if (mask & bit) names.push(name);
  return names;
}

/** Perfusion bits of the #2/#7 STATUS byte: green = GPRF, yellow = RPRF + GPRF, red = RPRF. */
export function perfusionFlags(rprf: boolean, gprf: boolean): number {
  if (rprf && gprf) return NONIN_FLAG.marginalPerfusion;
  if (rprf) return NONIN_FLAG.lowPerfusion;
  return 0;
}
