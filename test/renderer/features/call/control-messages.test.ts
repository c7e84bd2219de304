/**
 * @jest-environment node
 */
import { parseControlMessage } from '../../../../src/renderer/features/call/control-messages';

const report = {
  author: { name: 'Dr Claire Martin', rpps: '10001234567' },
  reason: 'Toux',
  findings: 'Sibilants',
  conclusion: 'Bronchite',
  prescriptions: 'Repos',
};
const careSheet = {
  actCode: 'TC',
  date: '2026-11-25',
  doctor: { name: 'Dr Claire Martin', rpps: '10001234567' },
  teleconsultation: true,
  pathway: 'treating-doctor',
  place: 'home',
  accompanyingAct: 'TLS',
};
const patient = {
  type: 'patient',
  patient: { familyName: 'Dupont', birthGivenNames: ['Marie'], birthDate: '1985-05-12', sex: 'female' },
  consent: {
    teleconsultation: true,
    deviceData: false,
    recordedBy: 'Inf. Bernard',
    recordedAt: '2026-11-25T10:00:00.000Z',
  },
  accompanying: { name: 'Luc Bernard', role: 'nurse' },
};
const json = (value: unknown): string => JSON.stringify(value);

describe('consultation record messages on the control channel', () => {
  it('accepts a report, a care sheet, both, a note, a result and the patient', () => {
    for (const message of [
      { type: 'report', id: 'r1', report },
      { type: 'report', id: 'r2', careSheet },
      { type: 'report', id: 'r3', report, careSheet },
      { type: 'note', id: 'n1', author: 'Dr Martin', text: 'Rappeler demain' },
      { type: 'report-result', id: 'r1', ok: true, message: 'saved' },
      patient,
    ]) {
      expect(parseControlMessage(json(message))).toEqual(message);
    }
  });

  it('rejects malformed ones', () => {
    for (const message of [
      { type: 'report', id: 'r1', report: { ...report, author: { name: 'X', rpps: '123' } } },
      { type: 'report', id: 'r1', careSheet: { ...careSheet, actCode: 'G' } },
      { type: 'report', id: 'r1', careSheet: { ...careSheet, teleconsultation: false } },
      // Retired codes are never saved again, and the place of the act is required.
      { type: 'report', id: 'r1', careSheet: { ...careSheet, actCode: 'TE1' } },
      { type: 'report', id: 'r1', careSheet: { ...careSheet, actCode: 'RNM' } },
      { type: 'report', id: 'r1', careSheet: { ...careSheet, place: undefined } },
      { type: 'report', report },
      { type: 'note', id: 'n1', author: '', text: 'x' },
      { type: 'note', id: 'n1', author: 'A', text: '   ' },
      { type: 'report-result', id: 'r1', ok: 'yes', message: '' },
      // The patient message never carries the INS: a strict schema refuses the extra field.
      { ...patient, patient: { ...patient.patient, ins: '285057800608441' } },
      { ...patient, consent: { ...patient.consent, recordedAt: 'yesterday' } },
    ]) {
      expect(parseControlMessage(json(message))).toBeNull();
    }
  });
});
