import { renderReportPdf } from '../../../../src/core/exports/report/render-report-pdf';
import { fixtureConsultation, FIXTURE_REPORT } from '../../../helpers/consultation-fixture';
import { parsePdfs, plainText } from './pdf-text';
import { GENERATED_AT, variant } from './report-fixtures';
import { CHARACTER_CLASSES, GREEK_PATIENT } from './unicode-samples';

const MAX_BYTES = 300 * 1024;

/** Every Greek and Cyrillic letter, both cases: the widest subset a European record could ask for. */
const ALPHABETS = [
  [0x391, 0x3a9],
  [0x3b1, 0x3c9],
  [0x410, 0x44f],
]
  .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
  .filter((char) => /\p{L}/u.test(char))
  .join('');

/** Findings long enough to fill the report to six pages, every character class on every line. */
function longFindings(lines: number): string {
  const line = `${Object.values(CHARACTER_CLASSES).join(' ; ')} ; ${ALPHABETS}`;
  return Array.from({ length: lines }, (_, i) => `${i + 1}. ${line}`).join('\n');
}

describe('report PDF size with embedded fonts (issue 12)', () => {
  it('keeps a 6-page report, with strips, a snapshot and every character class, under 300 KB', async () => {
    const base = fixtureConsultation({ minutes: 3 });
    const source = variant(base, {
      summary: { ...base.detail.summary, patient: { ...base.detail.summary.patient, ...GREEK_PATIENT } },
      report: { ...FIXTURE_REPORT, findings: longFindings(30) },
    });
    const pdf = await renderReportPdf(source, { language: 'fr', generatedAt: GENERATED_AT, timeZone: 'UTC' });
    const [parsed] = parsePdfs([pdf]);
    expect(parsed.numPages).toBe(6);
    expect(plainText(parsed)).toContain(`30. ${CHARACTER_CLASSES.latinExtras}`);
    // Fonts are subsets: the whole DejaVu Sans and Bold files alone weigh 1.4 MB.
    expect(pdf.length).toBeLessThan(MAX_BYTES);
  });
});
