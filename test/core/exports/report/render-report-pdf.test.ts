import { renderReportPdf } from '../../../../src/core/exports/report/render-report-pdf';
import { fixtureConsultation, FIXTURE_REPORT, SNAPSHOT_ID } from '../../../helpers/consultation-fixture';
import { parsePdfs, plainText, type ParsedPdf } from './pdf-text';
import { fixtureWithDecimals, GENERATED_AT, variant } from './report-fixtures';

const options = { generatedAt: GENERATED_AT, timeZone: 'Europe/Paris' } as const;

/** Letters and punctuation of a long report, with paragraphs, ending with a marker to find. */
function longText(chars: number): string {
  const sentence = 'Auscultation cardiaque régulière, pas de souffle, murmure vésiculaire symétrique. ';
  let text = '';
  for (let i = 0; text.length < chars - 40; i++) text += sentence + (i % 12 === 11 ? '\n\n' : '');
  return `${text}FIN-DU-COMPTE-RENDU`;
}

describe('renderReportPdf', () => {
  let en: Uint8Array;
  let fr: Uint8Array;
  let parsed: Record<'en' | 'fr' | 'decimals' | 'long' | 'sparse' | 'empty', ParsedPdf>;

  beforeAll(async () => {
    const source = fixtureConsultation({ minutes: 3 });
    en = await renderReportPdf(source, { ...options, language: 'en' });
    fr = await renderReportPdf(source, { ...options, language: 'fr' });
    const decimals = await renderReportPdf(fixtureWithDecimals(), { ...options, language: 'fr' });
    const base = source.detail;
    const long = await renderReportPdf(
      variant(source, { report: { ...FIXTURE_REPORT, findings: longText(20_000) } }),
      { ...options, language: 'fr' },
    );
    // An open consultation with no report, no care sheet, no waveforms, and a snapshot whose bytes are garbage.
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const sparse = await renderReportPdf(
      {
        ...variant(source, {
          summary: { ...base.summary, status: 'active', endedAt: null, accompanying: null },
          report: null,
          careSheet: null,
          waveforms: [],
        }),
        media: (id) => (id === SNAPSHOT_ID ? broken : source.media(id)),
      },
      { ...options, language: 'en' },
    );
    const empty = await renderReportPdf(
      { ...variant(source, { metrics: [], media: [], waveforms: [], devices: [] }), numerics: () => [] },
      { ...options, language: 'fr' },
    );
    // One pdfjs process for all of them: its start-up is most of the parse time.
    const [a, b, c, d, e, f] = parsePdfs([en, fr, decimals, long, sparse, empty]);
    parsed = { en: a, fr: b, decimals: c, long: d, sparse: e, empty: f };
  });

  it('prints the patient, the SpO2 range, the blood pressure and the conclusion', () => {
    const text = plainText(parsed.en);
    expect(text).toContain('Teleconsultation report');
    expect(text).toContain('Dupont-Lefèvre');
    expect(text).toContain('DUPONT-LEFÈVRE Jeanne Éloïse');
    expect(text).toContain('14/03/1948');
    expect(text).toContain('248037512345658');
    // SpO₂ as written, subscript two included; the fixture ranges 96–98 %.
    expect(text).toMatch(/SpO₂ 96% \d\d:\d\d:\d\d 98% \d\d:\d\d:\d\d 98%/);
    expect(text).toContain('128/82 (97) mmHg');
    expect(text).toContain(FIXTURE_REPORT.conclusion);
    expect(text).toContain('Dr Camille Martin — RPPS 10101010101');
    expect(text).toContain('Léa Garnier — nurse — 10000000001');
    expect(text).toContain('Teleconsultation: consented');
    expect(text).toContain('in the FHIR export');
  });

  it('numbers every page and puts the patient in every footer', () => {
    const { numPages, pages } = parsed.en;
    expect(numPages).toBeGreaterThanOrEqual(2);
    expect(numPages).toBeLessThanOrEqual(6);
    pages.forEach((page, i) => {
      const text = page.text.replace(/\s+/gu, ' ');
      expect(text).toContain(`Page ${i + 1} / ${numPages}`);
      expect(text).toContain('DUPONT-LEFÈVRE Jeanne Éloïse — born 14/03/1948');
    });
  });

  it('prints 10 s strips of each ECG lead and the pleth on a landscape page', () => {
    const last = parsed.en.pages.at(-1)!;
    expect(last.width).toBeGreaterThan(last.height);
    const text = last.text.replace(/\s+/gu, ' ');
    for (const lead of ['ECG I', 'ECG II', 'ECG III', 'Pleth']) expect(text).toContain(`${lead} — `);
    // Paris time: the 3-minute fixture ends at 09:33:00 UTC.
    expect(text).toContain('10:32:50–10:33:00 · 25 mm/s, 10 mm/mV');
  });

  it('speaks French with French numbers', () => {
    const text = plainText(parsed.fr);
    for (const label of [
      'Compte rendu de téléconsultation',
      'Synthèse des constantes',
      'Pression artérielle',
      'Tracés',
    ])
      expect(text).toContain(label);
    expect(text).toContain('Infirmière Léa Garnier');
    expect(text).toContain('née le 14/03/1948');
    expect(text).toMatch(/Page 1 \/ \d/);
    const decimals = plainText(parsed.decimals);
    expect(decimals).toContain('37,2 °C');
    expect(decimals).toContain('IP 4,50 %'); // the metric table's precision for PI: 2 decimals
    expect(decimals).not.toContain('37.2');
  });

  it('sets the document dates from generatedAt, not the clock', () => {
    expect(parsed.en.info.CreationDate).toBe('D:20261125100000Z');
    expect(parsed.en.info.ModDate).toBe('D:20261125100000Z');
    expect(parsed.en.info.Title).toBe('Teleconsultation report — DUPONT-LEFÈVRE Jeanne Éloïse');
  });

  it('gives identical bytes for the same input and generatedAt', async () => {
    const again = await renderReportPdf(fixtureConsultation({ minutes: 3 }), { ...options, language: 'en' });
    expect(Buffer.from(again).equals(Buffer.from(en))).toBe(true);
    expect(Buffer.from(fr).equals(Buffer.from(en))).toBe(false);
  });

  it('flows a 20 000-character report over several pages', () => {
    expect(parsed.long.numPages).toBeGreaterThanOrEqual(parsed.fr.numPages + 3);
    const text = plainText(parsed.long);
    expect(text).toContain('FIN-DU-COMPTE-RENDU');
    // The report's text continues across pages: more than one page holds a piece of it.
    const pagesWithReport = parsed.long.pages.filter((p) => p.text.includes('murmure vésiculaire')).length;
    expect(pagesWithReport).toBeGreaterThanOrEqual(4);
    parsed.long.pages.forEach((page, i) =>
      expect(page.text.replace(/\s+/gu, ' ')).toContain(`Page ${i + 1} / ${parsed.long.numPages}`),
    );
  });

  it('says what is missing instead of failing', () => {
    const text = plainText(parsed.sparse);
    expect(text).toContain('No report has been written for this consultation.');
    expect(text).toContain('No care sheet has been filled for this consultation.');
    expect(text).toContain('in progress');
    expect(text).toContain('image could not be read from the record');
    expect(text).not.toContain('Waveform strips');
  });

  it('prints an empty record with a line for each missing part', () => {
    const text = plainText(parsed.empty);
    expect(text).toContain('Aucune mesure numérique n’a été enregistrée.');
    expect(text).toContain('Aucune mesure de pression artérielle n’a été enregistrée.');
    expect(text).toContain('Aucune photo ni aucun enregistrement n’a été pris.');
  });
});
