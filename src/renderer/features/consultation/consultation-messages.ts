import { defineMessages, formatterFor } from '../../../shared/i18n';
import { bornFr } from '../../../shared/i18n/french-birth';
import { deviceNameOf } from '../../../shared/i18n/device-names';
import type {
  AccompanyingRole,
  CallEventState,
  ConsultationStatus,
  IdentityDocument,
  IdentityStatus,
  InsSource,
  RecordingProblemCode,
  Sex,
  TimelineEvent,
} from '../../../shared/domain/consultation';
import { measuredValuesText } from '../vitals/measured-values';
import type { FieldProblem } from './start-form';

/**
 * The consultation screens' words: starting one (identity, consent), the active one (timeline,
 * note, end) and the banner on the live screen. The timeline's wording is shared with the records
 * screen, which reads the same events.
 */
const EN_SEX: Readonly<Record<Sex, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};
const FR_SEX: typeof EN_SEX = { female: 'Féminin', male: 'Masculin', other: 'Autre', unknown: 'Inconnu' };

const EN_ROLES: Readonly<Record<AccompanyingRole, string>> = {
  nurse: 'Nurse',
  pharmacist: 'Pharmacist',
  physician: 'Physician',
  midwife: 'Midwife',
  other: 'Other professional',
};
const FR_ROLES: typeof EN_ROLES = {
  nurse: 'Infirmier / infirmière',
  pharmacist: 'Pharmacien / pharmacienne',
  physician: 'Médecin',
  midwife: 'Sage-femme',
  other: 'Autre professionnel',
};

const EN_STATUS: Readonly<Record<ConsultationStatus, string>> = {
  active: 'In progress',
  ended: 'Closed',
  interrupted: 'Interrupted',
};
const FR_STATUS: typeof EN_STATUS = { active: 'En cours', ended: 'Clôturée', interrupted: 'Interrompue' };

const EN_STATUS_IDENTITY: Readonly<Record<IdentityStatus, string>> = {
  provisional: 'Provisional (nothing checked)',
  validated: 'Validated (identity document checked)',
  recovered: 'Recovered (INS from the INSi teleservice)',
  qualified: 'Qualified (INSi and identity document)',
};
const FR_STATUS_IDENTITY: typeof EN_STATUS_IDENTITY = {
  provisional: 'Provisoire (rien de contrôlé)',
  validated: 'Validée (pièce d’identité contrôlée)',
  recovered: 'Récupérée (INS issu du téléservice INSi)',
  qualified: 'Qualifiée (INSi et pièce d’identité)',
};
const EN_DOCUMENTS: Readonly<Record<IdentityDocument, string>> = {
  CN: 'National identity card',
  PA: 'Passport',
  CS: 'Residence permit',
  LE: 'Family record book',
  AN: 'Birth certificate extract',
};
const FR_DOCUMENTS: typeof EN_DOCUMENTS = {
  CN: 'Carte nationale d’identité',
  PA: 'Passeport',
  CS: 'Titre de séjour',
  LE: 'Livret de famille',
  AN: 'Extrait d’acte de naissance',
};
const EN_INS_SOURCES: Readonly<Record<InsSource, string>> = {
  INSI: 'INSi queried with the identity traits (your certified software)',
  CV: 'INSi queried with the Vitale card (your certified software)',
  CB: 'INS Datamatrix of a document carrying a qualified identity',
  AV: 'Appli carte Vitale',
};
const FR_INS_SOURCES: typeof EN_INS_SOURCES = {
  INSI: 'INSi interrogé avec les traits d’identité (votre logiciel homologué)',
  CV: 'INSi interrogé avec la carte Vitale (votre logiciel homologué)',
  CB: 'Datamatrix INS d’un document portant une identité qualifiée',
  AV: 'Appli carte Vitale',
};

