import { careSheetJson, renderCareSheetPdf } from '../../../../src/core/exports/report/care-sheet';
import {
  careSheetExportSchema,
  type CareSheetExport,
} from '../../../../src/core/exports/report/care-sheet-schema';
import { AppErrorException } from '../../../../src/shared/result';
import {
  fixtureConsultation,
  FIXTURE_CARE_SHEET,
  FIXTURE_ID,
  OXIMETER,
} from '../../../helpers/consultation-fixture';
import {
  PSC_IDENTITY,
  SIGNED_AUTHOR,
  signedRecord,
  type SignedRecordOptions,
} from '../../../helpers/signed-record';
import { withSimulatedDevice } from '../../../helpers/simulated-fixture';
import { parsePdfs, plainText, type ParsedPdf } from './pdf-text';
import { GENERATED_AT, variant } from './report-fixtures';

// The care sheet reads no readings: a one-minute record keeps the fixture cheap to build.
const fixture = (): ReturnType<typeof fixtureConsultation> => fixtureConsultation({ minutes: 1 });

describe('careSheetJson', () => {
  it('gives the act, the doctor, the patient and the accompanying act, schema-checked', () => {
    const sheet = careSheetJson(fixture(), { generatedAt: GENERATED_AT });
    expect(careSheetExportSchema.parse(sheet)).toEqual(sheet);
    expect(sheet).toEqual({
      schema: 'teleconsult-station/care-sheet',
      schemaVersion: 4,
      consultationId: FIXTURE_ID,
      generatedAt: '2026-11-25T10:00:00.000Z',
      act: {
        code: 'TC',
        retired: false,
        date: '2026-11-25',
        teleconsultation: true,
        pathway: 'treating-doctor',
        place: 'home',
      },
      // No sign-in on this record: the doctor's identity is not verified (issue 16 item 4).
      doctor: { name: 'Dr Camille Martin', rpps: '10101010101', identity: { verified: false } },
      patient: {
        familyName: 'Dupont-Lefèvre',
        birthGivenNames: ['Jeanne', 'Éloïse'],
        birthDate: '1948-03-14',
        sex: 'female',
        birthPlace: '75056',
        identityStatus: 'qualified',
        ins: '248037512345658',
        insuranceNumber: '2480375123456',
      },
      accompanying: {
        name: 'Léa Garnier',
        role: 'nurse',
        identifier: '10000000001',
        act: 'TLS',
        prescriberRpps: '10101010101',
      },
      simulated: false,
      generator: { name: 'Teleconsult Station', version: '0.1.0-test' },
    });
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(sheet))).toEqual(sheet);
  });

  it('leaves out what the record does not have', () => {
    const base = fixture();
    const { ins: _ins, insuranceNumber: _number, ...patient } = base.detail.summary.patient;
    const sheet = careSheetJson(
      variant(base, {
        summary: { ...base.detail.summary, patient, accompanying: null },
        careSheet: { ...FIXTURE_CARE_SHEET, accompanyingAct: null, remarks: 'Patient sans carte Vitale' },
      }),
      { generatedAt: GENERATED_AT },
    );
    expect(sheet.patient).not.toHaveProperty('ins');
    expect(sheet.accompanying).toBeNull();
    expect(sheet.remarks).toBe('Patient sans carte Vitale');
    expect(careSheetExportSchema.safeParse(sheet).success).toBe(true);
  });

  it('refuses a record without a care sheet with not-found', () => {
    const source = variant(fixture(), { careSheet: null });
    const attempt = (): unknown => careSheetJson(source, { generatedAt: GENERATED_AT });
    expect(attempt).toThrow(AppErrorException);
    expect(attempt).toThrow(/^care sheet: consultation 0123456789abcdef0123456789abcdef has no care sheet/);
    try {
      attempt();
    } catch (error) {
      expect((error as AppErrorException).code).toBe('not-found');
    }
  });

  it('says simulated when a reading came from a device simulator (schema 2)', () => {
    const base = fixture();
    const sheet = careSheetJson(variant(base, withSimulatedDevice(base.detail, OXIMETER)), {
      generatedAt: GENERATED_AT,
    });
    expect(sheet).toMatchObject({ schemaVersion: 4, simulated: true });
    expect(careSheetExportSchema.parse(sheet)).toEqual(sheet);
  });

  it('is not simulated for a simulator that gave no reading (connected, never measured)', () => {
    const base = fixture();
    const detail = withSimulatedDevice(base.detail, 'contec-cms50-v7@/dev/pts/9');
    expect(careSheetJson(variant(base, detail), { generatedAt: GENERATED_AT }).simulated).toBe(false);
  });

  // Sources of these rules: src/shared/domain/README.md ("Identity status", "Today's acts").
  it('sends the INS only for a qualified identity, and always the identity status', () => {
    const base = fixture();
    for (const identityStatus of ['provisional', 'recovered', 'validated'] as const) {
      const patient = { ...base.detail.summary.patient, identityStatus };
      const sheet = careSheetJson(variant(base, { summary: { ...base.detail.summary, patient } }), {
        generatedAt: GENERATED_AT,
      });
      expect(sheet.patient).not.toHaveProperty('ins');
      expect(sheet.patient.identityStatus).toBe(identityStatus);
      expect(JSON.stringify(sheet)).not.toContain('248037512345658');
    }
  });

  it("gives a pharmacist's TLM the teleconsultant's RPPS as prescriber and the consultation date twice", () => {
    const base = fixture();
    const sheet = careSheetJson(
      variant(base, {
        summary: { ...base.detail.summary, accompanying: { name: 'Paul Martin', role: 'pharmacist' } },
        careSheet: { ...FIXTURE_CARE_SHEET, place: 'pharmacy', accompanyingAct: 'TLM' },
      }),
      { generatedAt: GENERATED_AT },
    );
    expect(sheet.accompanying).toEqual({
      name: 'Paul Martin',
      role: 'pharmacist',
      act: 'TLM',
      prescriberRpps: '10101010101',
      prescriptionDate: '2026-11-25',
      executionDate: '2026-11-25',
    });
    expect(sheet.act.place).toBe('pharmacy');
  });

  it('marks a code an earlier version saved (TE1, TE2, RNM) as retired, never billable as is', () => {
    const base = fixture();
    for (const code of ['TE1', 'TE2', 'RNM'] as const) {
      const sheet = careSheetJson(
        variant(base, { careSheet: { ...FIXTURE_CARE_SHEET, actCode: code, place: undefined } }),
        { generatedAt: GENERATED_AT },
      );
      expect(sheet.act).toMatchObject({ code, retired: true });
      expect(sheet.act).not.toHaveProperty('place');
    }
  });

  // Issue 16 item 4: what the record proves (src/core/exports/signer-verification.ts).
  it("says the doctor's identity was verified by Pro Santé Connect only when the record proves it", () => {
    const base = fixture();
    const sheetOf = (options: SignedRecordOptions): CareSheetExport =>
      careSheetJson(variant(base, signedRecord(base.detail, options)), { generatedAt: GENERATED_AT });
    const verified = sheetOf({});
    expect(verified.doctor).toEqual({
      ...SIGNED_AUTHOR,
      identity: {
        verified: true,
        method: 'pro-sante-connect',
        issuer: PSC_IDENTITY.issuer,
        acr: 'eidas1',
        authenticatedAt: PSC_IDENTITY.at,
      },
    });
    expect(careSheetExportSchema.parse(verified)).toEqual(verified);
    // No issuer configured; a sheet saved before the sign-in was recorded; another doctor named.
    for (const options of [
      { identity: null },
      { recorded: { reportFrom: 1, careSheetFrom: 2 } },
      { careSheetDoctors: [{ name: 'Dr Camille Martin', rpps: '10101010101' }] },
    ]) {
      const sheet = sheetOf(options);
      expect(sheet.doctor.identity).toEqual({ verified: false });
      expect(careSheetExportSchema.parse(sheet)).toEqual(sheet);
    }
  });

  it('refuses an accompanying act without an accompanying professional', () => {
    const base = fixture();
    const source = variant(base, { summary: { ...base.detail.summary, accompanying: null } });
    expect(() => careSheetJson(source, { generatedAt: GENERATED_AT })).toThrow(
      'care sheet: act TLS is recorded but the consultation has no accompanying professional',
    );
  });
});

