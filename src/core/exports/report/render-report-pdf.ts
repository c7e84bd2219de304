import type { ExportSource } from '../export-source';
import { simulatedDevices } from '../simulated-devices';
import { checkedFormatter } from './export-options';
import { FlowLayout, stampPages } from './flow-layout';
import { incidentsSection } from './incidents-section';
import { mediaSection } from './media-section';
import { COLORS } from './pdf-units';
import { calendarDate, patientName, type ReportContext } from './report-context';
import { createReportDocument } from './report-document';
import { reportMessages } from './report-messages';
import { reportTimes } from './report-times';
import {
  bloodPressureSection,
  careSheetSummarySection,
  consultantReportSection,
  consultationSection,
  patientSection,
  vitalsSection,
} from './report-sections';
import { stripsSection } from './strips-section';

export interface ReportPdfOptions {
  readonly language: 'en' | 'fr';
  /** Printed on the report and used as the PDF's dates: the same input gives the same bytes. */
  readonly generatedAt: Date;
  /** IANA zone for printed times (default: the host's). */
  readonly timeZone?: string;
}

/**
 * The consultation report as an A4 PDF (issue 6): identity, participants and consent, the
 * consultant's report and care-sheet summary first (what a reader files), then the technical
 * incidents, the vitals summary, blood-pressure results, snapshots and recordings, and the
 * waveform strips on landscape pages. Every page carries the patient's name, birth date and
 * "Page n / N", and a SIMULATED banner when a reading came from a device simulator (issue 11).
 */
export async function renderReportPdf(source: ExportSource, options: ReportPdfOptions): Promise<Uint8Array> {
  const format = checkedFormatter(options);
  const t = reportMessages[options.language];
  const { patient } = source.detail.summary;
  const name = patientName(source);
  const { doc, fonts } = await createReportDocument({
    title: `${t.title} — ${name}`,
    subject: t.title,
    author: source.detail.report?.author.name ?? source.station.name,
    producer: `${source.station.name} ${source.station.version}`,
    language: options.language,
    generatedAt: options.generatedAt,
  });
  const date = format.date(Date.parse(source.detail.summary.startedAt));
  const layout = new FlowLayout(doc, fonts, `${t.title} — ${name} — ${date}`);
  const times = reportTimes(format, options.timeZone, source.detail.summary);
  const simulated = simulatedDevices(source.detail);
  const context: ReportContext = { source, language: options.language, t, format, layout, times, simulated };

  layout.newPage();
  layout.paragraph(t.title, { size: 18, bold: true, color: COLORS.accent });
  layout.paragraph(t.generatedBy(source.station.name, source.station.version), {
    size: 9,
    color: COLORS.muted,
  });
  layout.paragraph(t.generatedAt(format.dateTime(options.generatedAt)), { size: 9, color: COLORS.muted });
  layout.paragraph(t.timeZone(times.zone), { size: 9, color: COLORS.muted });
  layout.space(4);
  patientSection(context);
  consultationSection(context);
  consultantReportSection(context);
  careSheetSummarySection(context);
  incidentsSection(context);
  vitalsSection(context);
  bloodPressureSection(context);
  await mediaSection(context);
  stripsSection(context);

  const banner = simulated.withReadings.size > 0 ? t.simulatedBanner : undefined;
  stampPages(
    layout.pages,
    fonts,
    t.footerPatient(name, calendarDate(patient.birthDate), patient.sex),
    t.page,
    banner,
  );
  return doc.save();
}
