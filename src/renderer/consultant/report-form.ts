import {
  careSheetSchema,
  reportSchema,
  type ACCOMPANYING_ACT_CODES,
  type CARE_ACT_CODES,
  type CARE_PATHWAYS,
  type CareSheet,
  type Report,
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
  readonly actCode: (typeof CARE_ACT_CODES)[number];
  readonly date: string;
  readonly pathway: (typeof CARE_PATHWAYS)[number];
  readonly accompanyingAct: (typeof ACCOMPANYING_ACT_CODES)[number] | '';
  readonly remarks: string;
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
  | 'accompanyingAct'
  | 'remarks';

export type FormProblem = 'required' | 'rpps' | 'tooLong' | 'invalidDate' | 'empty' | 'invalid';
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

export function buildCareSheet(doctor: DoctorFields, fields: CareSheetFields): Built<CareSheet> {
  const remarks = fields.remarks.trim();
  const candidate = {
    actCode: fields.actCode,
    date: fields.date,
    doctor: { name: doctor.name, rpps: compactRpps(doctor.rpps) },
    teleconsultation: true as const,
    pathway: fields.pathway,
    accompanyingAct: fields.accompanyingAct === '' ? null : fields.accompanyingAct,
    ...(remarks === '' ? {} : { remarks }),
  };
  const parsed = careSheetSchema.safeParse(candidate);
  const errors = issuesToErrors(parsed);
  // The RPPS is optional on a report but required on a care sheet: say "required" when it is empty.
  if (errors.doctorRpps !== undefined && compactRpps(doctor.rpps) === '') errors.doctorRpps = 'required';
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors };
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

export function careSheetFieldsOf(sheet: CareSheet): CareSheetFields {
  return {
    actCode: sheet.actCode,
    date: sheet.date,
    pathway: sheet.pathway,
    accompanyingAct: sheet.accompanyingAct ?? '',
    remarks: sheet.remarks ?? '',
  };
}
