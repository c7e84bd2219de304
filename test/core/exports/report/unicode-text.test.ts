import type { ExportSource } from '../../../../src/core/exports/export-source';
import { renderCareSheetPdf } from '../../../../src/core/exports/report/care-sheet';
import { renderReportPdf } from '../../../../src/core/exports/report/render-report-pdf';
import type { Patient } from '../../../../src/shared/domain/consultation';
import {
  fixtureConsultation,
  FIXTURE_CARE_SHEET,
  FIXTURE_REPORT,
} from '../../../helpers/consultation-fixture';
import { parsePdfs, plainText, type ParsedPdf } from './pdf-text';
import { GENERATED_AT, variant } from './report-fixtures';
import { CHARACTER_CLASSES, CYRILLIC_PATIENT, GREEK_PATIENT, UNCOVERED } from './unicode-samples';

const options = { generatedAt: GENERATED_AT, timeZone: 'Europe/Paris' } as const;
const ALL_CLASSES = Object.values(CHARACTER_CLASSES);

/** The 3-minute fixture for `patient`, every character class in the report, the care sheet and a snapshot label. */
function unicodeRecord(
  patient: Partial<Patient>,
  patch: { conclusion?: string; remarks?: string } = {},
): ExportSource {
  const base = fixtureConsultation({ minutes: 3 });
  const { detail } = base;
  return variant(base, {
    summary: {
      ...detail.summary,
      patient: { ...detail.summary.patient, ...patient },
      motive: CHARACTER_CLASSES.notEqual,
    },
    report: {
      ...FIXTURE_REPORT,
      reason: CHARACTER_CLASSES.latinExtras,
      findings: ALL_CLASSES.join('\n'),
      conclusion: patch.conclusion ?? CHARACTER_CLASSES.betaBlocker,
      prescriptions: CHARACTER_CLASSES.notLessNotGreater,
    },
    careSheet: { ...FIXTURE_CARE_SHEET, remarks: patch.remarks ?? ALL_CLASSES.join('\n') },
    media: detail.media.map((m) => ({ ...m, label: `Otoscope ${CHARACTER_CLASSES.arrows}` })),
  });
}

describe('text outside WinAnsi in the printed exports (issue 12)', () => {
  let parsed: Record<'reportGreek' | 'reportCyrillic' | 'sheetGreek' | 'sheetCyrillic', ParsedPdf>;

  beforeAll(async () => {
    const greek = unicodeRecord(GREEK_PATIENT);
    const cyrillic = unicodeRecord(CYRILLIC_PATIENT);
    const pdfs = [
      await renderReportPdf(greek, { ...options, language: 'en' }),
      await renderReportPdf(cyrillic, { ...options, language: 'fr' }),
      await renderCareSheetPdf(greek, { ...options, language: 'en' }),
      await renderCareSheetPdf(cyrillic, { ...options, language: 'fr' }),
    ];
    const [a, b, c, d] = parsePdfs(pdfs);
    parsed = { reportGreek: a, reportCyrillic: b, sheetGreek: c, sheetCyrillic: d };
  });

  it.each(Object.entries(CHARACTER_CLASSES))(
    'prints %s as written in the report and the care sheet',
    (_, text) => {
      for (const pdf of Object.values(parsed)) expect(plainText(pdf)).toContain(text);
    },
  );

  it('prints the statements whose meaning the WinAnsi fonts changed, where the doctor wrote them', () => {
    const report = plainText(parsed.reportGreek);
    expect(report).toContain(`Motive at the desk ${CHARACTER_CLASSES.notEqual}`);
    expect(report).toContain(`Conclusion ${CHARACTER_CLASSES.betaBlocker}`);
    expect(report).toContain(`Prescriptions ${CHARACTER_CLASSES.notLessNotGreater}`);
    expect(report).toContain(`Otoscope ${CHARACTER_CLASSES.arrows}`);
    for (const pdf of Object.values(parsed)) {
      const text = plainText(pdf);
      expect(text).not.toContain('a = b');
      expect(text).not.toContain('?');
    }
  });

  it('prints a Greek patient by name, on the identity lines, every footer and the running header', () => {
    const { reportGreek: report, sheetGreek: sheet } = parsed;
    for (const text of [plainText(report), plainText(sheet)]) {
      expect(text).toContain('Birth family name Παπαδοπούλου');
      expect(text).toContain('Birth given names Ελένη');
    }
    // Upper-cased as the footer writes family names; Greek keeps its tonos there.
    report.pages.forEach((page) => expect(page.text).toContain('ΠΑΠΑΔΟΠΟΎΛΟΥ Ελένη — born 02/07/1956'));
    expect(report.pages[1].text).toContain('Teleconsultation report — ΠΑΠΑΔΟΠΟΎΛΟΥ Ελένη');
    expect(report.info.Title).toBe('Teleconsultation report — ΠΑΠΑΔΟΠΟΎΛΟΥ Ελένη');
  });

  it('prints a Cyrillic patient by name, in French', () => {
    const { reportCyrillic: report, sheetCyrillic: sheet } = parsed;
    for (const text of [plainText(report), plainText(sheet)]) {
      expect(text).toContain('Nom de naissance Сидоров');
      expect(text).toContain('Prénoms de naissance Иван Петрович');
    }
    report.pages.forEach((page) => expect(page.text).toContain('СИДОРОВ Иван Петрович — né le 30/11/1949'));
    expect(plainText(sheet)).toContain('СИДОРОВ Иван Петрович');
  });

  it('prints a record the same whatever the process printed before it', async () => {
    // After the Greek report of beforeAll, against a first print in a fresh module registry: a glyph
    // cache shared between documents once left the second one's е without its text mapping.
    const after = await renderReportPdf(unicodeRecord(CYRILLIC_PATIENT), { ...options, language: 'fr' });
    let first: Uint8Array | undefined;
    await jest.isolateModulesAsync(async () => {
      const fresh = await import('../../../../src/core/exports/report/render-report-pdf');
      first = await fresh.renderReportPdf(unicodeRecord(CYRILLIC_PATIENT), { ...options, language: 'fr' });
    });
    expect(Buffer.from(after).equals(Buffer.from(first!))).toBe(true);
  });

  it('prints text in canonical composition: a letter and its combining accent as the accented letter', async () => {
    const decomposed = 'Re\u0301e\u0301valuation a\u0300 48 h';
    const pdf = await renderReportPdf(unicodeRecord(GREEK_PATIENT, { conclusion: decomposed }), {
      ...options,
      language: 'en',
    });
    expect(plainText(parsePdfs([pdf])[0])).toContain('Conclusion Réévaluation à 48 h');
  });
});

