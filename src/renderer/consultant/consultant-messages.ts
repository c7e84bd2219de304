import type {
  AccompanyingActCode,
  AccompanyingRole,
  CARE_PATHWAYS,
  CareActCode,
  CarePlace,
  Sex,
} from '../../shared/domain/consultation';
import { defineMessages } from '../../shared/i18n';
import { bornFr } from '../../shared/i18n/french-birth';
import type { InstrumentKind } from '../features/call/control-messages';
import type { FormProblem } from './report-form';
import { EN_REFUSALS, EN_SENT, FR_REFUSALS, FR_SENT, sendText } from './send-state-text';

/** The doctor's page, in the doctor's browser language (the call's shared words are in call-messages). */
type Pathway = (typeof CARE_PATHWAYS)[number];

const EN_SEX: Readonly<Record<Sex, string>> = {
  female: 'female',
  male: 'male',
  other: 'other',
  unknown: 'sex unknown',
};
const FR_SEX: typeof EN_SEX = { female: 'femme', male: 'homme', other: 'autre', unknown: 'sexe inconnu' };
const EN_ROLES: Readonly<Record<AccompanyingRole, string>> = {
  nurse: 'nurse',
  pharmacist: 'pharmacist',
  physician: 'physician',
  midwife: 'midwife',
  other: 'professional',
};
const FR_ROLES: typeof EN_ROLES = {
  nurse: 'infirmier(ère)',
  pharmacist: 'pharmacien(ne)',
  physician: 'médecin',
  midwife: 'sage-femme',
  other: 'professionnel(le)',
};
const EN_PATHWAYS: Readonly<Record<Pathway, string>> = {
  'treating-doctor': 'Treating doctor (médecin traitant)',
  referred: 'Referred by the treating doctor',
  exception: 'Exception to the care pathway (e.g. urgency)',
};
const FR_PATHWAYS: typeof EN_PATHWAYS = {
  'treating-doctor': 'Médecin traitant',
  referred: 'Orienté par le médecin traitant',
  exception: 'Hors parcours de soins coordonnés (ex. urgence)',
};
/**
 * Each act in one line, for the doctor choosing it (sources: src/shared/domain/README.md, "Today's
 * acts"). No tele-expertise (TE2, RQD): it is not a teleconsultation act.
 */
