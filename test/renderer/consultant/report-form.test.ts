import {
  buildCareSheet,
  buildReport,
  careSheetFieldsOf,
  defaultActFields,
} from '../../../src/renderer/consultant/report-form';

const doctor = { name: 'Dr Claire Martin', rpps: '100 0123 4567' };
const sheet = {
  actCode: 'TCG' as const,
  date: '2026-11-25',
  pathway: 'treating-doctor' as const,
  place: 'home' as const,
  accompanyingAct: 'TLS' as const,
  remarks: '',
};

describe('consultant record forms', () => {
  it('builds a report; the RPPS is optional there', () => {
    const fields = { reason: 'Toux', findings: '', conclusion: 'Bronchite', prescriptions: '' };
    expect(buildReport(doctor, fields)).toEqual({
      ok: true,
      value: { author: { name: 'Dr Claire Martin', rpps: '10001234567' }, ...fields },
    });
    expect(buildReport({ name: 'Dr Martin', rpps: '' }, fields).ok).toBe(true);
  });

  it('refuses an empty report, a bad RPPS and a missing author', () => {
    const empty = { reason: ' ', findings: '', conclusion: '', prescriptions: '' };
    expect(buildReport({ name: '', rpps: '123' }, empty)).toEqual({
      ok: false,
      errors: { doctorName: 'required', doctorRpps: 'rpps', conclusion: 'empty' },
    });
  });

  it('builds a care sheet that always says téléconsultation, and requires the RPPS', () => {
    expect(buildCareSheet(doctor, sheet)).toEqual({
      ok: true,
      value: {
        actCode: 'TCG',
        date: '2026-11-25',
        doctor: { name: 'Dr Claire Martin', rpps: '10001234567' },
        teleconsultation: true,
        pathway: 'treating-doctor',
        place: 'home',
        accompanyingAct: 'TLS',
      },
    });
    expect(
      buildCareSheet({ name: 'Dr Martin', rpps: '' }, { ...sheet, accompanyingAct: '', date: '25/11' }),
    ).toEqual({
      ok: false,
      errors: { doctorRpps: 'required', date: 'invalidDate' },
    });
  });

  // Sources of each rule: src/shared/domain/README.md ("Today's acts").
  it('offers the accompanying act of the role beside the patient, and refuses another', () => {
    const nurse = { accompanyingRole: 'nurse' as const };
    expect(buildCareSheet(doctor, sheet, nurse).ok).toBe(true);
    expect(buildCareSheet(doctor, { ...sheet, accompanyingAct: 'TLM' }, nurse)).toEqual({
      ok: false,
      errors: { accompanyingAct: 'notForRole' },
    });
    const pharmacist = { accompanyingRole: 'pharmacist' as const };
    expect(
      buildCareSheet(doctor, { ...sheet, place: 'pharmacy', accompanyingAct: 'TLM' }, pharmacist).ok,
    ).toBe(true);
    expect(buildCareSheet(doctor, { ...sheet, accompanyingAct: 'TLS' }, pharmacist)).toEqual({
      ok: false,
      errors: { accompanyingAct: 'notForRole' },
    });
    for (const role of ['physician', 'midwife', 'other', null] as const) {
      expect(
        buildCareSheet(doctor, { ...sheet, accompanyingAct: 'TLS' }, { accompanyingRole: role }),
      ).toEqual({
        ok: false,
        errors: { accompanyingAct: 'notForRole' },
      });
      expect(buildCareSheet(doctor, { ...sheet, accompanyingAct: '' }, { accompanyingRole: role }).ok).toBe(
        true,
      );
    }
  });

  it('dates the act on the consultation day when the page knows it', () => {
    const context = { accompanyingRole: 'nurse' as const, consultationDate: '2026-11-25' };
    expect(buildCareSheet(doctor, sheet, context).ok).toBe(true);
    expect(buildCareSheet(doctor, { ...sheet, date: '2020-01-01' }, context)).toEqual({
      ok: false,
      errors: { date: 'notConsultationDate' },
    });
  });

  it('defaults the accompanying act from the role and the place', () => {
    expect(defaultActFields('pharmacist', 'pharmacy')).toEqual({ accompanyingAct: 'TLM' });
    expect(defaultActFields('nurse', 'home')).toEqual({ accompanyingAct: 'TLD' });
    expect(defaultActFields('nurse', 'nursing-home')).toEqual({ accompanyingAct: 'TLL' });
    expect(defaultActFields('midwife', 'practice')).toEqual({ accompanyingAct: '' });
    expect(defaultActFields(null, '')).toEqual({ accompanyingAct: '' });
  });

  it('asks for the act again when a saved version carried a retired code, and for the place', () => {
    const old = {
      actCode: 'TE1' as const,
      date: '2026-11-25',
      doctor: { name: 'Dr Claire Martin', rpps: '10001234567' },
      teleconsultation: true as const,
      pathway: 'treating-doctor' as const,
      accompanyingAct: null,
    };
    const fields = careSheetFieldsOf(old);
    expect(fields).toMatchObject({ actCode: '', place: '' });
    expect(buildCareSheet(doctor, fields)).toEqual({
      ok: false,
      errors: { actCode: 'required', place: 'required' },
    });
  });
});