describe('text the embedded fonts cannot print as written (issue 12)', () => {
  const refusal = (message: unknown) => ({ name: 'AppErrorException', code: 'bad-request', message });

  it('fails the report naming a CJK ideograph, its code point and where it is', async () => {
    const source = unicodeRecord({ ...GREEK_PATIENT, familyName: `Wang ${UNCOVERED.ideograph}` });
    await expect(renderReportPdf(source, { ...options, language: 'en' })).rejects.toMatchObject(
      refusal(
        'PDF text: cannot print U+738B "王" in Patient › Birth family name, page 1: the embedded font DejaVuSans ' +
          'has no glyph for it, and the PDF never prints a substitute',
      ),
    );
  });

  it('fails the report naming an emoji the fonts lack, in the report section it is in', async () => {
    const source = unicodeRecord(GREEK_PATIENT, {
      conclusion: `Transfert ${UNCOVERED.ambulance} aux urgences`,
    });
    await expect(renderReportPdf(source, { ...options, language: 'fr' })).rejects.toMatchObject(
      refusal(
        expect.stringMatching(
          /^PDF text: cannot print U\+1F691 "🚑" in Compte rendu du médecin › Conclusion, page \d: /u,
        ),
      ),
    );
  });

  it('fails the care sheet the same way', async () => {
    const source = unicodeRecord(CYRILLIC_PATIENT, { remarks: `Ambulance ${UNCOVERED.ambulance}` });
    await expect(renderCareSheetPdf(source, { ...options, language: 'en' })).rejects.toMatchObject(
      refusal(expect.stringContaining('cannot print U+1F691 "🚑" in Remarks, page 1: the embedded font')),
    );
  });

  it('refuses right-to-left text rather than printing it reversed, and control characters', async () => {
    const hebrew = unicodeRecord(GREEK_PATIENT, { conclusion: 'שלום' });
    await expect(renderReportPdf(hebrew, { ...options, language: 'en' })).rejects.toMatchObject(
      refusal(
        expect.stringMatching(/cannot print U\+05E9 "ש" in .* Conclusion, page \d: right-to-left text/u),
      ),
    );
    const bell = unicodeRecord({ ...CYRILLIC_PATIENT, birthGivenNames: ['Иван\u0007'] });
    await expect(renderCareSheetPdf(bell, { ...options, language: 'fr' })).rejects.toMatchObject(
      refusal(
        expect.stringContaining(
          'cannot print U+0007 in Patient › Prénoms de naissance, page 1: a control character',
        ),
      ),
    );
  });
});
