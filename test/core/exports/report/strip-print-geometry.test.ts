import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { mm } from '../../../../src/core/exports/report/pdf-units';
import { renderReportPdf } from '../../../../src/core/exports/report/render-report-pdf';
import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import { GENERATED_AT } from './report-fixtures';

/** The drawing operators of a page, as text. */
async function pageOperators(pdf: Uint8Array, index: number): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPages().at(index)!;
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents!];
  return refs
    .map((ref) => doc.context.lookup(ref))
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n');
}

describe('ECG strips as printed, with the embedded fonts (issue 12)', () => {
  let operators: string;
  beforeAll(async () => {
    const pdf = await renderReportPdf(fixtureConsultation({ minutes: 3 }), {
      language: 'en',
      generatedAt: GENERATED_AT,
      timeZone: 'Europe/Paris',
    });
    operators = await pageOperators(pdf, -1);
  });

  it('draws each strip 250 mm wide: 10 s at 25 mm/s', () => {
    const clips = [...operators.matchAll(/^[\d.]+ [\d.]+ ([\d.]+) ([\d.]+) re$/gmu)];
    expect(clips).toHaveLength(4); // ECG I, II, III and the pleth
    for (const [, width] of clips) expect(Number(width)).toBe(mm(250));
  });

  it('draws the 1 mV calibration pulse 10 mm high and 0.2 s (5 mm) wide on each ECG lead', () => {
    // moveTo, then the pulse's five lineTo: up, across, down, out (waveform-strip.ts).
    const pulse =
      /^([\d.]+) ([\d.]+) m\n([\d.]+) \2 l\n\3 ([\d.]+) l\n([\d.]+) \4 l\n\5 \2 l\n([\d.]+) \2 l\nS$/gmu;
    const pulses = [...operators.matchAll(pulse)].map(([, , base, left, top, right]) => ({
      heightMm: (Number(top) - Number(base)) / mm(1),
      widthMm: (Number(right) - Number(left)) / mm(1),
    }));
    expect(pulses).toHaveLength(3); // the pleth is scaled to fit: no calibration
    for (const { heightMm, widthMm } of pulses) {
      // Coordinates are written to 0.01 pt (0.0035 mm).
      expect(Math.abs(heightMm - 10)).toBeLessThan(0.01);
      expect(Math.abs(widthMm - 5)).toBeLessThan(0.01);
    }
  });
});