const EN_PROBLEMS: Readonly<Record<FieldProblem, string>> = {
  required: 'Required.',
  tooLong: 'Too long.',
  invalidDate: 'Not a valid date.',
  futureDate: 'The birth date cannot be in the future.',
  insFormat:
    'An INS has 15 characters: sex, year, month, department (2A/2B for Corsica), commune, order and the 2-digit key.',
  insKeyMissing: 'The 2-digit key is missing: type all 15 characters shown on the card or the document.',
  insStructure:
    'This cannot be an INS: check the first digit (1, 2, or 7, 8 for a provisional number), the month, the department, the commune and the order.',
  insKey: 'The 2-digit key does not match the 13 characters before it: check the number on the card.',
  insuranceFormat: '5 to 30 letters or digits.',
  identifierFormat: 'An RPPS number has 11 digits, an ADELI number 9.',
  consentRequired: 'Without the patient’s consent to the teleconsultation, it cannot take place.',
  invalid: 'Not valid.',
  birthPlaceFormat:
    'The INSEE code of the commune (5 characters, e.g. 75056 or 2A004), or 99 and the country code.',
  'identity:document-required': 'Say which identity document you checked.',
  'identity:document-unexpected': 'A checked document makes the identity validated (or qualified).',
  'identity:ins-required': 'A recovered or qualified identity has its INS.',
  'identity:ins-source-required': 'Say where the INS came from.',
  'identity:ins-source-unexpected':
    'An INS from the INSi teleservice makes the identity recovered (or qualified).',
  'identity:birth-place-required': 'A qualified identity has its place of birth.',
  'identity:sex-not-ins':
    'A qualified identity’s sex is female, male or unknown, as the INSi teleservice gives it.',
};
const FR_PROBLEMS: typeof EN_PROBLEMS = {
  required: 'Obligatoire.',
  tooLong: 'Trop long.',
  invalidDate: 'Date non valide.',
  futureDate: 'La date de naissance ne peut pas être dans le futur.',
  insFormat:
    'L’INS comporte 15 caractères : sexe, année, mois, département (2A/2B pour la Corse), commune, rang et la clé à 2 chiffres.',
  insKeyMissing:
    'La clé à 2 chiffres manque : saisissez les 15 caractères portés par la carte ou le document.',
  insStructure:
    'Ce ne peut pas être un INS : vérifiez le premier chiffre (1, 2, ou 7, 8 pour un numéro provisoire), le mois, le département, la commune et le rang.',
  insKey:
    'La clé à 2 chiffres ne correspond pas aux 13 caractères qui la précèdent : vérifiez le numéro sur la carte.',
  insuranceFormat: 'De 5 à 30 lettres ou chiffres.',
  identifierFormat: 'Un numéro RPPS compte 11 chiffres, un numéro ADELI 9.',
  consentRequired: 'Sans le consentement du patient à la téléconsultation, elle ne peut pas avoir lieu.',
  invalid: 'Non valide.',
  birthPlaceFormat:
    'Le code INSEE de la commune (5 caractères, ex. 75056 ou 2A004), ou 99 et le code du pays.',
  'identity:document-required': 'Indiquez la pièce d’identité contrôlée.',
  'identity:document-unexpected': 'Une pièce contrôlée rend l’identité validée (ou qualifiée).',
  'identity:ins-required': 'Une identité récupérée ou qualifiée a son INS.',
  'identity:ins-source-required': 'Indiquez d’où vient l’INS.',
  'identity:ins-source-unexpected':
    'Un INS issu du téléservice INSi rend l’identité récupérée (ou qualifiée).',
  'identity:birth-place-required': 'Une identité qualifiée a son lieu de naissance.',
  'identity:sex-not-ins':
    'Le sexe d’une identité qualifiée est féminin, masculin ou inconnu, comme le donne le téléservice INSi.',
};

// Recording failures: what happened, and what the nurse can do about it.
const EN_RECORDING_PROBLEM: Readonly<Record<RecordingProblemCode, string>> = {
  'disk-full': 'Readings are NOT being saved: the station’s disk is full.',
  'io-error': 'Readings are NOT being saved: the station’s disk is failing.',
  'database-closed': 'Readings are NOT being saved: the records database is closed.',
  'write-error': 'Readings are NOT being saved.',
};
const FR_RECORDING_PROBLEM: typeof EN_RECORDING_PROBLEM = {
  'disk-full': 'Les mesures ne sont PAS enregistrées : le disque de la station est plein.',
  'io-error': 'Les mesures ne sont PAS enregistrées : le disque de la station est défaillant.',
  'database-closed': 'Les mesures ne sont PAS enregistrées : la base des dossiers est fermée.',
  'write-error': 'Les mesures ne sont PAS enregistrées.',
};
const EN_RECORDING_FIX: Readonly<Record<RecordingProblemCode, string>> = {
  'disk-full': 'Free disk space on the station (or call support); do not switch it off.',
  'io-error': 'Do not switch the station off; call support.',
  'database-closed': 'Restart the station application; call support if this happens again.',
  'write-error': 'Restart the station application; call support if this happens again.',
};
const FR_RECORDING_FIX: typeof EN_RECORDING_FIX = {
  'disk-full': 'Libérez de l’espace disque sur la station (ou appelez le support) ; ne l’éteignez pas.',
  'io-error': 'N’éteignez pas la station ; appelez le support.',
  'database-closed': 'Redémarrez l’application de la station ; appelez le support si cela se reproduit.',
  'write-error': 'Redémarrez l’application de la station ; appelez le support si cela se reproduit.',
};

