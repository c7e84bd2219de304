import type { ConsultationStart } from '../../src/shared/domain/consultation';

/**
 * A valid `consultation.start` body: the patient consents to the teleconsultation and to device
 * data. Tests that place a call must start a consultation first (no consent, no call):
 *   await backend.api['consultation.start'](CONSULTATION_START);          // in-process
 *   await client.call('consultation.start', CONSULTATION_START);          // renderer / e2e
 */
export const CONSULTATION_START: ConsultationStart = {
  patient: {
    familyName: 'Dupont-Lefèvre',
    birthGivenNames: ['Jeanne', 'Éloïse'],
    birthDate: '1948-03-14',
    sex: 'female',
    birthPlace: '75056',
    identityStatus: 'qualified',
    identityDocument: 'CN',
    insSource: 'INSI',
    ins: '248037512345658',
    insuranceNumber: '2480375123456',
  },
  accompanying: { name: 'Léa Garnier', role: 'nurse', identifier: '10000000001' },
  consent: { teleconsultation: true, deviceData: true, recordedBy: 'Léa Garnier' },
  motive: 'Essoufflement',
};

/** The same patient, consenting to the call but not to the recording of device data. */
export const CONSULTATION_START_NO_DEVICE_DATA: ConsultationStart = {
  ...CONSULTATION_START,
  consent: { ...CONSULTATION_START.consent, deviceData: false },
};
