import type {
  AccompanyingActCode,
  AccompanyingRole,
  CarePlace,
  CareSheet,
  RecordRefusalCode,
} from './consultation';

/**
 * Today's rules for a teleconsultation care sheet, with their sources in ./README.md ("Today's
 * acts"). Pure: the station applies them on save (a refusal with a code), the doctor's form applies
 * them first (the same code beside the field) and defaults the accompanying act from the role.
 */

/** Which accompanying act each role bills: a nurse TLS, TLL or TLD; a pharmacist TLM; others none. */
export function accompanyingActsFor(role: AccompanyingRole | null): readonly AccompanyingActCode[] {
  switch (role) {
    case 'nurse':
      return ['TLS', 'TLL', 'TLD'];
    case 'pharmacist':
      return ['TLM'];
    case 'physician':
    case 'midwife':
    case 'other':
    case null:
      return [];
  }
}

/**
 * The act a role would bill where the act took place: a pharmacist TLM; a nurse TLD at the
 * patient's home, TLL elsewhere (a place dedicated to teleconsultation); TLS (during planned care)
 * only the doctor can tell, so it is never the default.
 */
export function defaultAccompanyingAct(
  role: AccompanyingRole | null,
  place: CarePlace | undefined,
): AccompanyingActCode | null {
  if (role === 'pharmacist') return 'TLM';
  if (role === 'nurse') return place === 'home' ? 'TLD' : 'TLL';
  return null;
}

/** Where the act most likely took place, from who is beside the patient: a pharmacist's pharmacy. */
export function defaultPlace(role: AccompanyingRole | null): CarePlace | undefined {
  return role === 'pharmacist' ? 'pharmacy' : undefined;
}

export interface CareSheetContext {
  /** The consultation's date (YYYY-MM-DD, the station's local date of its start). */
  readonly consultationDate: string;
  /** The professional beside the patient, as the station recorded them; null when alone. */
  readonly accompanyingRole: AccompanyingRole | null;
  /** The report's author (latest version), when a report exists. */
  readonly author: { readonly name: string; readonly rpps?: string } | null;
}

export type CareSheetProblem = Extract<
  RecordRefusalCode,
  'care-sheet-date' | 'care-sheet-doctor' | 'care-sheet-accompanying-act'
>;

/** Everything wrong with a care sheet for its record, in the form's order (date, doctor, act). */
export function careSheetProblems(sheet: CareSheet, context: CareSheetContext): CareSheetProblem[] {
  const problems: CareSheetProblem[] = [];
  if (sheet.date !== context.consultationDate) problems.push('care-sheet-date');
  if (
    context.author !== null &&
    !sameDoctor(context.author, sheet.doctor) &&
    (sheet.doctorReason ?? '').trim() === ''
  )
    problems.push('care-sheet-doctor');
  const allowed = accompanyingActsFor(context.accompanyingRole);
  const act = sheet.accompanyingAct;
  if (act === null ? allowed.length > 0 : !allowed.includes(act))
    problems.push('care-sheet-accompanying-act');
  return problems;
}

/** The same doctor: the same RPPS when the report gives one, else the same name (case and spaces aside). */
export function sameDoctor(
  author: { readonly name: string; readonly rpps?: string },
  doctor: { readonly name: string; readonly rpps: string },
): boolean {
  if (author.rpps !== undefined) return author.rpps === doctor.rpps;
  const plain = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr-FR');
  return plain(author.name) === plain(doctor.name);
}

/** The calendar date of an instant in a time zone (the station's when none is given). */
export function localDateOf(instant: string | number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
