import {
  careSheetSigner,
  consultantSigner,
  reportSigner,
} from '../../../src/core/exports/signer-verification';
import { consultationDetailSchema } from '../../../src/shared/domain/consultation';
import { fixtureConsultation } from '../../helpers/consultation-fixture';
import { PSC_IDENTITY, RECORDED_AT, SIGNED_AUTHOR, signedRecord } from '../../helpers/signed-record';

/**
 * Exports say "identity verified by Pro Santé Connect" only when the record proves it: a verified
 * identity with when it was recorded, a version saved after that, naming that doctor (issue 16
 * item 4). Everything else is "not verified".
 */
const base = fixtureConsultation({ minutes: 1 }).detail;
const VERIFIED = { verified: true, identity: PSC_IDENTITY, recordedAt: RECORDED_AT };
const NOT = { verified: false };

describe('signer verification', () => {
  it('a report and care sheet saved after the sign-in, by the verified doctor: verified', () => {
    const detail = signedRecord(base);
    expect(consultationDetailSchema.parse(detail)).toEqual(detail);
    expect(reportSigner(detail)).toEqual(VERIFIED);
    expect(careSheetSigner(detail)).toEqual(VERIFIED);
    expect(consultantSigner(detail)).toEqual(VERIFIED);
  });

  it('no sign-in configured (no identity on the record): not verified', () => {
    const detail = signedRecord(base, { identity: null });
    expect(reportSigner(detail)).toEqual(NOT);
    expect(careSheetSigner(detail)).toEqual(NOT);
    // The fixture as it is (typed "Dr Camille Martin", no identity, no versions).
    expect(consultantSigner(base)).toEqual(NOT);
  });

  it('a report signed before the sign-in was recorded, even with the same name: not verified', () => {
    // Version 1 saved before the identity (reportFrom 2), and nothing after it.
    const before = signedRecord(base, { recorded: { reportFrom: 2, careSheetFrom: 2 } });
    expect(reportSigner(before)).toEqual(NOT);
    expect(careSheetSigner(before)).toEqual(NOT);
    // A second version after it is the verified doctor's.
    const after = signedRecord(base, {
      recorded: { reportFrom: 2, careSheetFrom: 1 },
      reportAuthors: [{ name: 'Dr Camille Martin', rpps: '10101010101' }, SIGNED_AUTHOR],
    });
    expect(reportSigner(after)).toEqual(VERIFIED);
  });

  it('an identity recorded before the record kept when (no `recorded`): not verified', () => {
    expect(reportSigner(signedRecord(base, { recorded: null }))).toEqual(NOT);
  });

  it('another author, another RPPS, or no RPPS: not verified', () => {
    for (const author of [
      { name: 'Dr Camille Martin', rpps: '10101010101' },
      { name: 'Camille MARTIN', rpps: '10101010102' },
      { name: 'Camille MARTIN' },
    ]) {
      const detail = signedRecord(base, { reportAuthors: [author], careSheetDoctors: [SIGNED_AUTHOR] });
      expect(reportSigner(detail)).toEqual(NOT);
      // The care sheet is judged on its own doctor.
      expect(careSheetSigner(detail)).toEqual(VERIFIED);
    }
  });

  it('a record without versions proves nothing: not verified', () => {
    expect(reportSigner(signedRecord(base, { withoutVersions: true }))).toEqual(NOT);
  });

  it('the printed document must be the verified version: a report that differs from it is not verified', () => {
    const detail = signedRecord(base);
    const edited = { ...detail, report: { ...detail.report!, author: { name: 'Someone Else' } } };
    expect(reportSigner(edited)).toEqual(NOT);
  });

  it('the consultant is the report author, else the care sheet doctor', () => {
    const noReport = signedRecord(base, { reportAuthors: [] });
    expect(consultantSigner(noReport)).toEqual(VERIFIED);
    const unverifiedReport = signedRecord(base, { reportAuthors: [{ name: 'Dr Camille Martin' }] });
    expect(consultantSigner(unverifiedReport)).toEqual(NOT);
  });
});
