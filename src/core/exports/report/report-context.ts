import { givenNamesText } from '../../../shared/domain/consultation';
import type { Formatter } from '../../../shared/i18n';
import { listedDeviceName } from '../../../shared/i18n/device-names';
import type { ExportSource } from '../export-source';
import type { SignerVerification } from '../signer-verification';
import type { SimulatedDevices } from '../simulated-devices';
import type { FlowLayout } from './flow-layout';
import type { ReportMessages } from './report-messages';
import type { ReportTimes } from './report-times';

/** What every section of a printed document draws with. */
export interface ReportContext {
  readonly source: ExportSource;
  readonly language: 'en' | 'fr';
  readonly t: ReportMessages;
  readonly format: Formatter;
  readonly layout: FlowLayout;
  /** Instants as printed: with their date when not on the consultation's day. */
  readonly times: ReportTimes;
  readonly simulated: SimulatedDevices;
}

/** A calendar date (birth date, act date) as the language writes it, never shifted by a time zone. */
export function calendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  // en-GB and fr-FR both write day/month/year.
  return `${day}/${month}/${year}`;
}

/** "Dupont-Lefèvre Jeanne Éloïse": family name first, as French medical documents write it. */
export function patientName(source: ExportSource): string {
  const patient = source.detail.summary.patient;
  return `${patient.familyName.toUpperCase()} ${givenNamesText(patient)}`;
}

/**
 * A device's name in the document's language, from the devices catalogue (never the driver's English
 * name or its raw id); a device of no known protocol keeps the name the record stored. Marked when it
 * was our simulator: the reader must never take it for the patient's.
 */
export function deviceLabel(context: ReportContext, deviceId: string): string {
  const name = listedDeviceName(context.source.detail.devices, deviceId, context.language);
  return context.simulated.all.has(deviceId) ? `${name} ${context.t.simulatedMark}` : name;
}

/**
 * What a document says of its doctor's identity: verified by Pro Santé Connect, with when they
 * signed in, only when the record proves it (signer-verification.ts); otherwise "not verified".
 */
export function signerText(t: ReportMessages, format: Formatter, signer: SignerVerification): string {
  return signer.verified
    ? t.identityVerifiedOn(format.dateTime(Date.parse(signer.identity.at)))
    : t.identityNotVerified;
}