describe('renderCareSheetPdf', () => {
  let parsed: Record<'en' | 'fr', ParsedPdf>;
  let fr: Uint8Array;

  beforeAll(async () => {
    const source = fixture();
    const en = await renderCareSheetPdf(source, {
      language: 'en',
      generatedAt: GENERATED_AT,
      timeZone: 'UTC',
    });
    fr = await renderCareSheetPdf(source, { language: 'fr', generatedAt: GENERATED_AT, timeZone: 'UTC' });
    const [a, b] = parsePdfs([en, fr]);
    parsed = { en: a, fr: b };
  });

  it('prints the same data on one page, with the billing note', () => {
    expect(parsed.en.numPages).toBe(1);
    const text = plainText(parsed.en);
    for (const expected of [
      'Teleconsultation care sheet',
      'Act TC — teleconsultation by a doctor of another specialty',
      'Teleconsultation yes',
      'Place of the act patient’s home',
      'Identity status qualified',
      'Place of birth (INSEE code) 75056',
      'Prescriber (teleconsultant) RPPS 10101010101',
      'RPPS 10101010101',
      'Dupont-Lefèvre',
      'Jeanne Éloïse',
      '14/03/1948',
      '248037512345658',
      '2480375123456',
      'Léa Garnier',
      'Accompanying act TLS — nurse beside the patient, during planned nursing care',
      FIXTURE_ID,
      "billed in the doctor's certified SESAM-Vitale software",
      'Page 1 / 1',
    ])
      expect(text).toContain(expected);
  });

  it('speaks French', () => {
    expect(parsed.fr.numPages).toBe(1);
    const text = plainText(parsed.fr);
    for (const expected of [
      'Feuille de soins de téléconsultation',
      'Téléconsultation oui',
      'Médecin traitant',
      'infirmier·ère',
      'Acte de l’accompagnant TLS — infirmier auprès du patient, lors d’un soin infirmier prévu',
      'Lieu de l’acte domicile du patient',
      'Statut de l’identité qualifiée',
      'logiciel certifié SESAM-Vitale du médecin',
      'née le 14/03/1948',
    ])
      expect(text).toContain(expected);
  });

  it('says SIMULATED on the page of a simulated consultation, in a banner and a line', async () => {
    const base = fixture();
    const source = variant(base, withSimulatedDevice(base.detail, OXIMETER));
    const pdfs = await Promise.all(
      (['en', 'fr'] as const).map((language) =>
        renderCareSheetPdf(source, { language, generatedAt: GENERATED_AT, timeZone: 'UTC' }),
      ),
    );
    const [en, frPdf] = parsePdfs(pdfs).map(plainText);
    expect(en).toContain('SIMULATED — readings from a device simulator, not from the patient');
    expect(en).toContain('SIMULATED: readings of this consultation came from a device simulator');
    expect(frPdf).toContain('SIMULÉ — mesures issues d');
    expect(plainText(parsed.en)).not.toContain('SIMULATED');
  });

  it('says whether Pro Santé Connect verified the doctor, in both languages', async () => {
    const base = fixture();
    const verified = variant(base, signedRecord(base.detail));
    const pdfs = await Promise.all(
      (['en', 'fr'] as const).map((language) =>
        renderCareSheetPdf(verified, { language, generatedAt: GENERATED_AT, timeZone: 'UTC' }),
      ),
    );
    const [en, frPdf] = parsePdfs(pdfs).map(plainText);
    expect(en).toContain(
      'Verification identity verified by Pro Santé Connect (signed in on 25 Nov 2026, 09:29)',
    );
    expect(en).toContain('Camille MARTIN');
    expect(frPdf).toContain(
      'Vérification identité vérifiée par Pro Santé Connect (connexion le 25 nov. 2026, 09:29)',
    );
    // The fixture has no sign-in: it says so, and never claims one.
    expect(plainText(parsed.en)).toContain("Verification doctor's identity not verified");
    expect(plainText(parsed.fr)).toContain('Vérification identité du médecin non vérifiée');
    for (const unverified of [parsed.en, parsed.fr].map(plainText))
      expect(unverified).not.toMatch(/verified by|vérifiée par/);
  });

  it('is deterministic and fails like the JSON on a record without a care sheet', async () => {
    const again = await renderCareSheetPdf(fixture(), {
      language: 'fr',
      generatedAt: GENERATED_AT,
      timeZone: 'UTC',
    });
    expect(Buffer.from(again).equals(Buffer.from(fr))).toBe(true);
    await expect(
      renderCareSheetPdf(variant(fixture(), { careSheet: null }), {
        language: 'en',
        generatedAt: GENERATED_AT,
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
