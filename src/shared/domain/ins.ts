/**
 * The INS matricule: a NIR (INSEE's registration number) or, for a person still waiting for one,
 * a provisional NIA, always with its 2-digit key. Structure and key as the sources in
 * ./README.md ("INS matricule") give them; nothing here calls a teleservice.
 *
 *   s  yy  mm  ddccc      ooo  kk
 *   1  85  05  78 006     084  36    born in France (department 2 characters, commune 3 digits)
 *   2  60  05  2A 004     123  kk    Corsica: 2A / 2B, read as 19 / 18 for the key
 *   1  72  11  974 11     001  kk    overseas: 3-digit department (97x, 98x), 2-digit commune
 *   1  90  03  99 350     017  kk    born abroad: 99 and the INSEE country code
 *   7  ...                           provisional NIA (7 or 8): structure alike
 */

/** Why a typed matricule is refused: a code the forms word in their language. */
export const INS_PROBLEMS = [
  /** Not 15 characters of digits (2A/2B allowed in the department). */
  'format',
  /** 13 characters: the key is missing (a matricule is stored and exchanged with its key). */
  'key-missing',
  /** First digit neither 1/2 (NIR) nor 7/8 (provisional NIA). */
  'sex',
  /** Month 00, 13–19 or 43–49. */
  'month',
  /** Department 00. */
  'department',
  /** Commune (or country) 000, or overseas commune 00. */
  'commune',
  /** Order 000. */
  'order',
  /** The key is not 97 − (number mod 97). */
  'key',
] as const;
export type InsProblem = (typeof INS_PROBLEMS)[number];

/** NIR: a definitive number (first digit 1 or 2). NIA: a provisional one (7 or 8). */
export type InsKind = 'NIR' | 'NIA';

export type InsCheck =
  | { readonly ok: true; readonly kind: InsKind; readonly value: string }
  | { readonly ok: false; readonly problem: InsProblem };

/** As typed on a card (`1 85 05 78 006 084 36`): spaces removed, letters upper-cased (2a → 2A). */
export function normaliseIns(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

const SHAPE = /^([0-9])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/;

/**
 * Checks a matricule already normalised (see `normaliseIns`). The first problem found is the one
 * reported, in reading order, the key last: a wrong key on an impossible number says "impossible".
 */
export function checkIns(value: string): InsCheck {
  if (/^[0-9]{13}$|^[0-9]{5}2[AB][0-9]{6}$/.test(value)) return { ok: false, problem: 'key-missing' };
  const match = SHAPE.exec(value);
  if (match === null) return { ok: false, problem: 'format' };
  const [, sex = '', , month = '', department = '', commune = '', order = '', key = ''] = match;
  const kind: InsKind | null = sex === '1' || sex === '2' ? 'NIR' : sex === '7' || sex === '8' ? 'NIA' : null;
  if (kind === null) return { ok: false, problem: 'sex' };
  if (!isPossibleMonth(Number(month))) return { ok: false, problem: 'month' };
  if (department === '00') return { ok: false, problem: 'department' };
  if (!isPossiblePlace(department, commune)) return { ok: false, problem: 'commune' };
  if (order === '000') return { ok: false, problem: 'order' };
  if (insKey(value.slice(0, 13)) !== Number(key)) return { ok: false, problem: 'key' };
  return { ok: true, kind, value };
}

export function isValidIns(value: string): boolean {
  return checkIns(value).ok;
}

/**
 * The key of 13 characters: 97 − (number mod 97), Corsica's 2A read as 19 and 2B as 18.
 * Callers pass a 13-character matricule whose only letters are a Corsican department.
 */
export function insKey(thirteen: string): number {
  const digits = thirteen.slice(0, 5) + corsicaAsDigits(thirteen.slice(5, 7)) + thirteen.slice(7);
  return 97 - Number(BigInt(digits) % 97n);
}

function corsicaAsDigits(department: string): string {
  if (department === '2A') return '19';
  if (department === '2B') return '18';
  return department;
}

/**
 * 01–12; 20–42 and 50–99 are the codes given when the civil-status record does not tell the
 * month (README, "unknown month"); 00, 13–19 and 43–49 are impossible.
 */
function isPossibleMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
}

/**
 * Overseas departments take 3 digits (971 …) and leave 2 to the commune; elsewhere the commune
 * (or, with 99, the country) has 3 digits. None is all zeros.
 */
function isPossiblePlace(department: string, commune: string): boolean {
  if (department === '97' || department === '98') return commune.slice(1) !== '00';
  return commune !== '000';
}

/** An INSEE place code for the place of birth: a commune (75056, 2A004, 97411) or 99 + a country. */
export function isInseePlaceCode(code: string): boolean {
  const match = /^(\d{2}|2A|2B)(\d{3})$/.exec(code);
  if (match === null) return false;
  const department = match[1] ?? '';
  return department !== '00' && isPossiblePlace(department, match[2] ?? '');
}