type EventWords = (event: TimelineEvent) => string;

const EN_CALL: Readonly<Record<CallEventState, string>> = {
  connected: 'Call connected',
  reconnecting: 'Call interrupted: reconnecting',
  reconnected: 'Call reconnected',
  ended: 'Call ended',
};
const FR_CALL: typeof EN_CALL = {
  connected: 'Appel connecté',
  reconnecting: 'Appel interrompu : reconnexion',
  reconnected: 'Appel rétabli',
  ended: 'Fin de l’appel',
};

/** A host restart's gap, from the last data to the restart, in whole seconds. */
function gapSeconds(event: { time: string; since: string }): number {
  return Math.max(0, Math.round((Date.parse(event.time) - Date.parse(event.since)) / 1000));
}

const enEvent: EventWords = (event) => {
  switch (event.kind) {
    case 'started':
      return 'Consultation started';
    case 'consent':
      return `Consent recorded by ${event.consent.recordedBy}: teleconsultation ${event.consent.teleconsultation ? 'yes' : 'no'}, device data ${event.consent.deviceData ? 'yes' : 'no'}`;
    case 'device':
      return `${deviceNameOf(event.device, 'en') ?? event.name} ${event.state === 'connected' ? 'connected' : 'disconnected'}`;
    case 'media':
      return event.media.kind === 'snapshot' ? 'Snapshot' : 'Stethoscope recording';
    case 'chat':
      return `${event.from === 'station' ? 'Station' : 'Doctor'}: ${event.text}`;
    case 'note':
      return `Note by ${event.author}: ${event.text}`;
    case 'call':
      return EN_CALL[event.state];
    case 'recording':
      return event.state === 'failing'
        ? EN_RECORDING_PROBLEM[event.code]
        : `Recording resumed; ${event.droppedReadings} readings lost`;
    case 'measurement-confirmed': {
      const en = formatterFor('en');
      return `Measured before the consultation (${en.dateTime(Date.parse(event.measuredAt))}), confirmed for this patient by ${event.confirmedBy}: ${measuredValuesText(event.values, en)}`;
    }
    case 'report':
      return 'Report saved';
    case 'care-sheet':
      return 'Care sheet saved';
    case 'interrupted':
      return 'Interrupted (the station stopped)';
    case 'host-restarted': {
      const en = formatterFor('en');
      return `The station restarted and the consultation resumed: nothing recorded from ${en.time(Date.parse(event.since), true)} (${en.duration(gapSeconds(event))})`;
    }
    case 'ended':
      return 'Consultation closed';
  }
};

const frEvent: EventWords = (event) => {
  switch (event.kind) {
    case 'started':
      return 'Début de la consultation';
    case 'consent':
      return `Consentement recueilli par ${event.consent.recordedBy} : téléconsultation ${event.consent.teleconsultation ? 'oui' : 'non'}, données des appareils ${event.consent.deviceData ? 'oui' : 'non'}`;
    case 'device':
      // The catalogue's name (the event keeps the driver's English one for devices of no known protocol).
      return `${deviceNameOf(event.device, 'fr') ?? event.name} ${event.state === 'connected' ? 'connecté' : 'déconnecté'}`;
    case 'media':
      return event.media.kind === 'snapshot' ? 'Photo' : 'Enregistrement du stéthoscope';
    case 'chat':
      return `${event.from === 'station' ? 'Station' : 'Médecin'} : ${event.text}`;
    case 'note':
      return `Note de ${event.author} : ${event.text}`;
    case 'call':
      return FR_CALL[event.state];
    case 'recording':
      return event.state === 'failing'
        ? FR_RECORDING_PROBLEM[event.code]
        : `Enregistrement rétabli ; ${event.droppedReadings} mesures perdues`;
    case 'measurement-confirmed': {
      const fr = formatterFor('fr');
      return `Mesure antérieure à la consultation (${fr.dateTime(Date.parse(event.measuredAt))}), confirmée pour ce patient par ${event.confirmedBy} : ${measuredValuesText(event.values, fr)}`;
    }
    case 'report':
      return 'Compte rendu enregistré';
    case 'care-sheet':
      return 'Feuille de soins enregistrée';
    case 'interrupted':
      return 'Interrompue (arrêt de la station)';
    case 'host-restarted': {
      const fr = formatterFor('fr');
      return `Redémarrage de la station, consultation reprise : rien d’enregistré depuis ${fr.time(Date.parse(event.since), true)} (${fr.duration(gapSeconds(event))})`;
    }
    case 'ended':
      return 'Consultation clôturée';
  }
};

