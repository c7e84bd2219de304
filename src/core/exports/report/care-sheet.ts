import { AppErrorException } from '../../../shared/result';
import type { ExportSource } from '../export-source';
import { simulatedDevices } from '../simulated-devices';
import { careSheetExportSchema, CARE_SHEET_SCHEMA_VERSION, type CareSheetExport } from './care-sheet-schema';
import { checkedFormatter, checkGeneratedAt } from './export-options';
import { FlowLayout, stampPages } from './flow-layout';
import { COLORS, mm } from './pdf-units';
import { calendarDate, patientName } from './report-context';
import { createReportDocument } from './report-document';
import { reportMessages } from './report-messages';

export type { CareSheetExport } from './care-sheet-schema';

/**
 * The care-sheet data as JSON for the doctor's billing software (shape documented in
 * care-sheet-schema.ts), checked against its schema before it leaves: the billing software is
 * outside our trust boundary and must never receive a half-valid sheet.
 * Throws `not-found` when the record has no care sheet, and `internal` when the stored data cannot
 * make a valid sheet (e.g. an accompanying act without an accompanying professional).
 */
export function careSheetJson(source: ExportSource, options: { generatedAt: Date }): CareSheetExport {
  checkGeneratedAt(options.generatedAt);
  const { summary, careSheet } = source.detail;
  if (careSheet === null) {
    throw new AppErrorException('not-found', `care sheet: consultation ${summary.id} has no care sheet yet`);
  }
  const accompanying = summary.accompanying;
  if (accompanying === null && careSheet.accompanyingAct !== null) {
    throw new AppErrorException(
      'internal',
      `care sheet: act ${careSheet.accompanyingAct} is recorded but the consultation has no accompanying professional`,
    );
  }
  const { patient } = summary;
  const candidate: CareSheetExport = {
    schema: 'teleconsult-station/care-sheet',
    schemaVersion: CARE_SHEET_SCHEMA_VERSION,
    consultationId: summary.id,
    generatedAt: options.generatedAt.toISOString(),
    act: {
      code: careSheet.actCode,
      date: careSheet.date,
      teleconsultation: true,
      pathway: careSheet.pathway,
    },
    doctor: { name: careSheet.doctor.name, rpps: careSheet.doctor.rpps },
    patient: {
      familyName: patient.familyName,
      givenNames: patient.givenNames,
      birthDate: patient.birthDate,
      sex: patient.sex,
      ...(patient.ins === undefined ? {} : { ins: patient.ins }),
      ...(patient.insuranceNumber === undefined ? {} : { insuranceNumber: patient.insuranceNumber }),
    },
    accompanying:
      accompanying === null
        ? null
        : {
            name: accompanying.name,
            role: accompanying.role,
            ...(accompanying.identifier === undefined ? {} : { identifier: accompanying.identifier }),
            act: careSheet.accompanyingAct,
          },
    ...(careSheet.remarks === undefined || careSheet.remarks === '' ? {} : { remarks: careSheet.remarks }),
    simulated: simulatedDevices(source.detail).withReadings.size > 0,
    generator: { name: source.station.name, version: source.station.version },
  };
  const checked = careSheetExportSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppErrorException(
      'internal',
      `care sheet: ${issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`}`,
    );
  }
  return checked.data;
}

/**
 * The same data on one printable A4 page, in French or English, saying plainly that billing is
 * done in the doctor's certified software. Same errors as `careSheetJson`.
 */
export async function renderCareSheetPdf(
  source: ExportSource,
  options: { language: 'en' | 'fr'; generatedAt: Date; timeZone?: string },
): Promise<Uint8Array> {
  const format = checkedFormatter(options);
  const sheet = careSheetJson(source, { generatedAt: options.generatedAt });
  const t = reportMessages[options.language];
  const name = patientName(source);
  const { doc, fonts } = await createReportDocument({
    title: `${t.careSheetTitle} — ${name}`,
    subject: t.careSheetTitle,
    author: sheet.doctor.name,
    producer: `${source.station.name} ${source.station.version}`,
    language: options.language,
    generatedAt: options.generatedAt,
  });
  const layout = new FlowLayout(doc, fonts, `${t.careSheetTitle} — ${name}`);
  layout.newPage();
  layout.paragraph(t.careSheetTitle, { size: 18, bold: true, color: COLORS.accent });
  layout.paragraph(t.generatedBy(sheet.generator.name, sheet.generator.version), {
    size: 9,
    color: COLORS.muted,
  });
  layout.paragraph(t.generatedAt(format.dateTime(options.generatedAt)), { size: 9, color: COLORS.muted });
  layout.space(6);
  if (sheet.simulated)
    layout.paragraph(t.simulatedCareSheet, { size: 10, bold: true, color: COLORS.warning });
  layout.paragraph(t.careSheetNote, { size: 10, bold: true, color: COLORS.warning });

  const labelWidth = mm(62);
  layout.heading(t.actCode);
  layout.keyValues(
    [
      [t.actCode, sheet.act.code],
      [t.date, calendarDate(sheet.act.date)],
      [t.teleconsultationFlag, t.yes],
      [t.pathway, t.pathwayValue(sheet.act.pathway)],
      [t.consultationId, sheet.consultationId],
    ],
    labelWidth,
  );
  layout.heading(t.doctor);
  layout.keyValues(
    [
      [t.name, sheet.doctor.name],
      ['RPPS', sheet.doctor.rpps],
    ],
    labelWidth,
  );
  const { patient } = sheet;
  layout.heading(t.patient);
  layout.keyValues(
    [
      [t.familyName, patient.familyName],
      [t.givenNames, patient.givenNames],
      [t.birthDate, calendarDate(patient.birthDate)],
      [t.sex, t.sexValue(patient.sex)],
      [t.ins, patient.ins ?? t.notGiven],
      [t.insuranceNumber, patient.insuranceNumber ?? t.notGiven],
    ],
    labelWidth,
  );
  layout.heading(t.accompanying);
  const accompanying = sheet.accompanying;
  if (accompanying === null) {
    layout.paragraph(t.noAccompanying);
  } else {
    layout.keyValues(
      [
        [t.name, accompanying.name],
        [t.role, t.roleValue(accompanying.role)],
        [t.identifier, accompanying.identifier ?? t.notGiven],
        [t.accompanyingAct, accompanying.act ?? t.empty],
      ],
      labelWidth,
    );
  }
  if (sheet.remarks !== undefined) {
    layout.heading(t.remarks);
    layout.paragraph(sheet.remarks);
  }
  const banner = sheet.simulated ? t.simulatedBanner : undefined;
  stampPages(layout.pages, fonts, t.footerPatient(name, calendarDate(patient.birthDate)), t.page, banner);
  return doc.save();
}
