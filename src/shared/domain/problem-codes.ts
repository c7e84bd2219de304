import { ERROR_CODES, type ErrorCode } from '../result';
import { RECORD_REFUSAL_CODES } from './consultation';
import { LIMIT_REACHED } from './doctor-writes';

/**
 * Every code the backend puts in front of an error's message (`<code>: <words for the log>`), so a
 * screen can word it in its own language instead of showing the backend's English. The envelope's
 * own code (`forbidden`, `unavailable`, …) is the fallback when no finer one leads the message.
 */

/** Why the records store cannot do what was asked (records-error.ts throws them). */
export const RECORDS_ERROR_CODES = [
  /** The key does not open this database (another station's key, or a replaced key file). */
  'wrong-key',
  /** The file is not a records database, or it is damaged (truncated, overwritten). */
  'corrupted',
  /** The database exists but its key is gone: nothing is created over it. */
  'key-missing',
  /** The key exists but its database is gone: no new, empty one is made beside it. */
  'database-missing',
  /** The key file is readable by other users; the fix is in the message. */
  'key-file-insecure',
  /** The disk is full: what is buffered stays buffered, what is committed stays committed. */
  'disk-full',
  /** Any other read or write failure of the database file. */
  'io',
  /** The store was closed. */
  'closed',
] as const;
export type RecordsErrorCode = (typeof RECORDS_ERROR_CODES)[number];

/** The records could not open for another reason than a records code, or this host keeps none. */
export const RECORDS_OPEN_CODES = ['records-not-set-up', 'records-failed'] as const;

/** Codes a refused request leads with, beyond the records' own. */
export const REQUEST_REFUSAL_CODES = [
  ...RECORD_REFUSAL_CODES,
  LIMIT_REACHED,
  'consent-required',
  'measurement-not-pending',
  'report-session-unknown',
  'consultation-active',
  'settings-locked',
  'wrong-pin',
  'pin-required',
  'attempt-not-recorded',
] as const;

export const PROBLEM_CODES = [
  ...RECORDS_ERROR_CODES,
  ...RECORDS_OPEN_CODES,
  ...REQUEST_REFUSAL_CODES,
  ...ERROR_CODES,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const FINE_CODES: ReadonlySet<string> = new Set(PROBLEM_CODES.filter((c) => !isEnvelopeCode(c)));

function isEnvelopeCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The finest code of a backend error: the one leading its message, after a method name
 * (`consultation.start: database-missing: …`) or `records: ` if any; else the envelope's code.
 */
export function problemCodeOf(code: ErrorCode, message: string): ProblemCode {
  if (FINE_CODES.has(message)) return message as ProblemCode; // a bare code (`attempt-not-recorded`)
  let rest = message;
  for (let i = 0; i < 3; i++) {
    const lead = /^([a-z][a-zA-Z-]*(?:\.[a-zA-Z]+)?): /.exec(rest)?.[1];
    if (lead === undefined) break;
    if (FINE_CODES.has(lead)) return lead as ProblemCode;
    rest = rest.slice(lead.length + 2);
  }
  return code;
}
