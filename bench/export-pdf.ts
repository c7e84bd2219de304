import { performance } from 'node:perf_hooks';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { ExportSource } from '../src/core/exports/export-source';
import { careSheetJson, renderCareSheetPdf } from '../src/core/exports/report/care-sheet';
import { renderReportPdf } from '../src/core/exports/report/render-report-pdf';
import { fixtureConsultation } from '../test/helpers/consultation-fixture';
import { fmt, median } from './stats';

const RUNS = 5;
const MINUTES = 30;
const RECORDED_LEADS = ['I', 'II', 'III', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
/** The fixture records 9 leads; the augmented ones are served as copies of I, II and III. */
const AUGMENTED = { AVR: 'II', AVL: 'I', AVF: 'III' } as const;

export interface ExportPdfFigures {
  readonly minutes: number;
  readonly leads: number;
  readonly waveformSamples: number;
  readonly reportMs: { readonly en: number; readonly fr: number };
  readonly reportBytes: number;
  readonly reportPages: number;
  /** Compressed font programs (DejaVu Sans and Bold subsets) inside `reportBytes`. */
  readonly reportFontBytes: number;
  /** The same record with a Greek patient and a report in Latin extras, Greek, Cyrillic, arrows, math. */
  readonly unicodeReportMs: number;
  readonly unicodeReportBytes: number;
  readonly careSheetMs: number;
  readonly careSheetBytes: number;
  readonly careSheetJsonMs: number;
}

/**
 * A 30-minute consultation with 12 ECG leads at 250 Hz: the shared fixture's 9 recorded leads
 * (I, II, III, V1–V6) plus aVR, aVL and aVF served as renamed copies of II, I and III (the fixture
 * has no augmented leads; the PDF's cost depends on the channel count, not the shape).
 */
function twelveLeadSource(): ExportSource {
  const base = fixtureConsultation({ minutes: MINUTES, ecgLeads: RECORDED_LEADS });
  const leadOf = (metric: string): string => metric.replace('MDC_ECG_ELEC_POTL_', '');
  const augmented = base.detail.waveforms.flatMap((channel) =>
    Object.entries(AUGMENTED)
      .filter(([, from]) => leadOf(channel.metric) === from)
      .map(([lead]) => ({ ...channel, metric: `MDC_ECG_ELEC_POTL_${lead}` })),
  );
  return {
    detail: { ...base.detail, waveforms: [...base.detail.waveforms, ...augmented] },
    numerics: () => base.numerics(),
    waveform: (device, metric, fromMs, toMs) => {
      const copied = (AUGMENTED as Record<string, string | undefined>)[leadOf(metric)];
      if (copied === undefined) return base.waveform(device, metric, fromMs, toMs);
      return base
        .waveform(device, `MDC_ECG_ELEC_POTL_${copied}`, fromMs, toMs)
        .map((segment) => ({ ...segment, metric }));
    },
    media: (id) => base.media(id),
    station: base.station,
  };
}

/** Text of every character class the PDF fonts cover, as a doctor might write it. */
const UNICODE_REPORT = {
  reason: 'Œdème des membres inférieurs, dyspnée ↑ depuis 3 j',
  findings:
    'SpO₂ 94 % → 97 % sous O₂ 2 L/min ; TA 150/95 mmHg ; T° 37,8 °C ; K⁺ 5,1 mmol/L ; ' +
    'Δ poids +2 kg ; a ≠ b ; x ≮ 3, y ≯ 5 ; ± 0,5 ; 10⁻³ ; µg ; ≤ ≥ × ÷ ≈ √ ∞\n' +
    'Αναπνευστική λειτουργία φυσιολογική. Дыхание везикулярное, хрипов нет.',
  conclusion: 'β-bloquant ↑, diurétique ↓ ; contrôle à J+7',
  prescriptions: 'Bisoprolol 2,5 mg ×1/j ; furosémide 40 mg → 20 mg',
} as const;

function withUnicodeText(source: ExportSource): ExportSource {
  const { detail } = source;
  const patient = { ...detail.summary.patient, familyName: 'Παπαδοπούλου', givenNames: 'Ελένη' };
  const report = detail.report === null ? null : { ...detail.report, ...UNICODE_REPORT };
  return { ...source, detail: { ...detail, summary: { ...detail.summary, patient }, report } };
}

/** Bytes of the embedded font programs (FontFile2 streams, compressed as stored). */
async function fontProgramBytes(pdf: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(pdf);
  let bytes = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const file = object.lookup(PDFName.of('FontFile2'));
    if (file instanceof PDFRawStream) bytes += file.contents.length;
  }
  return bytes;
}

