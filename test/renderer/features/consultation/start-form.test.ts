import {
  buildStart,
  emptyFields,
  firstError,
  insProblem,
  normaliseIns,
  type StartFields,
} from '../../../../src/renderer/features/consultation/start-form';

const TODAY = '2026-11-25';
const valid: StartFields = {
  ...emptyFields('Inf. Bernard'),
  familyName: 'Dupont',
  givenNames: 'Marie Anne',
  birthDate: '1985-05-12',
  sex: 'female',
  consentTeleconsultation: true,
};

describe('start form', () => {
  it('builds a start the shared schema accepts, INS spaces stripped', () => {
    const result = buildStart({ ...valid, ins: '2 85 05 78 006 084 41', consentDeviceData: true }, TODAY);
    expect(result).toEqual({
      ok: true,
      value: {
        patient: {
          familyName: 'Dupont',
          birthGivenNames: ['Marie', 'Anne'],
          birthDate: '1985-05-12',
          sex: 'female',
          identityStatus: 'provisional',
          ins: '285057800608441',
        },
        accompanying: null,
        consent: { teleconsultation: true, deviceData: true, recordedBy: 'Inf. Bernard' },
      },
    });
  });

  // The identity status's rules; sources in src/shared/domain/README.md ("Identity status").
  it('reads the birth given names as a list, and the used given name and birth place as typed', () => {
    const result = buildStart(
      { ...valid, givenNames: '  Jean   Stéphane Patrick ', usedGivenName: 'Steph', birthPlace: '2a 004' },
      TODAY,
    );
    expect(result.ok && result.value.patient).toMatchObject({
      birthGivenNames: ['Jean', 'Stéphane', 'Patrick'],
      usedGivenName: 'Steph',
      birthPlace: '2A004',
    });
    expect(buildStart({ ...valid, birthPlace: '75000' }, TODAY)).toEqual({
      ok: false,
      errors: { birthPlace: 'birthPlaceFormat' },
    });
  });

  it('asks each status for what it needs, and nothing more', () => {
    const qualified = { ...valid, identityStatus: 'qualified' as const };
    expect(buildStart(qualified, TODAY)).toEqual({
      ok: false,
      errors: {
        birthPlace: 'identity:birth-place-required',
        identityDocument: 'identity:document-required',
        insSource: 'identity:ins-source-required',
        ins: 'identity:ins-required',
      },
    });
    const complete = {
      ...qualified,
      identityDocument: 'CN' as const,
      insSource: 'INSI' as const,
      birthPlace: '78006',
      ins: '285057800608441',
    };
    expect(buildStart(complete, TODAY).ok).toBe(true);
    expect(buildStart({ ...complete, sex: 'other' }, TODAY)).toEqual({
      ok: false,
      errors: { sex: 'identity:sex-not-ins' },
    });
    // A document or a source chosen under another status is not sent with a provisional identity.
    const provisional = buildStart({ ...complete, identityStatus: 'provisional' }, TODAY);
    expect(provisional.ok && provisional.value.patient).not.toHaveProperty('identityDocument');
    expect(provisional.ok && provisional.value.patient).not.toHaveProperty('insSource');
    expect(buildStart({ ...valid, identityStatus: 'validated' }, TODAY)).toEqual({
      ok: false,
      errors: { identityDocument: 'identity:document-required' },
    });
    expect(buildStart({ ...valid, identityStatus: 'recovered', insSource: 'CB' }, TODAY)).toEqual({
      ok: false,
      errors: { ins: 'identity:ins-required' },
    });
  });

  it('refuses to start without consent to the teleconsultation', () => {
    const result = buildStart({ ...valid, consentTeleconsultation: false, consentDeviceData: true }, TODAY);
    expect(result).toEqual({ ok: false, errors: { consentTeleconsultation: 'consentRequired' } });
  });

  it('allows a start without consent to device data', () => {
    expect(buildStart({ ...valid, consentDeviceData: false }, TODAY).ok).toBe(true);
  });

  it('says why an INS is refused: its shape, or its key', () => {
    expect(normaliseIns(' 1 85 05 2a 123 456 33 ')).toBe('185052A12345633');
    expect(insProblem('185052A12345633')).toBeNull(); // Corsica: 2A counts as 19
    expect(insProblem('2850578006084')).toBe('insKeyMissing'); // stored and exchanged with its key
    expect(insProblem('285057800608442')).toBe('insKey');
    expect(insProblem('28505780060')).toBe('insFormat');
    expect(insProblem('985057800608441')).toBe('insStructure');
    expect(insProblem('285137800608441')).toBe('insStructure'); // month 13
    const result = buildStart({ ...valid, ins: '2 85 05 78 006 084 42' }, TODAY);
    expect(result).toEqual({ ok: false, errors: { ins: 'insKey' } });
  });

  it('puts each problem on its field, first one first', () => {
    const result = buildStart(
      {
        ...emptyFields(''),
        birthDate: '2030-01-01',
        insuranceNumber: '12',
        accompanied: true,
        accompanyingIdentifier: '1234',
      },
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      familyName: 'required',
      givenNames: 'required',
      birthDate: 'futureDate',
      sex: 'required',
      insuranceNumber: 'insuranceFormat',
      accompanyingName: 'required',
      accompanyingIdentifier: 'identifierFormat',
      consentTeleconsultation: 'consentRequired',
      recordedBy: 'required',
    });
    expect(firstError(result.errors)).toBe('familyName');
  });

  it('records the accompanying professional with an RPPS typed with spaces', () => {
    const result = buildStart(
      {
        ...valid,
        accompanied: true,
        accompanyingName: 'Luc Bernard',
        accompanyingRole: 'nurse',
        accompanyingIdentifier: '100 0123 4567',
        motive: '  Toux depuis 3 jours ',
      },
      TODAY,
    );
    expect(result.ok && result.value.accompanying).toEqual({
      name: 'Luc Bernard',
      role: 'nurse',
      identifier: '10001234567',
    });
    expect(result.ok && result.value.motive).toBe('Toux depuis 3 jours');
  });
});
