import type { AccompanyingActCode, AccompanyingRole, CareActCode } from '../../shared/domain/consultation';
import { defineMessages } from '../../shared/i18n';

/** One line under each act of the care sheet: when it applies, and why the form proposed it. */
const EN: Readonly<Record<CareActCode | AccompanyingActCode, string>> = {
  TCG: 'A teleconsultation by a general practitioner.',
  TC: 'A teleconsultation by a doctor of another specialty than general practice.',
  TLS: 'Billed by the nurse when the teleconsultation takes place during nursing care already planned for the patient.',
  TLL: 'Billed by the nurse assisting from a place set up for teleconsultation (cabin, health centre, nursing home).',
  TLD: 'Billed by the nurse who comes to the patient’s home for the teleconsultation, outside planned care.',
  TLM: 'Billed by the pharmacist assisting the patient in the pharmacy.',
};
const FR: typeof EN = {
  TCG: 'Une téléconsultation par un médecin généraliste.',
  TC: 'Une téléconsultation par un médecin d’une autre spécialité que la médecine générale.',
  TLS: 'Facturé par l’infirmier lorsque la téléconsultation a lieu pendant un soin infirmier déjà prévu pour le patient.',
  TLL: 'Facturé par l’infirmier qui assiste depuis un lieu dédié à la téléconsultation (cabine, centre de santé, EHPAD).',
  TLD: 'Facturé par l’infirmier qui se rend au domicile du patient pour la téléconsultation, hors soin prévu.',
  TLM: 'Facturé par le pharmacien qui assiste le patient en officine.',
};
const EN_ROLES: Readonly<Record<AccompanyingRole, string>> = {
  nurse: 'a nurse',
  pharmacist: 'a pharmacist',
  physician: 'a physician',
  midwife: 'a midwife',
  other: 'a professional',
};
const FR_ROLES: typeof EN_ROLES = {
  nurse: 'un infirmier ou une infirmière',
  pharmacist: 'un pharmacien ou une pharmacienne',
  physician: 'un médecin',
  midwife: 'une sage-femme',
  other: 'un professionnel',
};

export const actExplanationMessages = defineMessages({
  en: {
    explain: (code: CareActCode | AccompanyingActCode): string => EN[code],
    proposed: (role: AccompanyingRole): string =>
      `Proposed because ${EN_ROLES[role]} is beside the patient, as the station recorded it.`,
  },
  fr: {
    explain: (code) => FR[code],
    proposed: (role) => `Proposé car ${FR_ROLES[role]} est auprès du patient, d’après la station.`,
  },
});