/**
 * Report PDF (English and French) and care sheet for the 12-lead 30-minute consultation, with pleth
 * and SpO2/pulse at 1 Hz. One warm-up render, then the median of 5.
 */
export async function benchExportPdf(): Promise<ExportPdfFigures> {
  const source = twelveLeadSource();
  const generatedAt = new Date('2026-11-25T10:30:00.000Z');
  const timed = async (render: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: Uint8Array }> => {
    const times: number[] = [];
    let bytes = await render(); // warm-up: first-call compilation and font loading
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      bytes = await render();
      times.push(performance.now() - start);
    }
    return { ms: median(times), bytes };
  };
  const en = await timed(() => renderReportPdf(source, { language: 'en', generatedAt }));
  const fr = await timed(() => renderReportPdf(source, { language: 'fr', generatedAt }));
  const unicodeSource = withUnicodeText(source);
  const unicode = await timed(() => renderReportPdf(unicodeSource, { language: 'fr', generatedAt }));
  const sheet = await timed(() => renderCareSheetPdf(source, { language: 'fr', generatedAt }));
  const jsonTimes: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    careSheetJson(source, { generatedAt });
    jsonTimes.push(performance.now() - start);
  }
  return {
    minutes: MINUTES,
    leads: source.detail.waveforms.filter((w) => w.metric.startsWith('MDC_ECG')).length,
    waveformSamples: source.detail.summary.counts.waveformSamples,
    reportMs: { en: en.ms, fr: fr.ms },
    reportBytes: en.bytes.length,
    reportPages: (await PDFDocument.load(en.bytes)).getPageCount(),
    reportFontBytes: await fontProgramBytes(en.bytes),
    unicodeReportMs: unicode.ms,
    unicodeReportBytes: unicode.bytes.length,
    careSheetMs: sheet.ms,
    careSheetBytes: sheet.bytes.length,
    careSheetJsonMs: median(jsonTimes),
  };
}

export function printExportPdf(figures: ExportPdfFigures): void {
  console.log(
    `\nReport PDF — ${figures.minutes}-min consultation, ${figures.leads} ECG leads at 250 Hz + pleth ` +
      `(${figures.waveformSamples.toLocaleString('en')} waveform samples), median of ${RUNS}`,
  );
  console.log(
    `  report: ${fmt(figures.reportMs.en, 0)} ms (en), ${fmt(figures.reportMs.fr, 0)} ms (fr); ` +
      `${fmt(figures.reportBytes / 1024, 1)} KiB, ${figures.reportPages} pages ` +
      `(embedded font subsets: ${fmt(figures.reportFontBytes / 1024, 1)} KiB)`,
  );
  console.log(
    `  report with a Greek patient and Greek, Cyrillic, arrows, sub/superscripts, math in the text: ` +
      `${fmt(figures.unicodeReportMs, 0)} ms (fr), ${fmt(figures.unicodeReportBytes / 1024, 1)} KiB`,
  );
  console.log(
    `  care sheet: PDF ${fmt(figures.careSheetMs, 1)} ms, ${fmt(figures.careSheetBytes / 1024, 1)} KiB; ` +
      `JSON ${fmt(figures.careSheetJsonMs, 3)} ms`,
  );
}
