import {
  givenNamesText,
  RETIRED_ACT_CODES,
  shareableIns,
  type RetiredActCode,
} from '../../../shared/domain/consultation';
import { AppErrorException } from '../../../shared/result';
import type { ExportSource } from '../export-source';
import { careSheetSigner, type SignerVerification } from '../signer-verification';
import { simulatedDevices } from '../simulated-devices';
import { careSheetExportSchema, CARE_SHEET_SCHEMA_VERSION, type CareSheetExport } from './care-sheet-schema';
import { checkedFormatter, checkGeneratedAt } from './export-options';
import { FlowLayout, stampPages } from './flow-layout';
import { COLORS, mm } from './pdf-units';
import { calendarDate, patientName } from './report-context';
import { createReportDocument } from './report-document';
import { reportMessages, type ReportMessages } from './report-messages';

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
  const ins = shareableIns(patient);
  const act = careSheet.accompanyingAct;
  const candidate: CareSheetExport = {
    schema: 'teleconsult-station/care-sheet',
    schemaVersion: CARE_SHEET_SCHEMA_VERSION,
    consultationId: summary.id,
    generatedAt: options.generatedAt.toISOString(),
    act: {
      code: careSheet.actCode,
      retired: isRetiredActCode(careSheet.actCode),
      date: careSheet.date,
      teleconsultation: true,
      pathway: careSheet.pathway,
      ...(careSheet.place === undefined ? {} : { place: careSheet.place }),
    },
    doctor: {
      name: careSheet.doctor.name,
      rpps: careSheet.doctor.rpps,
      ...(careSheet.doctorReason === undefined ? {} : { reason: careSheet.doctorReason }),
      identity: identityCheck(careSheetSigner(source.detail)),
    },
    patient: {
      familyName: patient.familyName,
      birthGivenNames: patient.birthGivenNames,
      ...(patient.usedGivenName === undefined ? {} : { usedGivenName: patient.usedGivenName }),
      birthDate: patient.birthDate,
      sex: patient.sex,
      ...(patient.birthPlace === undefined ? {} : { birthPlace: patient.birthPlace }),
      identityStatus: patient.identityStatus,
      // The INS only for a qualified identity (RNIV; src/shared/domain/README.md).
      ...(ins === undefined ? {} : { ins }),
      ...(patient.insuranceNumber === undefined ? {} : { insuranceNumber: patient.insuranceNumber }),
    },
    accompanying:
      accompanying === null
        ? null
        : {
            name: accompanying.name,
            role: accompanying.role,
            ...(accompanying.identifier === undefined ? {} : { identifier: accompanying.identifier }),
            act,
            // The teleconsultant's RPPS in the prescriber field; for a pharmacist's TLM the
            // consultation date is the prescription and the execution date (README sources).
            ...(act === null ? {} : { prescriberRpps: careSheet.doctor.rpps }),
            ...(act === 'TLM' ? { prescriptionDate: careSheet.date, executionDate: careSheet.date } : {}),
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

/** The verification as the billing software reads it: codes and times, never words. */
function identityCheck(signer: SignerVerification): CareSheetExport['doctor']['identity'] {
  if (!signer.verified) return { verified: false };
  const { method, issuer, acr, at } = signer.identity;
  return { verified: true, method, issuer, acr, authenticatedAt: at };
}

function isRetiredActCode(code: string): code is RetiredActCode {
  return (RETIRED_ACT_CODES as readonly string[]).includes(code);
}

/** The code with its one-line meaning; a retired one says not to bill it as is. */
function actText(code: CareSheetExport['act']['code'], t: ReportMessages): string {
  return isRetiredActCode(code) ? `${code} — ${t.retiredAct}` : t.actValue(code);
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
      [t.actCode, actText(sheet.act.code, t)],
      [t.date, calendarDate(sheet.act.date)],
      [t.teleconsultationFlag, t.yes],
      [t.pathway, t.pathwayValue(sheet.act.pathway)],
      [t.place, sheet.act.place === undefined ? t.notGiven : t.placeValue(sheet.act.place)],
      [t.consultationId, sheet.consultationId],
    ],
    labelWidth,
  );
  layout.heading(t.doctor);
  layout.keyValues(
    [
      [t.name, sheet.doctor.name],
      ['RPPS', sheet.doctor.rpps],
      [
        t.identityCheck,
        sheet.doctor.identity.verified
          ? t.identityVerifiedOn(format.dateTime(Date.parse(sheet.doctor.identity.authenticatedAt)))
          : t.identityNotVerified,
      ],
      ...(sheet.doctor.reason === undefined
        ? []
        : [[t.doctorReason, sheet.doctor.reason] as [string, string]]),
    ],
    labelWidth,
  );
  const { patient } = sheet;
  layout.heading(t.patient);
  layout.keyValues(
    [
      [t.familyName, patient.familyName],
      [t.givenNames, givenNamesText(patient)],
      ...(patient.usedGivenName === undefined
        ? []
        : [[t.usedGivenName, patient.usedGivenName] as [string, string]]),
      [t.birthDate, calendarDate(patient.birthDate)],
      [t.birthPlace, patient.birthPlace ?? t.notGiven],
      [t.sex, t.sexValue(patient.sex)],
      [t.identityStatus, t.identityStatusValue(patient.identityStatus, undefined)],
      [t.ins, patient.ins ?? (source.detail.summary.patient.ins === undefined ? t.notGiven : t.insNotShared)],
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
        [t.accompanyingAct, accompanying.act === null ? t.empty : t.actValue(accompanying.act)],
        ...(accompanying.prescriberRpps === undefined
          ? []
          : [[t.prescriber, t.rpps(accompanying.prescriberRpps)] as [string, string]]),
        ...(accompanying.prescriptionDate === undefined
          ? []
          : [[t.prescriptionAndExecution, calendarDate(accompanying.prescriptionDate)] as [string, string]]),
      ],
      labelWidth,
    );
  }
  if (sheet.remarks !== undefined) {
    layout.heading(t.remarks);
    layout.paragraph(sheet.remarks);
  }
  const banner = sheet.simulated ? t.simulatedBanner : undefined;
  stampPages(
    layout.pages,
    fonts,
    t.footerPatient(name, calendarDate(patient.birthDate), patient.sex),
    t.page,
    banner,
  );
  return doc.save();
}
