import { renderReportPdf } from '../../../../src/core/exports/report/render-report-pdf';
import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import { signedRecord } from '../../../helpers/signed-record';
import { parsePdfs, plainText } from './pdf-text';
import { GENERATED_AT, variant } from './report-fixtures';

/**
 * The report PDF says who signed and whether Pro Santé Connect verified them (issue 16 item 4),
 * only as far as the record proves it (src/core/exports/signer-verification.ts): in the consultation
 * section, under the consultant's report, and beside the care sheet's doctor.
 */
const options = { generatedAt: GENERATED_AT, timeZone: 'Europe/Paris' } as const;
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the report PDF and the doctor who signed it', () => {
  let texts: Record<'verifiedEn' | 'verifiedFr' | 'unverifiedEn' | 'unverifiedFr' | 'before', string>;

  beforeAll(async () => {
    const source = fixtureConsultation({ minutes: 1 });
    const verified = variant(source, signedRecord(source.detail));
    // The report was saved before the sign-in was recorded (same name): only the care sheet, saved
    // after it, is the verified doctor's.
    const before = variant(
      source,
      signedRecord(source.detail, { recorded: { reportFrom: 2, careSheetFrom: 1 } }),
    );
    const pdfs = await Promise.all([
      renderReportPdf(verified, { ...options, language: 'en' }),
      renderReportPdf(verified, { ...options, language: 'fr' }),
      renderReportPdf(source, { ...options, language: 'en' }),
      renderReportPdf(source, { ...options, language: 'fr' }),
      renderReportPdf(before, { ...options, language: 'en' }),
    ]);
    const [a, b, c, d, e] = parsePdfs(pdfs).map(plainText) as [string, string, string, string, string];
    texts = { verifiedEn: a, verifiedFr: b, unverifiedEn: c, unverifiedFr: d, before: e };
  });

  it('a verified doctor: who signed, and "identity verified by Pro Santé Connect" with the sign-in time', () => {
    const text = texts.verifiedEn;
    expect(text).toContain('Consultant Camille MARTIN — RPPS 10101010101');
    expect(text).toContain('Signed by Camille MARTIN — RPPS 10101010101');
    // Consultation section, report section, care-sheet summary; 09:29 UTC is 10:29 in Paris.
    expect(
      count(text, 'Verification identity verified by Pro Santé Connect (signed in on 25 Nov 2026, 10:29)'),
    ).toBe(3);
    expect(text).not.toContain('not verified');
  });

  it('the same in French', () => {
    const text = texts.verifiedFr;
    expect(text).toContain('Signé par Camille MARTIN — RPPS 10101010101');
    expect(
      count(text, 'Vérification identité vérifiée par Pro Santé Connect (connexion le 25 nov. 2026, 10:29)'),
    ).toBe(3);
    expect(text).not.toContain('non vérifiée');
  });

  it('without a sign-in (no issuer configured): "doctor\'s identity not verified", never a claim', () => {
    expect(count(texts.unverifiedEn, "Verification doctor's identity not verified")).toBe(3);
    expect(texts.unverifiedEn).toContain('Signed by Dr Camille Martin — RPPS 10101010101');
    expect(texts.unverifiedEn).not.toContain('verified by');
    expect(count(texts.unverifiedFr, 'Vérification identité du médecin non vérifiée')).toBe(3);
    expect(texts.unverifiedFr).not.toContain('vérifiée par');
  });

  it('a report signed before the verification existed says not verified; the later care sheet is', () => {
    const text = texts.before;
    // The consultant (the report's author) and the report: not verified; the care sheet: verified.
    expect(count(text, "Verification doctor's identity not verified")).toBe(2);
    expect(count(text, 'Verification identity verified by Pro Santé Connect')).toBe(1);
    const report = text.slice(text.indexOf("Consultant's report"), text.indexOf('Care sheet (billing data)'));
    expect(report).toContain("doctor's identity not verified");
    expect(report).not.toContain('verified by');
  });
});
