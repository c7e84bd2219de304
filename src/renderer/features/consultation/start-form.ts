import { checkIns, normaliseIns } from '../../../shared/domain/ins';
import {
  consultationStartSchema,
  type AccompanyingRole,
  type ConsultationStart,
  type Sex,
} from '../../../shared/domain/consultation';

/**
 * The start form's state as typed (all strings and ticks), and its translation into the API's
 * `consultationStartSchema`: the same schema the backend applies, so the form never lets through
 * what the backend would refuse, and each problem lands beside the field it is about.
 */
export interface StartFields {
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly sex: Sex | '';
  readonly ins: string;
  readonly insuranceNumber: string;
  readonly motive: string;
  readonly accompanied: boolean;
  readonly accompanyingName: string;
  readonly accompanyingRole: AccompanyingRole;
  readonly accompanyingIdentifier: string;
  readonly consentTeleconsultation: boolean;
  readonly consentDeviceData: boolean;
  readonly recordedBy: string;
}

export type FieldName = Exclude<keyof StartFields, 'accompanied'>;

/** Screen order: the first field in error is the one focused. */
export const FIELD_ORDER: readonly FieldName[] = [
  'familyName',
  'givenNames',
  'birthDate',
  'sex',
  'ins',
  'insuranceNumber',
  'motive',
  'accompanyingName',
  'accompanyingRole',
  'accompanyingIdentifier',
  'consentTeleconsultation',
  'consentDeviceData',
  'recordedBy',
];

/** Why a field is refused; the screen words each one in its language. */
export type FieldProblem =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'futureDate'
  | 'insFormat'
  | 'insKeyMissing'
  | 'insStructure'
  | 'insKey'
  | 'insuranceFormat'
  | 'identifierFormat'
  | 'consentRequired'
  | 'invalid';

export type FieldErrors = Partial<Record<FieldName, FieldProblem>>;

export function emptyFields(recordedBy: string): StartFields {
  return {
    familyName: '',
    givenNames: '',
    birthDate: '',
    sex: '',
    ins: '',
    insuranceNumber: '',
    motive: '',
    accompanied: false,
    accompanyingName: '',
    accompanyingRole: 'nurse',
    accompanyingIdentifier: '',
    consentTeleconsultation: false,
    consentDeviceData: false,
    recordedBy,
  };
}

export { normaliseIns };

/** Why an INS is refused, as the form words it (ins.ts gives the code). */
export function insProblem(typed: string): 'insFormat' | 'insKeyMissing' | 'insStructure' | 'insKey' | null {
  const ins = normaliseIns(typed);
  if (ins === '') return null;
  const checked = checkIns(ins);
  if (checked.ok) return null;
  switch (checked.problem) {
    case 'format':
      return 'insFormat';
    case 'key-missing':
      return 'insKeyMissing';
    case 'key':
      return 'insKey';
    case 'sex':
    case 'month':
    case 'department':
    case 'commune':
    case 'order':
      return 'insStructure';
  }
}

export type StartResult =
  | { readonly ok: true; readonly value: ConsultationStart }
  | { readonly ok: false; readonly errors: FieldErrors };

/** Checks the form; `today` (YYYY-MM-DD, local) bounds the birth date. */
export function buildStart(fields: StartFields, today: string): StartResult {
  const blank = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
  const ins = blank(normaliseIns(fields.ins));
  const insuranceNumber = blank(fields.insuranceNumber);
  const motive = blank(fields.motive);
  const identifier = blank(fields.accompanyingIdentifier.replace(/\s+/g, ''));
  const candidate = {
    patient: {
      familyName: fields.familyName,
      givenNames: fields.givenNames,
      birthDate: fields.birthDate,
      sex: fields.sex === '' ? undefined : fields.sex,
      ...(ins === undefined ? {} : { ins }),
      ...(insuranceNumber === undefined ? {} : { insuranceNumber }),
    },
    accompanying: fields.accompanied
      ? {
          name: fields.accompanyingName,
          role: fields.accompanyingRole,
          ...(identifier === undefined ? {} : { identifier }),
        }
      : null,
    consent: {
      teleconsultation: fields.consentTeleconsultation,
      deviceData: fields.consentDeviceData,
      recordedBy: fields.recordedBy,
    },
    ...(motive === undefined ? {} : { motive }),
  };
  const errors: FieldErrors = {};
  const parsed = consultationStartSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (field !== null && errors[field] === undefined) errors[field] = problemOf(field, issue.code, fields);
    }
  }
  // What the schema accepts but the station must still refuse.
  if (errors.birthDate === undefined && fields.birthDate > today) errors.birthDate = 'futureDate';
  if (!fields.consentTeleconsultation) errors.consentTeleconsultation = 'consentRequired';
  if (errors.ins !== undefined) errors.ins = insProblem(fields.ins) ?? 'insFormat';
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

export function firstError(errors: FieldErrors): FieldName | null {
  return FIELD_ORDER.find((field) => errors[field] !== undefined) ?? null;
}

const PATHS: Readonly<Record<string, FieldName>> = {
  'patient.familyName': 'familyName',
  'patient.givenNames': 'givenNames',
  'patient.birthDate': 'birthDate',
  'patient.sex': 'sex',
  'patient.ins': 'ins',
  'patient.insuranceNumber': 'insuranceNumber',
  motive: 'motive',
  'accompanying.name': 'accompanyingName',
  'accompanying.role': 'accompanyingRole',
  'accompanying.identifier': 'accompanyingIdentifier',
  'consent.teleconsultation': 'consentTeleconsultation',
  'consent.deviceData': 'consentDeviceData',
  'consent.recordedBy': 'recordedBy',
};

function fieldOf(path: readonly PropertyKey[]): FieldName | null {
  return PATHS[path.map(String).join('.')] ?? null;
}

const REQUIRED_TEXT: ReadonlySet<FieldName> = new Set([
  'familyName',
  'givenNames',
  'accompanyingName',
  'recordedBy',
]);

function problemOf(field: FieldName, code: string, fields: StartFields): FieldProblem {
  if (REQUIRED_TEXT.has(field)) return code === 'too_big' ? 'tooLong' : 'required';
  switch (field) {
    case 'birthDate':
      return fields.birthDate === '' ? 'required' : 'invalidDate';
    case 'sex':
      return 'required';
    case 'ins':
      return insProblem(fields.ins) ?? 'insFormat';
    case 'insuranceNumber':
      return 'insuranceFormat';
    case 'accompanyingIdentifier':
      return 'identifierFormat';
    case 'motive':
      return 'tooLong';
    case 'familyName':
    case 'givenNames':
    case 'accompanyingName':
    case 'recordedBy':
    case 'accompanyingRole':
    case 'consentTeleconsultation':
    case 'consentDeviceData':
      return 'invalid';
  }
}
