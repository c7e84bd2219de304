import { z } from 'zod';
import { DEVICE_ERROR_CODES } from './devices';
import { isInseePlaceCode, isValidIns } from './ins';
import { recordedConsultantSchema } from './consultant-identity';

/**
 * The consultation record (issue 6): who the patient is, who accompanies them, their consent, what
 * happened (the timeline), the consultant's report and the care-sheet data. One schema per thing,
 * used wherever it crosses a boundary: the API, the control channel from the consultant's browser,
 * the database rows read back, and the exports.
 * Sources: ../shared/reference/market-and-standards.md §C5 (INS, RPPS) and §D1, §D4 (HAS consent,
 * care sheet codes).
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const isoTime = z.iso.datetime({ offset: false, precision: 3 });

/** FHIR administrative gender. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export { isValidIns } from './ins';

/**
 * The identity status of the Référentiel national d'identitovigilance (RNIV), as FR Core codes it
 * (PROV, RECUP, VALI, QUAL): whether the traits and the INS came from the INSi teleservice
 * (recovered) and whether they were checked against a high-trust identity document (validated);
 * qualified is both. Sources: ./README.md ("Identity status").
 */
export const IDENTITY_STATUSES = ['provisional', 'recovered', 'validated', 'qualified'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

/**
 * The high-trust document the operator checked, as FR Core 2.2.0 codes it
 * (fr-core-cs-mode-validation-identity): national identity card, passport, residence permit,
 * family record book, birth certificate extract.
 */
export const IDENTITY_DOCUMENTS = ['CN', 'PA', 'CS', 'LE', 'AN'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

/**
 * Where a recovered INS came from, as FR Core 2.2.0 codes the channel (fr-core-cs-method-collection):
 * the INSi teleservice queried with the traits (INSI) or through the Vitale card (CV) — by the
 * operator's own certified software, the station cannot call it —, the INS Datamatrix of a document
 * that already carries a qualified identity (CB), or the Appli carte Vitale (AV).
 */
export const INS_SOURCES = ['INSI', 'CV', 'CB', 'AV'] as const;
export type InsSource = (typeof INS_SOURCES)[number];

/**
 * The patient's identity as the RNIV defines its strict traits: birth family name, birth given
 * names (the list, in order), date of birth, sex, place of birth (INSEE code); plus the given name
 * the patient uses, the identity status and what was checked to reach it.
 */
export const patientTraitsSchema = z.strictObject({
  /** Birth family name (nom de naissance), as on the identity document. */
  familyName: text(100),
  /** Birth given names (prénoms de naissance), in the document's order. */
  birthGivenNames: z.array(text(60)).min(1).max(10),
  /** The given name the patient uses (prénom utilisé), when it is not the first birth given name. */
  usedGivenName: optionalText(60),
  birthDate: z.iso.date(),
  sex: z.enum(SEXES),
  /** INSEE code of the place of birth: a commune (75056, 2A004, 97411) or 99 + a country. */
  birthPlace: z.string().refine(isInseePlaceCode, 'birth place: an INSEE code (5 characters)').optional(),
  identityStatus: z.enum(IDENTITY_STATUSES),
  /** The high-trust document the operator checked (validated and qualified identities). */
  identityDocument: z.enum(IDENTITY_DOCUMENTS).optional(),
  /** Where the INS came from (recovered and qualified identities). */
  insSource: z.enum(INS_SOURCES).optional(),
  /** INS matricule (NIR or provisional NIA) with its key, spaces removed by the form (./ins.ts). */
  ins: z.string().refine(isValidIns, 'INS: 15 characters with a valid key (see ins.ts)').optional(),
  /**
   * An INS recorded before identity statuses existed (records schema 6) that today's checks refuse
   * (no key, impossible structure): kept as it was typed, shown, never exported as an INS. A new
   * consultation cannot set it.
   */
  legacyIns: z.string().max(30).optional(),
  /** Health-insurance number as printed on the card or the attestation de droits. */
  insuranceNumber: z
    .string()
    .regex(/^[0-9A-Za-z ]{5,30}$/, 'insurance number: 5 to 30 letters or digits')
    .optional(),
});

/** Why an identity status is refused for what was recorded: codes the start form words. */
export const IDENTITY_PROBLEMS = [
  /** Validated or qualified without the document the operator checked. */
  'document-required',
  /** Provisional or recovered with a document checked: that would be validated or qualified. */
  'document-unexpected',
  /** Recovered or qualified without the INS or without where it came from. */
  'ins-required',
  'ins-source-required',
  /** Provisional or validated with an INS source: that would be recovered or qualified. */
  'ins-source-unexpected',
  /** Qualified without the place of birth (FR Core INS profile: birth place 1..1). */
  'birth-place-required',
  /** Qualified with sex "other": the INS sexes are male, female, unknown (FR Core INS gender value set). */
  'sex-not-ins',
] as const;
export type IdentityProblem = (typeof IDENTITY_PROBLEMS)[number];

/**
 * What each status requires, as a list of (field, problem): a typed number alone never makes a
 * qualified identity, the operator records the document and where the INS came from.
 */
export function identityProblems(
  patient: z.infer<typeof patientTraitsSchema>,
): { field: 'identityDocument' | 'ins' | 'insSource' | 'birthPlace' | 'sex'; problem: IdentityProblem }[] {
  const problems: ReturnType<typeof identityProblems> = [];
  const checked = patient.identityStatus === 'validated' || patient.identityStatus === 'qualified';
  const recovered = patient.identityStatus === 'recovered' || patient.identityStatus === 'qualified';
  if (checked && patient.identityDocument === undefined)
    problems.push({ field: 'identityDocument', problem: 'document-required' });
  if (!checked && patient.identityDocument !== undefined)
    problems.push({ field: 'identityDocument', problem: 'document-unexpected' });
  if (recovered && patient.ins === undefined) problems.push({ field: 'ins', problem: 'ins-required' });
  if (recovered && patient.insSource === undefined)
    problems.push({ field: 'insSource', problem: 'ins-source-required' });
  if (!recovered && patient.insSource !== undefined)
    problems.push({ field: 'insSource', problem: 'ins-source-unexpected' });
  if (patient.identityStatus === 'qualified' && patient.birthPlace === undefined)
    problems.push({ field: 'birthPlace', problem: 'birth-place-required' });
  if (patient.identityStatus === 'qualified' && patient.sex === 'other')
    problems.push({ field: 'sex', problem: 'sex-not-ins' });
  return problems;
}

export const patientSchema = patientTraitsSchema.superRefine((patient, context) => {
  for (const { field, problem } of identityProblems(patient))
    context.addIssue({ code: 'custom', path: [field], message: problem, params: { identity: problem } });
});
export type Patient = z.infer<typeof patientSchema>;

/** The birth given names as one line ("Jean Stéphane Patrick"). */
export function givenNamesText(patient: Pick<Patient, 'birthGivenNames'>): string {
  return patient.birthGivenNames.join(' ');
}

/** The INS a receiver may use: only a qualified identity's (RNIV; FR Core FRCorePatientINSProfile). */
export function shareableIns(patient: Patient): string | undefined {
  return patient.identityStatus === 'qualified' ? patient.ins : undefined;
}

export const ACCOMPANYING_ROLES = ['nurse', 'pharmacist', 'physician', 'midwife', 'other'] as const;
export type AccompanyingRole = (typeof ACCOMPANYING_ROLES)[number];

/** The professional beside the patient (téléconsultation assistée). */
export const accompanyingSchema = z.strictObject({
  name: text(120),
  role: z.enum(ACCOMPANYING_ROLES),
  /** RPPS (11 digits) or ADELI (9 digits), when the professional gives one. */
  identifier: z
    .string()
    .regex(/^(\d{9}|\d{11})$/, 'RPPS has 11 digits, ADELI 9')
    .optional(),
});
export type Accompanying = z.infer<typeof accompanyingSchema>;

/**
 * The patient's consent, as asked on the station. `teleconsultation` must be true to start (no
 * consent, no call); `deviceData` says whether device readings may be sent to the consultant and
 * recorded. `recordedBy` names the person who asked and recorded it.
 */
export const consentInputSchema = z.strictObject({
  teleconsultation: z.boolean(),
  deviceData: z.boolean(),
  recordedBy: text(120),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

/** Consent as stored: the input and the time the backend recorded it. */
export const consentSchema = consentInputSchema.extend({ recordedAt: isoTime });
export type Consent = z.infer<typeof consentSchema>;

export const consultationStartSchema = z.strictObject({
  patient: patientSchema.refine((patient) => patient.legacyIns === undefined, {
    message: 'legacyIns: only records from before schema 6 carry one',
    path: ['legacyIns'],
  }),
  accompanying: accompanyingSchema.nullable(),
  consent: consentInputSchema,
  /** Why the patient consults, as told at the desk (the consultant's report has its own reason). */
  motive: optionalText(500),
});
export type ConsultationStart = z.infer<typeof consultationStartSchema>;

/** The consultant's report, free text as written (HAS: recorded and sent after the act). */
export const reportSchema = z.strictObject({
  author: z.strictObject({
    name: text(120),
    rpps: z
      .string()
      .regex(/^\d{11}$/, 'RPPS has 11 digits')
      .optional(),
    /**
     * The national identifier (idNatPs) as given by the CPS card, Pro Santé Connect or the directory:
     * never built from the RPPS, never interpreted (FR Core FRCorePractitionerProfile).
     */
    idNatPs: z
      .string()
      .regex(/^[0-9A-Za-z/-]{2,40}$/, 'idNatPs: letters, digits, / or -')
      .optional(),
  }),
  reason: z.string().trim().max(5000),
  findings: z.string().trim().max(20_000),
  conclusion: z.string().trim().max(10_000),
  prescriptions: z.string().trim().max(10_000),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * The doctor's teleconsultation act: TCG (general practitioner) or TC (other specialties).
 * Sources and the rules tying the acts together: ./README.md ("Today's acts").
 */
export const CARE_ACT_CODES = ['TCG', 'TC'] as const;
export type CareActCode = (typeof CARE_ACT_CODES)[number];
/**
 * Codes earlier versions offered that no current source supports on a teleconsultation care sheet
 * (TE1 abolished in 2022, TE2 is tele-expertise, RNM has no source): still readable in old records,
 * never saved again.
 */
export const RETIRED_ACT_CODES = ['TE1', 'TE2', 'RNM'] as const;
export type RetiredActCode = (typeof RETIRED_ACT_CODES)[number];
/**
 * The act of the professional beside the patient: a nurse's TLS (during planned care), TLL (in a
 * place dedicated to teleconsultation), TLD (at home, outside planned care); a pharmacist's TLM.
 * Which one a role may bill: care-sheet-rules.ts.
 */
export const ACCOMPANYING_ACT_CODES = ['TLS', 'TLL', 'TLD', 'TLM'] as const;
export type AccompanyingActCode = (typeof ACCOMPANYING_ACT_CODES)[number];
/** Care pathway: through the treating doctor, referred by them, or an exception (e.g. urgency). */
export const CARE_PATHWAYS = ['treating-doctor', 'referred', 'exception'] as const;
/** Where the act took place: a pharmacy (officine), a nursing home (EHPAD), the patient's home, a practice, a cabin. */
export const CARE_PLACES = ['pharmacy', 'nursing-home', 'home', 'practice', 'cabin'] as const;
export type CarePlace = (typeof CARE_PLACES)[number];

const careSheetDoctorSchema = z.strictObject({
  name: text(120),
  rpps: z.string().regex(/^\d{11}$/, 'RPPS has 11 digits'),
});

/**
 * What the doctor's SESAM-Vitale software needs to bill the act; we never bill. The patient's
 * identity is taken from the record when exported, not typed again. The rules that need the
 * record (the date is the consultation's, the doctor is the report's author, the accompanying act
 * follows the professional's role) are in care-sheet-rules.ts, applied by the station on save.
 */
export const careSheetSchema = z.strictObject({
  actCode: z.enum(CARE_ACT_CODES),
  /** Date of the act: the consultation's (local) date. */
  date: z.iso.date(),
  doctor: careSheetDoctorSchema,
  /** Why the care sheet's doctor is not the report's author; required only then. */
  doctorReason: optionalText(300),
  teleconsultation: z.literal(true),
  pathway: z.enum(CARE_PATHWAYS),
  place: z.enum(CARE_PLACES),
  accompanyingAct: z.enum(ACCOMPANYING_ACT_CODES).nullable(),
  /** Free remarks for the billing software's operator. */
  remarks: optionalText(1000),
});
export type CareSheet = z.infer<typeof careSheetSchema>;

/**
 * A care sheet as the record may hold it: versions saved before issue 16 may carry a retired act
 * code and no place. Read and shown as they are; a new version is always a `careSheetSchema`.
 */
export const storedCareSheetSchema = careSheetSchema.extend({
  actCode: z.enum([...CARE_ACT_CODES, ...RETIRED_ACT_CODES]),
  place: z.enum(CARE_PLACES).optional(),
});
export type StoredCareSheet = z.infer<typeof storedCareSheetSchema>;

export const CONSULTATION_STATUSES = ['active', 'ended', 'interrupted'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const consultationIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'consultation id: 32 hex digits');

/** Why readings are not being saved, as a code the UI translates (the message is English, for logs). */
export const RECORDING_PROBLEM_CODES = ['disk-full', 'io-error', 'database-closed', 'write-error'] as const;
export type RecordingProblemCode = (typeof RECORDING_PROBLEM_CODES)[number];

/**
 * Whether the device readings of the active consultation are reaching the disk. Readings are
 * counted one per numeric value and one per waveform sample. `droppedReadings` counts what the
 * current failure lost (or the last one, once recovered), so "recording resumed, N readings lost"
 * can be said after it.
 */
export const recordingHealthSchema = z.strictObject({
  state: z.enum(['ok', 'failing']),
  /** Null while ok. */
  code: z.enum(RECORDING_PROBLEM_CODES).nullable(),
  /** When the writes started failing; null while ok. */
  since: isoTime.nullable(),
  message: z.string().max(300),
  /** Readings kept in memory, waiting for the disk. */
  bufferedReadings: z.number().int().nonnegative(),
  droppedReadings: z.number().int().nonnegative(),
});
export type RecordingHealth = z.infer<typeof recordingHealthSchema>;

/** Most measurements from before the consultation kept pending at once (the newest are kept). */
export const MAX_PENDING_MEASUREMENTS = 12;

export const pendingMeasurementIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/, 'pending measurement id: 24 hex digits');

/** One value of a measurement: a cuff result has up to four (systolic, diastolic, mean, pulse). */
export const measuredValueSchema = z.strictObject({
  metric: z.string().max(60),
  unit: z.string().max(20),
  value: z.number().nullable(),
});
export type MeasuredValue = z.infer<typeof measuredValueSchema>;

/**
 * An episodic measurement whose device time is older than the active consultation's start (a
 * cuff's stored result): it may be another patient's, so it never enters the record on its own.
 * The station shows it apart until the nurse confirms it for this patient or dismisses it.
 */
export const pendingMeasurementSchema = z.strictObject({
  id: pendingMeasurementIdSchema,
  device: z.string().max(200),
  /** The device's own measurement time. */
  measuredAt: isoTime,
  /** When the station received it. */
  receivedAt: isoTime,
  values: z.array(measuredValueSchema).min(1).max(8),
});
export type PendingMeasurement = z.infer<typeof pendingMeasurementSchema>;

/** Metrics whose last value a listed consultation carries: far beyond one cart's devices. */
export const MAX_LATEST_VALUES = 16;

/** A consultation as lists and banners show it. */
export const consultationSummarySchema = z.strictObject({
  id: consultationIdSchema,
  status: z.enum(CONSULTATION_STATUSES),
  patient: patientSchema,
  accompanying: accompanyingSchema.nullable(),
  consent: consentSchema,
  motive: z.string().max(500).optional(),
  startedAt: isoTime,
  /** Set when ended, or for an interrupted one the time of its last recorded data. */
  endedAt: isoTime.nullable(),
  hasReport: z.boolean(),
  hasCareSheet: z.boolean(),
  counts: z.strictObject({
    numerics: z.number().int().nonnegative(),
    waveformSamples: z.number().int().nonnegative(),
    media: z.number().int().nonnegative(),
    events: z.number().int().nonnegative(),
  }),
  /**
   * Live only: present on the active consultation as `consultation.current` and
   * `consultation.changed` give it (always, ok or failing); absent from stored, listed and
   * exported summaries, whose readings are what was saved.
   */
  recording: recordingHealthSchema.optional(),
  /**
   * Live only, like `recording`: measurements from before this consultation waiting for the
   * nurse's confirmation (oldest first). Never stored: they go when the consultation ends.
   */
  pending: z.array(pendingMeasurementSchema).max(MAX_PENDING_MEASUREMENTS).optional(),
  /**
   * Listed only (`consultation.list`): the last value of each metric recorded, in the order the
   * metrics first came, so the records list shows values ("SpO₂ 97 %, FC 72 bpm"), not counts.
   */
  latest: z
    .array(z.strictObject({ metric: z.string().max(60), unit: z.string().max(20), value: z.number() }))
    .max(MAX_LATEST_VALUES)
    .optional(),
  /**
   * The doctor as Pro Santé Connect verified them (consultant-identity.ts), once the station had
   * the rendezvous's signed word for it, with when the record took it; absent: the doctor's
   * identity is not verified.
   */
  consultant: recordedConsultantSchema.optional(),
});
export type ConsultationSummary = z.infer<typeof consultationSummarySchema>;

export const MEDIA_KINDS = ['snapshot', 'stethoscope'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_MIMES = ['image/jpeg', 'image/png', 'audio/wav'] as const;
export type MediaMime = (typeof MEDIA_MIMES)[number];

/** Largest attachment: a 60 s 48 kHz 16-bit mono WAV is 5.8 MB; a camera still far less. */
export const MAX_MEDIA_BYTES = 12 * 1024 * 1024;

export const mediaInfoSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  kind: z.enum(MEDIA_KINDS),
  mime: z.enum(MEDIA_MIMES),
  takenAt: isoTime,
  bytes: z.number().int().nonnegative(),
  label: z.string().max(200).optional(),
  /** Stethoscope recordings: duration in seconds; snapshots: pixel size. */
  durationS: z.number().nonnegative().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

/**
 * The call as the record tells it: connected, the link lost and being rebuilt (`reconnecting`),
 * back (`reconnected`), over. Drops and reconnects are technical incidents (CSP R6316-4).
 */
export const CALL_EVENT_STATES = ['connected', 'reconnecting', 'reconnected', 'ended'] as const;
export type CallEventState = (typeof CALL_EVENT_STATES)[number];

/**
 * One timeline entry. Readings themselves are stored apart (numerics, waveform chunks) and
 * summarised per metric; the timeline holds what a reader of the record wants in order.
 */
export const timelineEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('started'), time: isoTime }),
  z.strictObject({ kind: z.literal('consent'), time: isoTime, consent: consentSchema }),
  z.strictObject({
    kind: z.literal('device'),
    time: isoTime,
    device: z.string().max(200),
    name: z.string().max(120),
    state: z.enum(['connected', 'disconnected']),
    /** Why it went away (unplugged, timeout…), when the device manager said; absent when connected. */
    reason: z.enum(DEVICE_ERROR_CODES).optional(),
    /** Its bytes came from our simulator: every export of the record says so. Absent in older records. */
    simulated: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('media'), time: isoTime, media: mediaInfoSchema }),
  z.strictObject({
    kind: z.literal('chat'),
    time: isoTime,
    from: z.enum(['station', 'consultant']),
    text: text(2000),
  }),
  z.strictObject({ kind: z.literal('note'), time: isoTime, author: text(120), text: text(10_000) }),
  z.strictObject({ kind: z.literal('call'), time: isoTime, state: z.enum(CALL_EVENT_STATES) }),
  /**
   * Readings stopped reaching the disk (`failing`, written if the database still takes it) or
   * reach it again (`resumed`, with when the failure began and how many readings it lost): the
   * gap in the record, a technical incident the report must tell.
   */
  z.strictObject({
    kind: z.literal('recording'),
    time: isoTime,
    state: z.enum(['failing', 'resumed']),
    code: z.enum(RECORDING_PROBLEM_CODES),
    since: isoTime,
    droppedReadings: z.number().int().nonnegative(),
  }),
  /** A measurement from before the consultation, confirmed for this patient (`time`: when confirmed). */
  z.strictObject({
    kind: z.literal('measurement-confirmed'),
    time: isoTime,
    device: z.string().max(200),
    measuredAt: isoTime,
    confirmedBy: z.string().max(120),
    values: z.array(measuredValueSchema).min(1).max(8),
  }),
  z.strictObject({ kind: z.literal('report'), time: isoTime }),
  z.strictObject({ kind: z.literal('care-sheet'), time: isoTime }),
  z.strictObject({ kind: z.literal('interrupted'), time: isoTime }),
  /**
   * The host stopped during the consultation and started again soon enough to resume it
   * (consultation-resume.ts): `since` is its last data before the stop, `time` the restart. Nothing
   * was recorded in between: the gap in the record, a technical incident the report must tell.
   */
  z.strictObject({ kind: z.literal('host-restarted'), time: isoTime, since: isoTime }),
  z.strictObject({ kind: z.literal('ended'), time: isoTime }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** Events the station's screens add (the backend adds the rest itself). */
export const appendableEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('chat'), from: z.enum(['station', 'consultant']), text: text(2000) }),
  z.strictObject({ kind: z.literal('note'), author: text(120), text: text(10_000) }),
  z.strictObject({ kind: z.literal('call'), state: z.enum(CALL_EVENT_STATES) }),
]);
export type AppendableEvent = z.infer<typeof appendableEventSchema>;

/** Min / max / last of one metric of one device over the consultation, with their times. */
export const metricSummarySchema = z.strictObject({
  device: z.string().max(200),
  metric: z.string().max(60),
  unit: z.string().max(20),
  count: z.number().int().nonnegative(),
  min: z.strictObject({ value: z.number(), time: isoTime }).nullable(),
  max: z.strictObject({ value: z.number(), time: isoTime }).nullable(),
  last: z.strictObject({ value: z.number(), time: isoTime }).nullable(),
});
export type MetricSummary = z.infer<typeof metricSummarySchema>;

/** One waveform channel recorded: where its samples are, for strips and exports. */
export const waveformChannelSchema = z.strictObject({
  device: z.string().max(200),
  metric: z.string().max(60),
  unit: z.string().max(20),
  rateHz: z.number().positive(),
  firstSampleAt: isoTime,
  lastSampleAt: isoTime,
  samples: z.number().int().nonnegative(),
});
export type WaveformChannel = z.infer<typeof waveformChannelSchema>;

/**
 * Why the record refused a write, as a code the doctor's page and the station translate: after
 * the end the record is sealed (`record-sealed`), except for a new report version within the
 * amendment window (`amend-window-closed` once it has passed).
 */
export const RECORD_REFUSAL_CODES = [
  'record-sealed',
  'amend-window-closed',
  'consultation-not-active',
  // The care sheet's own rules (care-sheet-rules.ts): dated otherwise than the consultation, signed
  // by another doctor than the report's author without a reason, an accompanying act the
  // professional's role does not bill.
  'care-sheet-date',
  'care-sheet-doctor',
  'care-sheet-accompanying-act',
  // Pro Santé Connect verified the doctor: the report's author and the care sheet's doctor are
  // that doctor (name and RPPS), never another typed in their place.
  'author-not-verified',
] as const;
export type RecordRefusalCode = (typeof RECORD_REFUSAL_CODES)[number];

/** The report and the care sheet are versioned: each save adds one, nothing is overwritten. */
export const RECORD_VERSION_KINDS = ['report', 'care-sheet'] as const;
export type RecordVersionKind = (typeof RECORD_VERSION_KINDS)[number];

/** One saved version: its number (from 1), when, and who the station knew was acting. */
export const recordVersionInfoSchema = z.strictObject({
  kind: z.enum(RECORD_VERSION_KINDS),
  version: z.number().int().positive(),
  savedAt: isoTime,
  /** The audit actor: the doctor's session as the station knows it, or the station's operator. */
  savedBy: z.string().max(120),
});
export type RecordVersionInfo = z.infer<typeof recordVersionInfoSchema>;

export const reportVersionSchema = recordVersionInfoSchema.extend({
  kind: z.literal('report'),
  report: reportSchema,
});
export const careSheetVersionSchema = recordVersionInfoSchema.extend({
  kind: z.literal('care-sheet'),
  careSheet: storedCareSheetSchema,
});
export const recordVersionSchema = z.discriminatedUnion('kind', [
  reportVersionSchema,
  careSheetVersionSchema,
]);
export type RecordVersion = z.infer<typeof recordVersionSchema>;

/** A consultation opened in full: what the record screen shows. */
export const consultationDetailSchema = z.strictObject({
  summary: consultationSummarySchema,
  timeline: z.array(timelineEventSchema),
  media: z.array(mediaInfoSchema),
  metrics: z.array(metricSummarySchema),
  waveforms: z.array(waveformChannelSchema),
  devices: z.array(
    z.strictObject({ id: z.string().max(200), name: z.string().max(120), protocol: z.string().max(60) }),
  ),
  /** The latest report and care sheet (the versions below hold every earlier one). */
  report: reportSchema.nullable(),
  careSheet: storedCareSheetSchema.nullable(),
  /** Every saved version, oldest first; absent only in records made by hand (tests, fixtures). */
  versions: z.array(recordVersionSchema).optional(),
});
export type ConsultationDetail = z.infer<typeof consultationDetailSchema>;

export const EXPORT_FORMATS = ['report-pdf', 'fhir-json', 'care-sheet-json', 'care-sheet-pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LANGUAGES = ['en', 'fr'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** Base64 of an export or an attachment; a 12 MiB file is 16 Mi characters. */
export const MAX_BASE64_CHARS = Math.ceil((MAX_MEDIA_BYTES * 4) / 3) + 4;

export const AUDIT_ACTIONS = [
  'consultation.start',
  'consultation.open',
  'consultation.end',
  'consultation.interrupted',
  'consultation.resumed',
  'consultation.export',
  'consultation.delete',
  'consultation.purge',
  'measurement.confirm',
  'measurement.dismiss',
  'database.open',
  'database.key-created',
  'report.version',
  'care-sheet.version',
  'report.link',
  'media.attach',
  'chat.add',
  'note.add',
  'call.event',
  'write.refused',
  'consultant.verified',
  'audit.chain-broken',
  'database.damaged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  time: isoTime,
  action: z.enum(AUDIT_ACTIONS),
  /**
   * Who, as the station knows it: the operator set at the station (`operatorName`, else
   * `station`), the doctor's session (`consultant:<invite id>`), or `system`.
   */
  actor: z.string().max(120),
  consultationId: consultationIdSchema.nullable(),
  detail: z.string().max(500),
  /** SHA-256 (hex) of this row's canonical content and the previous row's hash: the chain. */
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
