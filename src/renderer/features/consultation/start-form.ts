import { checkIns, normaliseIns } from '../../../shared/domain/ins';
import {
  consultationStartSchema,
  IDENTITY_PROBLEMS,
  type AccompanyingRole,
  type ConsultationStart,
  type IdentityDocument,
  type IdentityProblem,
  type IdentityStatus,
  type InsSource,
  type Sex,
} from '../../../shared/domain/consultation';

/**
 * The start form's state as typed (all strings and ticks), and its translation into the API's
 * `consultationStartSchema`: the same schema the backend applies, so the form never lets through
 * what the backend would refuse, and each problem lands beside the field it is about.
 */
export interface StartFields {
  /** Birth family name (nom de naissance). */
  readonly familyName: string;
  /** Birth given names, in order, separated by spaces as on the document ("Jean Stéphane Patrick"). */
  readonly givenNames: string;
  readonly usedGivenName: string;
  readonly birthDate: string;
  readonly sex: Sex | '';
  /** INSEE code of the place of birth. */
  readonly birthPlace: string;
  readonly identityStatus: IdentityStatus;
  /** The document the operator checked: asked for a validated or qualified identity only. */
  readonly identityDocument: IdentityDocument | '';
  /** Where the INS came from: asked for a recovered or qualified identity only. */
  readonly insSource: InsSource | '';
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
  'usedGivenName',
  'birthDate',
  'sex',
  'birthPlace',
  'identityStatus',
  'identityDocument',
  'insSource',
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
  | 'birthPlaceFormat'
  | IdentityFieldProblem
  | 'insuranceFormat'
  | 'identifierFormat'
  | 'consentRequired'
  | 'invalid';

/** The identity status's requirements (consultation.ts `identityProblems`), as the form words them. */
export type IdentityFieldProblem = `identity:${IdentityProblem}`;

export type FieldErrors = Partial<Record<FieldName, FieldProblem>>;

/** Whether the status asks for the document checked, and for where the INS came from. */
export function identityAsks(status: IdentityStatus): { document: boolean; insSource: boolean } {
  return {
    document: status === 'validated' || status === 'qualified',
    insSource: status === 'recovered' || status === 'qualified',
  };
}

export function emptyFields(recordedBy: string): StartFields {
  return {
    familyName: '',
    givenNames: '',
    usedGivenName: '',
    birthDate: '',
    sex: '',
    birthPlace: '',
    identityStatus: 'provisional',
    identityDocument: '',
    insSource: '',
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
  const usedGivenName = blank(fields.usedGivenName);
  const birthPlace = blank(fields.birthPlace.replace(/\s+/g, '').toUpperCase());
  // What the status does not ask for is not sent, even if chosen before the status changed.
  const asks = identityAsks(fields.identityStatus);
  const identityDocument =
    asks.document && fields.identityDocument !== '' ? fields.identityDocument : undefined;
  const insSource = asks.insSource && fields.insSource !== '' ? fields.insSource : undefined;
  const candidate = {
    patient: {
      familyName: fields.familyName,
      birthGivenNames: fields.givenNames.split(/\s+/).filter((name) => name.length > 0),
      ...(usedGivenName === undefined ? {} : { usedGivenName }),
      birthDate: fields.birthDate,
      sex: fields.sex === '' ? undefined : fields.sex,
      ...(birthPlace === undefined ? {} : { birthPlace }),
      identityStatus: fields.identityStatus,
      ...(identityDocument === undefined ? {} : { identityDocument }),
      ...(insSource === undefined ? {} : { insSource }),
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
      if (field === null || errors[field] !== undefined) continue;
      const identity = IDENTITY_PROBLEMS.find((problem) => problem === issue.message);
      errors[field] =
        issue.code === 'custom' && identity !== undefined
          ? `identity:${identity}`
          : problemOf(field, issue.code, fields);
    }
  }
  // What the schema accepts but the station must still refuse.
  if (errors.birthDate === undefined && fields.birthDate > today) errors.birthDate = 'futureDate';
  if (!fields.consentTeleconsultation) errors.consentTeleconsultation = 'consentRequired';
  if (errors.ins !== undefined && !errors.ins.startsWith('identity:'))
    errors.ins = insProblem(fields.ins) ?? 'insFormat';
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

export function firstError(errors: FieldErrors): FieldName | null {
  return FIELD_ORDER.find((field) => errors[field] !== undefined) ?? null;
}

const PATHS: Readonly<Record<string, FieldName>> = {
  'patient.familyName': 'familyName',
  'patient.birthGivenNames': 'givenNames',
  'patient.usedGivenName': 'usedGivenName',
  'patient.birthDate': 'birthDate',
  'patient.sex': 'sex',
  'patient.birthPlace': 'birthPlace',
  'patient.identityStatus': 'identityStatus',
  'patient.identityDocument': 'identityDocument',
  'patient.insSource': 'insSource',
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
  // One given name of the list (`patient.birthGivenNames.2`) is the given-names field.
  const key = path
    .map(String)
    .join('.')
    .replace(/^patient\.birthGivenNames\.\d+$/, 'patient.birthGivenNames');
  return PATHS[key] ?? null;
}

const REQUIRED_TEXT: ReadonlySet<FieldName> = new Set([
  'familyName',
  'givenNames',
  'usedGivenName',
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
    case 'birthPlace':
      return 'birthPlaceFormat';
    case 'accompanyingIdentifier':
      return 'identifierFormat';
    case 'motive':
      return 'tooLong';
    case 'identityStatus':
    case 'identityDocument':
    case 'insSource':
    case 'familyName':
    case 'givenNames':
    case 'usedGivenName':
    case 'accompanyingName':
    case 'recordedBy':
    case 'accompanyingRole':
    case 'consentTeleconsultation':
    case 'consentDeviceData':
      return 'invalid';
  }
}
