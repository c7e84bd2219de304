import { buildCareSheet, buildReport } from '../../../src/renderer/consultant/report-form';

const doctor = { name: 'Dr Claire Martin', rpps: '100 0123 4567' };
const sheet = {
  actCode: 'TCG' as const,
  date: '2026-11-25',
  pathway: 'treating-doctor' as const,
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
});
