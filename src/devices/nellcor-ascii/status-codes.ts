import { STATUS_FLAGS, type StatusFlag } from '../../shared/domain/readings';

/**
 * The two-letter status codes at the end of a data line (OpenICE nellcor-n595.spec names) and
 * the flags they raise. AO (alarm off) and AS (alarm silence) are the monitor's alarm settings,
 * not a patient or sensor condition: decoded, not shown. LM is named "loss of pulse /
 * interference" by the same source, so it raises both flags.
 */
export const STATUS_CODES = {
  AO: [],
  AS: [],
  LB: ['low-battery'],
  LM: ['artifact', 'pulse-lost'],
  LP: ['pulse-lost'],
  MO: ['artifact'],
  PH: ['alarm'],
  PL: ['alarm'],
  PS: ['searching'],
  SH: ['alarm'],
  SL: ['alarm'],
  SD: ['sensor-disconnected'],
  SO: ['probe-off'],
} as const satisfies Record<string, readonly StatusFlag[]>;

export type StatusCode = keyof typeof STATUS_CODES;

const CODE_BITS = new Map<string, number>(Object.keys(STATUS_CODES).map((code, i) => [code, 1 << i]));

export function isStatusCode(code: string): code is StatusCode {
  return CODE_BITS.has(code);
}

/** One bit per known code: a cheap key to tell whether the set changed. Unknown codes are 0. */
export function codeMask(codes: readonly string[]): number {
  let mask = 0;
  for (const code of codes) mask |= CODE_BITS.get(code) ?? 0;
  return mask;
}

/** The flags raised by `codes`, each once, in STATUS_FLAGS order. */
export function statusFlags(codes: readonly string[]): StatusFlag[] {
  const raised = new Set<StatusFlag>();
  for (const code of codes) if (isStatusCode(code)) for (const flag of STATUS_CODES[code]) raised.add(flag);
  return STATUS_FLAGS.filter((flag) => raised.has(flag));
}
