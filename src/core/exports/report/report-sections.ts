import { givenNamesText, shareableIns, type Patient } from '../../../shared/domain/consultation';
import { displayUnit } from '../../../shared/i18n';
import { amendedReport, bloodPressureResults, durationSeconds, metricLabel } from './report-data';
import { careSheetSigner, consultantSigner, reportSigner } from '../signer-verification';
import { calendarDate, deviceLabel, signerText, type ReportContext } from './report-context';

/**
 * The text sections of the report, top to bottom. Each reads the record through the context and
 * writes through the flow layout; missing parts print as such, and the only failure on record
 * content is text the PDF fonts cannot print as written, refused by the layout (printable-text.ts).
 */

export function patientSection(context: ReportContext): void {
  const { t, layout } = context;
  const patient = context.source.detail.summary.patient;
  layout.heading(t.patient);
  layout.keyValues(patientRows(t, patient));
}

/**
 * The identity as the RNIV's strict traits, with its status; the INS only for a qualified identity
 * (without one the INS is neither used nor shared: src/shared/domain/README.md).
 */
export function patientRows(t: ReportContext['t'], patient: Patient): [string, string][] {
  const ins = shareableIns(patient);
  return [
    [t.familyName, patient.familyName],
    [t.givenNames, givenNamesText(patient)],
    ...(patient.usedGivenName === undefined
      ? []
      : [[t.usedGivenName, patient.usedGivenName] as [string, string]]),
    [t.birthDate, calendarDate(patient.birthDate)],
    [t.birthPlace, patient.birthPlace ?? t.notGiven],
    [t.sex, t.sexValue(patient.sex)],
    [t.identityStatus, t.identityStatusValue(patient.identityStatus, patient.identityDocument)],
    [
      t.ins,
      ins ?? (patient.ins === undefined && patient.legacyIns === undefined ? t.notGiven : t.insNotShared),
    ],
    [t.insuranceNumber, patient.insuranceNumber ?? t.notGiven],
  ];
}

export function consultationSection(context: ReportContext): void {
  const { t, format, layout } = context;
  const { summary, report, careSheet } = context.source.detail;
  const started = Date.parse(summary.startedAt);
  const seconds = durationSeconds(summary.startedAt, summary.endedAt);
  const rows: [string, string][] = [
    [t.date, format.date(started)],
    [t.started, format.time(started)],
    [t.ended, summary.endedAt === null ? t.inProgress : context.times.at(summary.endedAt)],
    [t.duration, seconds === null ? t.inProgress : format.duration(seconds)],
  ];
  if (summary.status === 'interrupted') rows.push(['', t.interrupted]);
  if (summary.motive !== undefined && summary.motive !== '') rows.push([t.motive, summary.motive]);
  // The consultant is the report's author; before the report exists, the care sheet's doctor.
  const consultant = report?.author ?? careSheet?.doctor;
  rows.push([
    t.consultant,
    consultant === undefined
      ? t.noConsultant
      : consultant.rpps === undefined
        ? consultant.name
        : `${consultant.name} — ${t.rpps(consultant.rpps)}`,
  ]);
  if (consultant !== undefined)
    rows.push([t.identityCheck, signerText(t, format, consultantSigner(context.source.detail))]);
  const accompanying = summary.accompanying;
  rows.push([
    t.accompanying,
    accompanying === null
      ? t.noAccompanying
      : [accompanying.name, t.roleValue(accompanying.role), accompanying.identifier]
          .filter((part) => part !== undefined)
          .join(' — '),
  ]);
  rows.push([t.consultationId, summary.id]);
  layout.heading(t.consultation);
  layout.keyValues(rows);

  const consent = summary.consent;
  layout.heading(t.consent, 2);
  layout.paragraph(t.consentTeleconsultation(consent.teleconsultation));
  layout.paragraph(t.consentDeviceData(consent.deviceData));
  layout.paragraph(t.consentRecorded(format.dateTime(Date.parse(consent.recordedAt)), consent.recordedBy));
}