const EN_ACTS: Readonly<Record<CareActCode | AccompanyingActCode, string>> = {
  TCG: 'TCG — teleconsultation by a general practitioner',
  TC: 'TC — teleconsultation by a doctor of another specialty',
  TLS: 'TLS — nurse beside the patient during planned nursing care',
  TLL: 'TLL — nurse beside the patient in a place dedicated to teleconsultation',
  TLD: 'TLD — nurse beside the patient at home, outside planned care',
  TLM: 'TLM — pharmacist assisting in the pharmacy (your RPPS goes in the prescriber field)',
};
const FR_ACTS: typeof EN_ACTS = {
  TCG: 'TCG — téléconsultation du médecin généraliste',
  TC: 'TC — téléconsultation d’un médecin d’une autre spécialité',
  TLS: 'TLS — infirmier auprès du patient lors d’un soin infirmier prévu',
  TLL: 'TLL — infirmier auprès du patient dans un lieu dédié à la téléconsultation',
  TLD: 'TLD — infirmier auprès du patient à domicile, hors soin prévu',
  TLM: 'TLM — pharmacien assistant en officine (votre RPPS en prescripteur)',
};
const EN_PLACES: Readonly<Record<CarePlace, string>> = {
  pharmacy: 'Pharmacy',
  'nursing-home': 'Nursing home (EHPAD)',
  home: 'Patient’s home',
  practice: 'Practice',
  cabin: 'Teleconsultation cabin',
};
const FR_PLACES: typeof EN_PLACES = {
  pharmacy: 'Officine',
  'nursing-home': 'EHPAD',
  home: 'Domicile du patient',
  practice: 'Cabinet',
  cabin: 'Cabine de téléconsultation',
};
const EN_PROBLEMS: Readonly<Record<FormProblem, string>> = {
  required: 'Required.',
  rpps: 'An RPPS number has 11 digits.',
  tooLong: 'Too long.',
  invalidDate: 'Not a valid date.',
  notConsultationDate: 'The act is dated on the day of the consultation.',
  notForRole: 'This act is not the one of the professional beside the patient.',
  empty: 'Write at least one part of the report.',
  invalid: 'Not valid.',
};
const FR_PROBLEMS: typeof EN_PROBLEMS = {
  required: 'Obligatoire.',
  rpps: 'Un numéro RPPS compte 11 chiffres.',
  tooLong: 'Trop long.',
  invalidDate: 'Date non valide.',
  notConsultationDate: 'L’acte est daté du jour de la consultation.',
  notForRole: 'Cet acte n’est pas celui du professionnel auprès du patient.',
  empty: 'Rédigez au moins une partie du compte rendu.',
  invalid: 'Non valide.',
};
export const consultantMessages = defineMessages({
  en: {
    noInvite: 'This link has no invitation in it. Ask the station for a new consultant link.',
    title: 'Teleconsultation',
    documentTitle: 'Teleconsultation — doctor',
    patientVideo: 'Patient video',
    patient: 'Patient',
    /** `kind` null: the instrument camera, unnamed. */
    off: (name: string, _kind: InstrumentKind | null): string => `${name} (off)`,
    patientLarge: 'Patient large',
    large: (name: string): string => `${name} large`,
    startMeasurement: 'Start measurement',
    measureAsking: 'Asking the station…',
    measureStarted: 'Measurement started',
    notConnected: 'Not connected',
    measureFailed: (detail: string): string => `Measurement failed: ${detail}`,
    snapshots: 'Snapshots',
    takeSnapshot: 'Take snapshot',
    snapshotTaking: 'Taking a snapshot…',
    snapshotFailed: (detail: string): string => `Snapshot failed: ${detail}`,
    snapshotAlt: (width: number, height: number): string => `Snapshot ${width}×${height}`,
    snapshotDownload: (width: number, height: number): string => `Download ${width}×${height}`,
    vitals: 'Patient vital signs',
    noReadings: 'No readings yet',
    noDeviceData: 'The patient did not consent to sending device data: no readings are shown here.',
    stethoscopeVolume: 'Stethoscope volume',
    headphones: 'Use headphones',
    // Patient panel
    patientTitle: 'Patient',
    patientWaiting: 'The station sends the patient’s identity when the call connects.',
    born: (date: string, _sex: Sex): string => `born ${date}`,
    sexName: (sex: Sex): string => EN_SEX[sex],
    with: (name: string, role: AccompanyingRole): string => `with ${name} (${EN_ROLES[role]})`,
    motive: (motive: string): string => `Reason: ${motive}`,
    consent: (deviceData: boolean, by: string, at: string): string =>
      `Consent: teleconsultation yes; device data ${deviceData ? 'yes' : 'no'} — recorded by ${by} at ${at}`,
    // Record forms
    recordTitle: 'Consultation record',
    doctorTitle: 'You (author)',
    doctorName: 'Doctor’s name',
    doctorRpps: 'RPPS number',
    reportTitle: 'Report',
    reason: 'Reason for the consultation',
    findings: 'Findings',
    conclusion: 'Conclusion',
    prescriptions: 'Prescriptions',
    saveReport: 'Save the report on the station',
    careSheetTitle: 'Care sheet (for your billing software)',
    actCode: 'Act',
    actName: (code: CareActCode | AccompanyingActCode): string => EN_ACTS[code],
    actChoose: 'Choose the act',
    place: 'Where the act took place',
    placeChoose: 'Choose the place',
    placeName: (place: CarePlace): string => EN_PLACES[place],
    actDate: 'Date of the act',
    pathway: 'Care pathway',
    pathwayName: (pathway: Pathway): string => EN_PATHWAYS[pathway],
    accompanyingAct: 'Act of the professional with the patient',
    accompanyingActNone: 'None',
    accompanyingActNoProfessional:
      'No health professional is with the patient (as the station recorded it): no accompanying act (TLS, TLL, TLD, TLM) applies.',
    remarks: 'Remarks',
    saveCareSheet: 'Save the care sheet on the station',
    notesTitle: 'Notes',
    note: 'Note for the record',
    addNote: 'Add the note',
    problem: (problem: FormProblem): string => EN_PROBLEMS[problem],
    loadedVersion: (version: number): string =>
      `Version ${version} of the report, saved on the station, is loaded: saving adds a new version.`,
    stationEnded:
      'The station has ended this consultation: you may still add a new version of the report; the rest of the record is sealed.',
    sendState: sendText(EN_SENT, EN_REFUSALS, {
      sending: 'sending…',
      saved: 'saved on the station',
      savedVersion: (version: number): string => `saved on the station as version ${version}`,
      failed: 'not saved: ',
      offline: 'not sent: the call is not connected',
      unconfirmed: 'the call ended before the station confirmed it: not known to be saved',
    }),
  },
  fr: {
    noInvite: 'Ce lien ne contient pas d’invitation. Demandez un nouveau lien à la station.',
    title: 'Téléconsultation',
    documentTitle: 'Téléconsultation — médecin',
    patientVideo: 'Vidéo du patient',
    patient: 'Patient',
    // The names agree: « Otoscope (éteint) », « Caméra d’examen (éteinte) ».
    off: (name, kind) => `${name} (${kind === null || kind === 'exam-camera' ? 'éteinte' : 'éteint'})`,
    patientLarge: 'Patient en grand',
    large: (name) => `${name} en grand`,
    startMeasurement: 'Lancer une mesure',
    measureAsking: 'Demande à la station…',
    measureStarted: 'Mesure lancée',
    notConnected: 'Non connecté',
    measureFailed: (detail) => `Échec de la mesure : ${detail}`,
    snapshots: 'Photos',
    takeSnapshot: 'Prendre une photo',
    snapshotTaking: 'Prise de la photo…',
    snapshotFailed: (detail) => `Échec de la photo : ${detail}`,
    snapshotAlt: (width, height) => `Photo ${width}×${height}`,
    snapshotDownload: (width, height) => `Télécharger ${width}×${height}`,
    vitals: 'Constantes du patient',
    noReadings: 'Pas encore de mesure',
    noDeviceData:
      'Le patient n’a pas consenti à la transmission des données des appareils : aucune mesure n’est affichée ici.',
    stethoscopeVolume: 'Volume du stéthoscope',
    headphones: 'Utilisez un casque',
    patientTitle: 'Patient',
    patientWaiting: 'La station envoie l’identité du patient quand l’appel est établi.',
    born: (date, sex) => bornFr(date, sex),
    sexName: (sex) => FR_SEX[sex],
    with: (name, role) => `avec ${name} (${FR_ROLES[role]})`,
    motive: (motive) => `Motif : ${motive}`,
    consent: (deviceData, by, at) =>
      `Consentement : téléconsultation oui ; données des appareils ${deviceData ? 'oui' : 'non'} — recueilli par ${by} à ${at}`,
    recordTitle: 'Dossier de consultation',
    doctorTitle: 'Vous (auteur)',
    doctorName: 'Nom du médecin',
    doctorRpps: 'Numéro RPPS',
    reportTitle: 'Compte rendu',
    reason: 'Motif de la consultation',
    findings: 'Examen clinique',
    conclusion: 'Conclusion',
    prescriptions: 'Prescriptions',
    saveReport: 'Enregistrer le compte rendu sur la station',
    careSheetTitle: 'Feuille de soins (pour votre logiciel de facturation)',
    actCode: 'Acte',
    actName: (code) => FR_ACTS[code],
    actChoose: 'Choisissez l’acte',
    place: 'Lieu de l’acte',
    placeChoose: 'Choisissez le lieu',
    placeName: (place) => FR_PLACES[place],
    actDate: 'Date de l’acte',
    pathway: 'Parcours de soins',
    pathwayName: (pathway) => FR_PATHWAYS[pathway],
    accompanyingAct: 'Acte du professionnel auprès du patient',
    accompanyingActNone: 'Aucun',
    accompanyingActNoProfessional:
      'Aucun professionnel de santé n’accompagne le patient (selon la station) : aucun acte d’accompagnement (TLS, TLL, TLD, TLM) ne s’applique.',
    remarks: 'Remarques',
    saveCareSheet: 'Enregistrer la feuille de soins sur la station',
    notesTitle: 'Notes',
    note: 'Note pour le dossier',
    addNote: 'Ajouter la note',
    problem: (problem) => FR_PROBLEMS[problem],
    loadedVersion: (version) =>
      `La version ${version} du compte rendu, enregistrée sur la station, est chargée : enregistrer ajoute une nouvelle version.`,
    stationEnded:
      'La station a clos cette consultation : vous pouvez encore ajouter une nouvelle version du compte rendu ; le reste du dossier est scellé.',
    sendState: sendText(FR_SENT, FR_REFUSALS, {
      sending: 'envoi…',
      saved: 'enregistré(e) sur la station',
      savedVersion: (version) => `enregistré(e) sur la station, version ${version}`,
      failed: 'non enregistré(e) : ',
      offline: 'non envoyé(e) : l’appel n’est pas connecté',
      unconfirmed: 'l’appel s’est terminé avant la confirmation de la station : enregistrement non confirmé',
    }),
  },
});

export type ConsultantMessages = (typeof consultantMessages)['en'];