export const consultationMessages = defineMessages({
  en: {
    title: 'Consultation',
    startTitle: 'Start a consultation',
    patient: 'Patient',
    familyName: 'Birth family name',
    givenNames: 'Birth given names (all, in order)',
    givenNamesHint: 'As on the identity document, separated by spaces.',
    usedGivenName: 'Given name used (if not the first)',
    birthDate: 'Date of birth',
    birthPlace: 'Place of birth: INSEE code',
    birthPlaceHint:
      'The commune’s code (75056, 2A004, 97411), or 99 and the country’s code for a birth abroad.',
    identityStatus: 'Identity status',
    identityStatusName: (status: IdentityStatus): string => EN_STATUS_IDENTITY[status],
    identityStatusHint:
      'The station cannot query the INSi teleservice. Provisional: nothing checked. Validated: you checked an identity document. Recovered: the INS comes from INSi, obtained with your pharmacy or practice software, or from a document carrying a qualified INS. Qualified: both — recovered and checked against the document.',
    identityDocument: 'Identity document checked',
    identityDocumentName: (document: IdentityDocument): string => EN_DOCUMENTS[document],
    insSource: 'Where the INS came from',
    insSourceName: (source: InsSource): string => EN_INS_SOURCES[source],
    sex: 'Sex',
    choose: 'Choose…',
    sexName: (sex: Sex): string => EN_SEX[sex],
    ins: 'INS (national health identifier, optional)',
    insHint:
      '15 characters: the 13 and the 2-digit key, as on the card; spaces are allowed. Never shared unless the identity is qualified.',
    insuranceNumber: 'Health-insurance number (optional)',
    motive: 'Reason for the consultation (optional)',
    accompanyingTitle: 'Professional with the patient',
    accompanyingNone: 'None',
    accompanyingPresent: 'A professional is present',
    accompanyingName: 'Name',
    accompanyingRole: 'Role',
    roleName: (role: AccompanyingRole): string => EN_ROLES[role],
    accompanyingIdentifier: 'RPPS or ADELI number (optional)',
    consentTitle: 'Patient consent',
    consentExplain:
      'Read this to the patient. A doctor will examine them by video. What the station measures (oxygen, pulse, blood pressure, ECG…), photos from the examination camera and stethoscope sounds are sent to that doctor during the call and kept in an encrypted record on this station. The patient may refuse, or stop at any time.',
    consentTeleconsultation: 'The patient agrees to the teleconsultation.',
    consentDeviceData:
      'The patient agrees that readings from the devices are sent to the doctor and recorded.',
    recordedBy: 'Consent recorded by',
    start: 'Start the consultation',
    starting: 'Starting…',
    problem: (problem: FieldProblem): string => EN_PROBLEMS[problem],
    fixErrors: (count: number): string =>
      count === 1 ? 'One field needs attention.' : `${count} fields need attention.`,
    backendError: (detail: string): string => `The station refused: ${detail}`,
    // Active
    activeTitle: 'Consultation in progress',
    born: (date: string, _sex: Sex): string => `born ${date}`,
    elapsed: (duration: string): string => `Elapsed: ${duration}`,
    startedAt: (time: string): string => `Started at ${time}`,
    consentSummary: (deviceData: boolean, by: string): string =>
      `Consent to the teleconsultation${deviceData ? ' and to device data' : ' (not to device data)'}, recorded by ${by}`,
    accompaniedBy: (name: string, role: string): string => `With ${name} (${role})`,
    noDeviceData:
      'No consent to device data: readings are shown on this screen only; they are neither recorded nor sent to the doctor.',
    timeline: 'Timeline',
    timelineEmpty: 'Nothing recorded yet.',
    event: (event: TimelineEvent): string => enEvent(event),
    noteLabel: 'Note (station side)',
    addNote: 'Add the note',
    noteSaved: 'Note added.',
    end: 'End the consultation',
    endConfirmTitle: 'End this consultation?',
    endConfirmText:
      'The record is closed: nothing more can be added to it. The doctor can no longer send the report through the call.',
    endConfirm: 'End it',
    keepOpen: 'Keep it open',
    ending: 'Closing…',
    goLive: 'Back to the live screen',
    loading: 'Loading…',
    // Interrupted
    interruptedTitle: 'Interrupted consultations',
    interruptedExplain:
      'The station stopped during these consultations. Open one to read what was recorded, then close it.',
    open: 'Open',
    close: 'Close',
    readOnly: 'Read only',
    closeRecord: 'Close this record',
    back: 'Back',
    status: (status: ConsultationStatus): string => EN_STATUS[status],
    // Banner
    bannerNone: 'No consultation',
    bannerStart: 'Start one',
    bannerActive: (name: string, elapsed: string): string => `${name} — ${elapsed}`,
    bannerNoDeviceData: 'readings not recorded',
    bannerLabel: 'Consultation',
    bannerOpen: 'Open the consultation',
    // Recording health (disk full…): shown on the banner and the active consultation
    recordingProblem: (code: RecordingProblemCode): string => EN_RECORDING_PROBLEM[code],
    recordingKept: (count: number, readings: string, duration: string): string =>
      `${count === 1 ? 'One reading is' : `${readings} readings are`} kept in memory (for ${duration}) and will be saved once this is fixed.`,
    recordingLost: (count: number, readings: string): string =>
      count === 1 ? 'One reading has been lost.' : `${readings} readings have been lost.`,
    recordingFix: (code: RecordingProblemCode): string => EN_RECORDING_FIX[code],
    recordingResumed: (lost: number, readings: string): string =>
      lost === 0
        ? 'Recording resumed: nothing was lost.'
        : `Recording resumed: ${lost === 1 ? 'one reading was' : `${readings} readings were`} lost.`,
  },
  fr: {
    title: 'Consultation',
    startTitle: 'Commencer une consultation',
    patient: 'Patient',
    familyName: 'Nom de naissance',
    givenNames: 'Prénoms de naissance (tous, dans l’ordre)',
    givenNamesHint: 'Comme sur la pièce d’identité, séparés par des espaces.',
    usedGivenName: 'Prénom utilisé (s’il n’est pas le premier)',
    birthDate: 'Date de naissance',
    birthPlace: 'Lieu de naissance : code INSEE',
    birthPlaceHint:
      'Le code de la commune (75056, 2A004, 97411), ou 99 et le code du pays pour une naissance à l’étranger.',
    identityStatus: 'Statut de l’identité',
    identityStatusName: (status) => FR_STATUS_IDENTITY[status],
    identityStatusHint:
      'La station ne peut pas interroger le téléservice INSi. Provisoire : rien n’a été contrôlé. Validée : vous avez contrôlé une pièce d’identité. Récupérée : l’INS vient de l’INSi, obtenu avec votre logiciel d’officine ou de cabinet, ou d’un document portant un INS qualifié. Qualifiée : les deux — récupérée et contrôlée sur la pièce.',
    identityDocument: 'Pièce d’identité contrôlée',
    identityDocumentName: (document) => FR_DOCUMENTS[document],
    insSource: 'Origine de l’INS',
    insSourceName: (source) => FR_INS_SOURCES[source],
    sex: 'Sexe',
    choose: 'Choisir…',
    sexName: (sex) => FR_SEX[sex],
    ins: 'INS (identifiant national de santé, facultatif)',
    insHint:
      '15 caractères : les 13 et la clé à 2 chiffres, comme sur la carte ; les espaces sont acceptés. Jamais transmis si l’identité n’est pas qualifiée.',
    insuranceNumber: 'Numéro d’assurance maladie (facultatif)',
    motive: 'Motif de la consultation (facultatif)',
    accompanyingTitle: 'Professionnel auprès du patient',
    accompanyingNone: 'Aucun',
    accompanyingPresent: 'Un professionnel est présent',
    accompanyingName: 'Nom',
    accompanyingRole: 'Profession',
    roleName: (role) => FR_ROLES[role],
    accompanyingIdentifier: 'Numéro RPPS ou ADELI (facultatif)',
    consentTitle: 'Consentement du patient',
    consentExplain:
      'À lire au patient. Un médecin va l’examiner par vidéo. Ce que mesure la station (oxygène, pouls, tension, ECG…), les photos de la caméra d’examen et les sons du stéthoscope sont transmis à ce médecin pendant l’appel et conservés dans un dossier chiffré sur cette station. Le patient peut refuser, ou arrêter à tout moment.',
    consentTeleconsultation: 'Le patient accepte la téléconsultation.',
    consentDeviceData:
      'Le patient accepte que les mesures des appareils soient transmises au médecin et enregistrées.',
    recordedBy: 'Consentement recueilli par',
    start: 'Commencer la consultation',
    starting: 'Démarrage…',
    problem: (problem) => FR_PROBLEMS[problem],
    fixErrors: (count) => (count === 1 ? 'Un champ est à corriger.' : `${count} champs sont à corriger.`),
    backendError: (detail) => `La station a refusé : ${detail}`,
    activeTitle: 'Consultation en cours',
    born: (date, sex) => bornFr(date, sex),
    elapsed: (duration) => `Durée : ${duration}`,
    startedAt: (time) => `Commencée à ${time}`,
    consentSummary: (deviceData, by) =>
      `Consentement à la téléconsultation${deviceData ? ' et aux données des appareils' : ' (pas aux données des appareils)'}, recueilli par ${by}`,
    accompaniedBy: (name, role) => `Avec ${name} (${role})`,
    noDeviceData:
      'Pas de consentement aux données des appareils : les mesures s’affichent seulement sur cet écran ; elles ne sont ni enregistrées ni envoyées au médecin.',
    timeline: 'Déroulé',
    timelineEmpty: 'Rien n’est encore enregistré.',
    event: (event) => frEvent(event),
    noteLabel: 'Note (côté station)',
    addNote: 'Ajouter la note',
    noteSaved: 'Note ajoutée.',
    end: 'Terminer la consultation',
    endConfirmTitle: 'Terminer cette consultation ?',
    endConfirmText:
      'Le dossier est clôturé : plus rien ne pourra y être ajouté. Le médecin ne pourra plus envoyer son compte rendu par l’appel.',
    endConfirm: 'Terminer',
    keepOpen: 'Continuer',
    ending: 'Clôture…',
    goLive: 'Retour à l’écran direct',
    loading: 'Chargement…',
    interruptedTitle: 'Consultations interrompues',
    interruptedExplain:
      'La station s’est arrêtée pendant ces consultations. Ouvrez-en une pour lire ce qui a été enregistré, puis clôturez-la.',
    open: 'Ouvrir',
    close: 'Clôturer',
    readOnly: 'Lecture seule',
    closeRecord: 'Clôturer ce dossier',
    back: 'Retour',
    status: (status) => FR_STATUS[status],
    bannerNone: 'Aucune consultation',
    bannerStart: 'En commencer une',
    bannerActive: (name, elapsed) => `${name} — ${elapsed}`,
    bannerNoDeviceData: 'mesures non enregistrées',
    bannerLabel: 'Consultation',
    bannerOpen: 'Ouvrir la consultation',
    recordingProblem: (code) => FR_RECORDING_PROBLEM[code],
    recordingKept: (count, readings, duration) =>
      `${count === 1 ? 'Une mesure est gardée' : `${readings} mesures sont gardées`} en mémoire (depuis ${duration}) et ${count === 1 ? 'sera enregistrée' : 'seront enregistrées'} dès que le problème sera réglé.`,
    recordingLost: (count, readings) =>
      count === 1 ? 'Une mesure a été perdue.' : `${readings} mesures ont été perdues.`,
    recordingFix: (code) => FR_RECORDING_FIX[code],
    recordingResumed: (lost, readings) =>
      lost === 0
        ? 'Enregistrement repris : rien n’a été perdu.'
        : `Enregistrement repris : ${lost === 1 ? 'une mesure a été perdue' : `${readings} mesures ont été perdues`}.`,
  },
});

export type ConsultationMessages = (typeof consultationMessages)['en'];

/** "DUPONT Marie": the family name first and in capitals, as French records write it. */
export function patientName(patient: { familyName: string; birthGivenNames: readonly string[] }): string {
  return `${patient.familyName.toLocaleUpperCase('fr-FR')} ${patient.birthGivenNames.join(' ')}`;
}