export function consultantReportSection(context: ReportContext): void {
  const { t, format, layout } = context;
  const report = context.source.detail.report;
  layout.heading(t.consultantReport);
  if (report === null) {
    layout.paragraph(t.noReport);
    return;
  }
  const amended = amendedReport(context.source.detail);
  if (amended !== null)
    layout.paragraph(t.reportAmended(amended.version, format.dateTime(Date.parse(amended.savedAt))), {
      bold: true,
    });
  const { author } = report;
  layout.keyValues([
    [t.signedBy, author.rpps === undefined ? author.name : `${author.name} — ${t.rpps(author.rpps)}`],
    [t.identityCheck, signerText(t, format, reportSigner(context.source.detail))],
  ]);
  const parts: [string, string][] = [
    [t.reason, report.reason],
    [t.findings, report.findings],
    [t.conclusion, report.conclusion],
    [t.prescriptions, report.prescriptions],
  ];
  for (const [title, text] of parts) {
    layout.heading(title, 2);
    layout.paragraph(text.trim() === '' ? t.empty : text);
  }
}

export function careSheetSummarySection(context: ReportContext): void {
  const { t, format, layout } = context;
  const sheet = context.source.detail.careSheet;
  layout.heading(t.careSheet);
  if (sheet === null) {
    layout.paragraph(t.noCareSheet);
    return;
  }
  const rows: [string, string][] = [
    [t.actCode, `${sheet.actCode} — ${calendarDate(sheet.date)}`],
    [t.doctor, `${sheet.doctor.name} — ${t.rpps(sheet.doctor.rpps)}`],
    [t.identityCheck, signerText(t, format, careSheetSigner(context.source.detail))],
    [t.pathway, t.pathwayValue(sheet.pathway)],
    [t.accompanyingAct, sheet.accompanyingAct ?? t.empty],
  ];
  if (sheet.remarks !== undefined && sheet.remarks !== '') rows.push([t.remarks, sheet.remarks]);
  layout.keyValues(rows);
}

export function vitalsSection(context: ReportContext): void {
  const { t, format, layout, language, times } = context;
  const { detail } = context.source;
  layout.heading(t.vitals);
  const metrics = detail.metrics.filter((m) => m.count > 0);
  if (metrics.length === 0) {
    layout.paragraph(t.noVitals);
    return;
  }
  // Each metric at the metric table's precision and unit (PI 0,04 %, respiration 14 /min).
  const cell = (point: { value: number; time: string } | null, metric: string, unit: string): string =>
    point === null ? t.empty : `${format.measurement(metric, point.value, unit)}\n${times.at(point.time)}`;
  layout.table(
    [
      { title: t.device, weight: 3 },
      { title: t.measure, weight: 2 },
      { title: t.min, weight: 2 },
      { title: t.max, weight: 2 },
      { title: t.last, weight: 2 },
      { title: t.readings, weight: 1.3 },
    ],
    metrics.map((m) => [
      deviceLabel(context, m.device),
      metricLabel(m.metric, language),
      cell(m.min, m.metric, m.unit),
      cell(m.max, m.metric, m.unit),
      cell(m.last, m.metric, m.unit),
      format.number(m.count),
    ]),
  );
}

export function bloodPressureSection(context: ReportContext): void {
  const { t, format, layout, times } = context;
  const results = bloodPressureResults(context.source.numerics());
  layout.heading(t.bloodPressure);
  if (results.length === 0) {
    layout.paragraph(t.noBloodPressure);
    return;
  }
  layout.table(
    [
      { title: t.bpTime, weight: 2 },
      { title: t.bpValue, weight: 3 },
      { title: t.bpPulse, weight: 1.5 },
      { title: t.device, weight: 3 },
    ],
    results.map((r) => {
      const pressure = `${format.metricNumber('MDC_PRESS_BLD_NONINV_SYS', r.systolic)}/${format.metricNumber('MDC_PRESS_BLD_NONINV_DIA', r.diastolic)}`;
      const mean = r.mean === null ? '' : ` (${format.metricNumber('MDC_PRESS_BLD_NONINV_MEAN', r.mean)})`;
      // A result from before the consultation prints its true date and who confirmed it as this patient's.
      const confirmed =
        r.confirmation === null || r.confirmation === undefined
          ? ''
          : `\n${t.confirmedBefore(r.confirmation.by, times.at(r.confirmation.at))}`;
      return [
        `${times.at(r.time)}${confirmed}`,
        `${pressure}${mean} ${displayUnit(r.unit)}`,
        r.pulse === null ? t.empty : format.measurement('MDC_PULS_RATE_NON_INV', r.pulse, '/min'),
        deviceLabel(context, r.device),
      ];
    }),
  );
}
