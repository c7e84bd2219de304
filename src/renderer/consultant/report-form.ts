import { careSheetProblems, defaultAccompanyingAct } from '../../shared/domain/care-sheet-rules';
import {
  CARE_ACT_CODES,
  careSheetSchema,
  reportSchema,
  type AccompanyingActCode,
  type AccompanyingRole,
  type CareActCode,
  type CarePlace,
  type CARE_PATHWAYS,
  type CareSheet,
  type Report,
  type StoredCareSheet,
} from '../../shared/domain/consultation';

/**
 * The doctor's report and care-sheet forms as typed, and their translation into the shared
 * schemas the station validates again when they arrive: problems are found here first, beside
 * the field, instead of as a refusal from the station.
 */
export interface DoctorFields {
  readonly name: string;
  readonly rpps: string;
}

export interface ReportFields {
  readonly reason: string;
  readonly findings: string;
  readonly conclusion: string;
  readonly prescriptions: string;
}

export interface CareSheetFields {
  /** Empty when a saved version carried a code no longer billable (TE1, TE2, RNM): choose again. */
  readonly actCode: CareActCode | '';
  readonly date: string;
  readonly pathway: (typeof CARE_PATHWAYS)[number];
  readonly place: CarePlace | '';
  readonly accompanyingAct: AccompanyingActCode | '';
  readonly remarks: string;
}

/** What the station told about the consultation, for the care sheet's own rules (care-sheet-rules.ts). */
export interface CareSheetContext {
  /** The professional beside the patient; null when alone; undefined until the station has said. */
  readonly accompanyingRole: AccompanyingRole | null | undefined;
  /** The consultation's date, when known. */
  readonly consultationDate?: string;
}

export type FormField =
  | 'doctorName'
  | 'doctorRpps'
  | 'reason'
  | 'findings'
  | 'conclusion'
  | 'prescriptions'
  | 'actCode'
  | 'date'
  | 'pathway'
  | 'place'
  | 'accompanyingAct'
  | 'remarks';

export type FormProblem =
  | 'required'
  | 'rpps'
  | 'tooLong'
  | 'invalidDate'
  | 'notConsultationDate'
  | 'notForRole'
  | 'empty'
  | 'invalid';
export type FormErrors = Partial<Record<FormField, FormProblem>>;

export type Built<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FormErrors };

/**
 * The accompanying acts (TLS/TLL/TLD) bill the professional beside the patient: when the station
 * says nobody accompanies the patient, none can apply. Until the station has said (patient info not
 * received yet), the doctor may choose.
 */
export function accompanyingActAllowed(patient: { readonly accompanying: unknown } | null): boolean {
  return patient === null || patient.accompanying !== null;
}

const compactRpps = (rpps: string): string => rpps.replace(/\s+/g, '');

export function buildReport(doctor: DoctorFields, fields: ReportFields): Built<Report> {
  const rpps = compactRpps(doctor.rpps);
  const candidate = {
    author: { name: doctor.name, ...(rpps === '' ? {} : { rpps }) },
    reason: fields.reason,
    findings: fields.findings,
    conclusion: fields.conclusion,
    prescriptions: fields.prescriptions,
  };
  const errors = issuesToErrors(reportSchema.safeParse(candidate));
  const texts = [fields.reason, fields.findings, fields.conclusion, fields.prescriptions];
  if (texts.every((text) => text.trim() === '')) errors.conclusion ??= 'empty';
  const parsed = reportSchema.safeParse(candidate);
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, value: parsed.data }
    : { ok: false, errors };
}

/**
 * The care sheet as the station will check it: the schema, then today's rules the doctor's page
 * can see (the accompanying act by role, the consultation's date when known). The doctor is the
 * report's author by construction (one doctor's name and RPPS serve both forms).
 */
export function buildCareSheet(
  doctor: DoctorFields,
  fields: CareSheetFields,
  context: CareSheetContext = { accompanyingRole: undefined },
): Built<CareSheet> {
  const remarks = fields.remarks.trim();
  const candidate = {
    actCode: fields.actCode,
    date: fields.date,
    doctor: { name: doctor.name, rpps: compactRpps(doctor.rpps) },
    teleconsultation: true as const,
    pathway: fields.pathway,
    place: fields.place === '' ? undefined : fields.place,
    accompanyingAct: fields.accompanyingAct === '' ? null : fields.accompanyingAct,
    ...(remarks === '' ? {} : { remarks }),
  };
  const parsed = careSheetSchema.safeParse(candidate);
  const errors = issuesToErrors(parsed);
  if (fields.actCode === '') errors.actCode = 'required';
  if (fields.place === '') errors.place = 'required';
  // The RPPS is optional on a report but required on a care sheet: say "required" when it is empty.
  if (errors.doctorRpps !== undefined && compactRpps(doctor.rpps) === '') errors.doctorRpps = 'required';
  if (parsed.success && context.accompanyingRole !== undefined) {
    const problems = careSheetProblems(parsed.data, {
      consultationDate: context.consultationDate ?? parsed.data.date,
      accompanyingRole: context.accompanyingRole,
      author: null,
    });
    if (problems.includes('care-sheet-date')) errors.date = 'notConsultationDate';
    if (problems.includes('care-sheet-accompanying-act')) errors.accompanyingAct = 'notForRole';
  }
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, value: parsed.data }
    : { ok: false, errors };
}

/** The accompanying act the form starts from: the one the role bills where the act took place. */
export function defaultActFields(
  role: AccompanyingRole | null,
  place: CarePlace | '',
): Pick<CareSheetFields, 'accompanyingAct'> {
  return { accompanyingAct: defaultAccompanyingAct(role, place === '' ? undefined : place) ?? '' };
}

const PATHS: Readonly<Record<string, FormField>> = {
  'author.name': 'doctorName',
  'author.rpps': 'doctorRpps',
  'doctor.name': 'doctorName',
  'doctor.rpps': 'doctorRpps',
  reason: 'reason',
  findings: 'findings',
  conclusion: 'conclusion',
  prescriptions: 'prescriptions',
  actCode: 'actCode',
  date: 'date',
  pathway: 'pathway',
  place: 'place',
  accompanyingAct: 'accompanyingAct',
  remarks: 'remarks',
};

function issuesToErrors(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; code: string }[] };
}): FormErrors {
  const errors: FormErrors = {};
  for (const issue of result.error?.issues ?? []) {
    const field = PATHS[issue.path.map(String).join('.')];
    if (field === undefined || errors[field] !== undefined) continue;
    errors[field] =
      field === 'doctorRpps'
        ? 'rpps'
        : field === 'date'
          ? 'invalidDate'
          : issue.code === 'too_big'
            ? 'tooLong'
            : issue.code === 'too_small'
              ? 'required'
              : 'invalid';
  }
  return errors;
}

/** A saved report back into the form's fields: the doctor continues from it, never from blank. */
export function reportFieldsOf(report: Report): ReportFields {
  return {
    reason: report.reason,
    findings: report.findings,
    conclusion: report.conclusion,
    prescriptions: report.prescriptions,
  };
}

export function careSheetFieldsOf(sheet: StoredCareSheet): CareSheetFields {
  return {
    actCode: (CARE_ACT_CODES as readonly string[]).includes(sheet.actCode)
      ? (sheet.actCode as CareActCode)
      : '',
    date: sheet.date,
    pathway: sheet.pathway,
    place: sheet.place ?? '',
    accompanyingAct: sheet.accompanyingAct ?? '',
    remarks: sheet.remarks ?? '',
  };
}
