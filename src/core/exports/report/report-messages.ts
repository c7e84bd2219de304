import { defineMessages } from '../../../shared/i18n';
import { bornFr } from '../../../shared/i18n/french-birth';
import type {
  AccompanyingActCode,
  AccompanyingRole,
  CARE_PATHWAYS,
  CareActCode,
  CarePlace,
  IdentityDocument,
  IdentityStatus,
  RecordingProblemCode,
  Sex,
} from '../../../shared/domain/consultation';
import type { DeviceErrorCode } from '../../../shared/domain/devices';

type Pathway = (typeof CARE_PATHWAYS)[number];

const ROLES_EN: Record<AccompanyingRole, string> = {
  nurse: 'nurse',
  pharmacist: 'pharmacist',
  physician: 'physician',
  midwife: 'midwife',
  other: 'other professional',
};
const ROLES_FR: Record<AccompanyingRole, string> = {
  nurse: 'infirmier·ère',
  pharmacist: 'pharmacien·ne',
  physician: 'médecin',
  midwife: 'sage-femme',
  other: 'autre professionnel·le',
};
const SEXES_EN: Record<Sex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };
const SEXES_FR: Record<Sex, string> = {
  female: 'Féminin',
  male: 'Masculin',
  other: 'Autre',
  unknown: 'Inconnu',
};
const STATUS_EN: Record<IdentityStatus, string> = {
  provisional: 'provisional',
  recovered: 'recovered (INSi)',
  validated: 'validated (identity document checked)',
  qualified: 'qualified (INSi and identity document)',
};
const STATUS_FR: Record<IdentityStatus, string> = {
  provisional: 'provisoire',
  recovered: 'récupérée (INSi)',
  validated: 'validée (pièce d’identité contrôlée)',
  qualified: 'qualifiée (INSi et pièce d’identité)',
};
const DOCUMENTS_EN: Record<IdentityDocument, string> = {
  CN: 'national identity card',
  PA: 'passport',
  CS: 'residence permit',
  LE: 'family record book',
  AN: 'birth certificate extract',
};
const DOCUMENTS_FR: Record<IdentityDocument, string> = {
  CN: 'carte nationale d’identité',
  PA: 'passeport',
  CS: 'titre de séjour',
  LE: 'livret de famille',
  AN: 'extrait d’acte de naissance',
};
/** One line per code (sources: src/shared/domain/README.md, "Today's acts"). */
const ACTS_EN: Record<CareActCode | AccompanyingActCode, string> = {
  TCG: 'TCG — teleconsultation by a general practitioner',
  TC: 'TC — teleconsultation by a doctor of another specialty',
  TLS: 'TLS — nurse beside the patient, during planned nursing care',
  TLL: 'TLL — nurse beside the patient, in a place dedicated to teleconsultation',
  TLD: 'TLD — nurse beside the patient, at home, outside planned care',
  TLM: 'TLM — pharmacist assisting the teleconsultation in the pharmacy',
};
const ACTS_FR: typeof ACTS_EN = {
  TCG: 'TCG — téléconsultation par un médecin généraliste',
  TC: 'TC — téléconsultation par un médecin d’une autre spécialité',
  TLS: 'TLS — infirmier auprès du patient, lors d’un soin infirmier prévu',
  TLL: 'TLL — infirmier auprès du patient, dans un lieu dédié à la téléconsultation',
  TLD: 'TLD — infirmier auprès du patient, à domicile, hors soin prévu',
  TLM: 'TLM — pharmacien assistant la téléconsultation en officine',
};
const PLACES_EN: Record<CarePlace, string> = {
  pharmacy: 'pharmacy',
  'nursing-home': 'nursing home (EHPAD)',
  home: 'patient’s home',
  practice: 'practice',
  cabin: 'teleconsultation cabin',
};
const PLACES_FR: typeof PLACES_EN = {
  pharmacy: 'officine',
  'nursing-home': 'EHPAD',
  home: 'domicile du patient',
  practice: 'cabinet',
  cabin: 'cabine de téléconsultation',
};
const PATHWAYS_EN: Record<Pathway, string> = {
  'treating-doctor': 'Treating doctor',
  referred: 'Referred by the treating doctor',
  exception: 'Exception to the care pathway (e.g. urgency)',
};
const PATHWAYS_FR: Record<Pathway, string> = {
  'treating-doctor': 'Médecin traitant',
  referred: 'Orienté par le médecin traitant',
  exception: 'Hors parcours de soins – exception (ex. urgence)',
};

const DEVICE_REASONS_EN: Record<DeviceErrorCode, string> = {
  'open-failed': 'could not be opened',
  'permission-denied': 'permission denied',
  'not-found': 'not found',
  disconnected: 'unplugged',
  timeout: 'stopped answering',
  'write-failed': 'command not sent',
  protocol: 'protocol error',
};
const DEVICE_REASONS_FR: Record<DeviceErrorCode, string> = {
  'open-failed': 'ouverture impossible',
  'permission-denied': 'accès refusé',
  'not-found': 'introuvable',
  disconnected: 'débranché',
  timeout: 'ne répond plus',
  'write-failed': 'commande non envoyée',
  protocol: 'erreur de protocole',
};
const RECORDING_PROBLEMS_EN: Record<RecordingProblemCode, string> = {
  'disk-full': 'disk full',
  'io-error': 'disk error',
  'database-closed': 'records database closed',
  'write-error': 'write error',
};
const RECORDING_PROBLEMS_FR: Record<RecordingProblemCode, string> = {
  'disk-full': 'disque plein',
  'io-error': 'erreur du disque',
  'database-closed': 'base des dossiers fermée',
  'write-error': 'erreur d’écriture',
};
const lostEn = (n: number): string => (n === 0 ? 'no reading lost' : `${n} readings lost`);
const lostFr = (n: number): string => (n === 0 ? 'aucune mesure perdue' : `${n} mesures perdues`);

/**
 * Every word printed on the report and the care-sheet page, in English and French (the compiler
 * checks French has every key). Numbers, dates and units come from the shared formatter instead.
 */
export const reportMessages = defineMessages({
  en: {
    title: 'Teleconsultation report',
    generatedBy: (station: string, version: string) => `${station} ${version}`,
    generatedAt: (when: string) => `Generated on ${when}`,
    timeZone: (zone: string) => `Times in ${zone}`,
    simulatedBanner:
      'SIMULATED — readings from a device simulator, not from the patient: not for clinical use',
    simulatedMark: '(SIMULATED)',
    simulatedCareSheet:
      'SIMULATED: readings of this consultation came from a device simulator (demonstration or training).',
    page: (n: number, total: number) => `Page ${n} / ${total}`,
    footerPatient: (name: string, birth: string, _sex: Sex) => `${name} — born ${birth}`,
    patient: 'Patient',
    familyName: 'Birth family name',
    givenNames: 'Birth given names',
    usedGivenName: 'Used given name',
    birthDate: 'Date of birth',
    birthPlace: 'Place of birth (INSEE code)',
    sex: 'Sex',
    sexValue: (sex: Sex) => SEXES_EN[sex],
    identityStatus: 'Identity status',
    identityStatusValue: (status: IdentityStatus, document: IdentityDocument | undefined) =>
      document === undefined ? STATUS_EN[status] : `${STATUS_EN[status]}, ${DOCUMENTS_EN[document]}`,
    insNotShared: 'not shared: the identity is not qualified',
    ins: 'INS (national health identifier)',
    insuranceNumber: 'Health-insurance number',
    notGiven: 'not given',
    consultation: 'Consultation',
    consultationId: 'Record',
    date: 'Date',
    started: 'Started',
    ended: 'Ended',
    duration: 'Duration',
    inProgress: 'in progress',
    interrupted: 'interrupted (recording stopped unexpectedly)',
    motive: 'Motive at the desk',
    consultant: 'Consultant',
    rpps: (rpps: string) => `RPPS ${rpps}`,
    noConsultant: 'not recorded (no report yet)',
    // Issue 16 item 4: said only when the record proves it (src/core/exports/signer-verification.ts).
    identityCheck: 'Verification',
    identityVerified: 'identity verified by Pro Santé Connect',
    identityVerifiedOn: (when: string) => `identity verified by Pro Santé Connect (signed in on ${when})`,
    identityNotVerified: "doctor's identity not verified",
    signedBy: 'Signed by',
    accompanying: 'Accompanying professional',
    roleValue: (role: AccompanyingRole) => ROLES_EN[role],
    noAccompanying: 'none',
    consent: 'Consent',
    consentTeleconsultation: (given: boolean): string =>
      given ? 'Teleconsultation: consented' : 'Teleconsultation: NOT consented',
    consentDeviceData: (given: boolean): string =>
      given
        ? 'Transmission and recording of device data: consented'
        : 'Transmission and recording of device data: NOT consented',
    consentRecorded: (when: string, by: string) => `Recorded on ${when} by ${by}`,
    consultantReport: "Consultant's report",
    reportAmended: (version: number, when: string) => `Version ${version}, amended on ${when}`,
    reason: 'Reason',
    findings: 'Findings',
    conclusion: 'Conclusion',
    prescriptions: 'Prescriptions',
    empty: '—',
    noReport: 'No report has been written for this consultation.',
    careSheet: 'Care sheet (billing data)',
    actCode: 'Act',
    actValue: (code: CareActCode | AccompanyingActCode) => ACTS_EN[code],
    retiredAct: 'saved by an earlier version; not a teleconsultation act today: do not bill as is',
    place: 'Place of the act',
    placeValue: (place: CarePlace) => PLACES_EN[place],
    doctorReason: 'Why not the report’s author',
    prescriber: 'Prescriber (teleconsultant)',
    prescriptionAndExecution: 'Prescription and execution date',
    pathway: 'Care pathway',
    pathwayValue: (pathway: Pathway) => PATHWAYS_EN[pathway],
    accompanyingAct: 'Accompanying act',
    remarks: 'Remarks',
    noCareSheet: 'No care sheet has been filled for this consultation.',
    vitals: 'Vital signs summary',
    device: 'Device',
    measure: 'Measure',
    min: 'Min',
    max: 'Max',
    last: 'Last',
    readings: 'Readings',
    noVitals: 'No numeric readings were recorded.',
    bloodPressure: 'Blood pressure',
    bpTime: 'Time',
    bpValue: 'Systolic/diastolic (mean)',
    bpPulse: 'Pulse',
    noBloodPressure: 'No blood-pressure measurement was recorded.',
    confirmedBefore: (by: string, at: string) =>
      `Measured before the consultation; confirmed for this patient by ${by} at ${at}`,
    incidents: 'Technical incidents',
    incidentTime: 'Time',
    incident: 'Incident',
    noIncidents: 'No technical incident was recorded during the consultation.',
    callDropped: 'Call interrupted (link lost); reconnecting',
    callReconnected: 'Call reconnected',
    deviceDisconnected: (name: string, reason: DeviceErrorCode | null) =>
      `${name} disconnected${reason === null ? '' : ` (${DEVICE_REASONS_EN[reason]})`}`,
    deviceReconnected: (name: string) => `${name} reconnected`,
    recordingFailed: (problem: RecordingProblemCode, dropped: number) =>
      `Readings not saved (${RECORDING_PROBLEMS_EN[problem]})${dropped === 0 ? '' : `: ${lostEn(dropped)}`}`,
    recordingResumed: (problem: RecordingProblemCode, since: string, dropped: number) =>
      `Readings saved again after a failure since ${since} (${RECORDING_PROBLEMS_EN[problem]}): ${lostEn(dropped)}`,
    stationStopped: 'The station stopped during the consultation: recording interrupted',
    hostRestarted: (since: string) =>
      `The station restarted during the consultation and resumed it: nothing recorded from ${since}`,
    media: 'Snapshots and recordings',
    snapshotCaption: (label: string, when: string) => `${label} — ${when}`,
    snapshotUnreadable: 'image could not be read from the record',
    snapshot: 'Snapshot',
    stethoscope: 'Stethoscope recording',
    stethoscopeItem: (label: string, when: string, duration: string) => `${label} — ${when} — ${duration}`,
    audioNote: 'Audio cannot be printed: the recordings are included in the FHIR export.',
    noMedia: 'No snapshot or recording was taken.',
    strips: 'Waveform strips',
    stripWindow: (from: string, to: string) => `${from}–${to}`,
    stripEcgScale: '25 mm/s, 10 mm/mV',
    stripScaledScale: '25 mm/s, amplitude scaled to fit',
    stripNoData: 'no samples in this window',
    stripsNote: 'Light grid: 1 mm; heavy grid: 5 mm (0.2 s). Calibration pulse: 1 mV.',
    continued: (title: string) => `${title} (continued)`,
    careSheetTitle: 'Teleconsultation care sheet',
    careSheetNote:
      "Billing data only. The act is billed in the doctor's certified SESAM-Vitale software; this station never bills.",
    teleconsultationFlag: 'Teleconsultation',
    yes: 'yes',
    no: 'no',
    doctor: 'Doctor',
    identifier: 'Identifier',
    role: 'Role',
    name: 'Name',
  },
  fr: {
    title: 'Compte rendu de téléconsultation',
    generatedBy: (station, version) => `${station} ${version}`,
    generatedAt: (when) => `Édité le ${when}`,
    timeZone: (zone) => `Heures en ${zone}`,
    simulatedBanner:
      'SIMULÉ — mesures issues d’un simulateur d’appareil, pas du patient : ne pas utiliser pour le soin',
    simulatedMark: '(SIMULÉ)',
    simulatedCareSheet:
      'SIMULÉ : des mesures de cette consultation viennent d’un simulateur d’appareil (démonstration ou formation).',
    page: (n, total) => `Page ${n} / ${total}`,
    footerPatient: (name, birth, sex) => `${name} — ${bornFr(birth, sex)}`,
    patient: 'Patient',
    familyName: 'Nom de naissance',
    givenNames: 'Prénoms de naissance',
    usedGivenName: 'Prénom utilisé',
    birthDate: 'Date de naissance',
    birthPlace: 'Lieu de naissance (code INSEE)',
    sex: 'Sexe',
    sexValue: (sex) => SEXES_FR[sex],
    identityStatus: 'Statut de l’identité',
    identityStatusValue: (status, document) =>
      document === undefined ? STATUS_FR[status] : `${STATUS_FR[status]}, ${DOCUMENTS_FR[document]}`,
    insNotShared: 'non transmis : l’identité n’est pas qualifiée',
    ins: 'INS (identifiant national)',
    insuranceNumber: 'Numéro d’assuré',
    notGiven: 'non renseigné',
    consultation: 'Consultation',
    consultationId: 'Dossier',
    date: 'Date',
    started: 'Début',
    ended: 'Fin',
    duration: 'Durée',
    inProgress: 'en cours',
    interrupted: 'interrompue (l’enregistrement s’est arrêté de façon inattendue)',
    motive: 'Motif à l’accueil',
    consultant: 'Médecin téléconsultant',
    rpps: (rpps) => `RPPS ${rpps}`,
    noConsultant: 'non renseigné (pas encore de compte rendu)',
    identityCheck: 'Vérification',
    identityVerified: 'identité vérifiée par Pro Santé Connect',
    identityVerifiedOn: (when) => `identité vérifiée par Pro Santé Connect (connexion le ${when})`,
    identityNotVerified: 'identité du médecin non vérifiée',
    signedBy: 'Signé par',
    accompanying: 'Professionnel accompagnant',
    roleValue: (role) => ROLES_FR[role],
    noAccompanying: 'aucun',
    consent: 'Consentement',
    consentTeleconsultation: (given) =>
      given ? 'Téléconsultation : consentement donné' : 'Téléconsultation : consentement NON donné',
    consentDeviceData: (given) =>
      given
        ? 'Transmission et enregistrement des données des appareils : consentement donné'
        : 'Transmission et enregistrement des données des appareils : consentement NON donné',
    consentRecorded: (when, by) => `Recueilli le ${when} par ${by}`,
    consultantReport: 'Compte rendu du médecin',
    reportAmended: (version: number, when: string) => `Version ${version}, modifiée le ${when}`,
    reason: 'Motif',
    findings: 'Constatations',
    conclusion: 'Conclusion',
    prescriptions: 'Prescriptions',
    empty: '—',
    noReport: 'Aucun compte rendu n’a été rédigé pour cette consultation.',
    careSheet: 'Feuille de soins (données de facturation)',
    actCode: 'Acte',
    actValue: (code) => ACTS_FR[code],
    retiredAct:
      'enregistré par une version antérieure ; pas un acte de téléconsultation aujourd’hui : ne pas facturer tel quel',
    place: 'Lieu de l’acte',
    placeValue: (place) => PLACES_FR[place],
    doctorReason: 'Motif (autre que l’auteur du compte rendu)',
    prescriber: 'Prescripteur (téléconsultant)',
    prescriptionAndExecution: 'Date de prescription et d’exécution',
    pathway: 'Parcours de soins',
    pathwayValue: (pathway) => PATHWAYS_FR[pathway],
    accompanyingAct: 'Acte de l’accompagnant',
    remarks: 'Remarques',
    noCareSheet: 'Aucune feuille de soins n’a été remplie pour cette consultation.',
    vitals: 'Synthèse des constantes',
    device: 'Appareil',
    measure: 'Mesure',
    min: 'Min',
    max: 'Max',
    last: 'Dernière',
    readings: 'Mesures',
    noVitals: 'Aucune mesure numérique n’a été enregistrée.',
    bloodPressure: 'Pression artérielle',
    bpTime: 'Heure',
    bpValue: 'Systolique/diastolique (moyenne)',
    bpPulse: 'Pouls',
    noBloodPressure: 'Aucune mesure de pression artérielle n’a été enregistrée.',
    confirmedBefore: (by: string, at: string) =>
      `Mesurée avant la consultation ; confirmée pour ce patient par ${by} à ${at}`,
    incidents: 'Incidents techniques',
    incidentTime: 'Heure',
    incident: 'Incident',
    noIncidents: 'Aucun incident technique n’a été enregistré pendant la consultation.',
    callDropped: 'Appel interrompu (liaison perdue) ; reconnexion',
    callReconnected: 'Appel rétabli',
    deviceDisconnected: (name, reason) =>
      `${name} déconnecté${reason === null ? '' : ` (${DEVICE_REASONS_FR[reason]})`}`,
    deviceReconnected: (name) => `${name} reconnecté`,
    recordingFailed: (problem, dropped) =>
      `Mesures non enregistrées (${RECORDING_PROBLEMS_FR[problem]})${dropped === 0 ? '' : ` : ${lostFr(dropped)}`}`,
    recordingResumed: (problem, since, dropped) =>
      `Mesures de nouveau enregistrées après un échec depuis ${since} (${RECORDING_PROBLEMS_FR[problem]}) : ${lostFr(dropped)}`,
    stationStopped: 'Arrêt de la station pendant la consultation : enregistrement interrompu',
    hostRestarted: (since) =>
      `Redémarrage de la station pendant la consultation, reprise ensuite : rien d’enregistré depuis ${since}`,
    media: 'Photos et enregistrements',
    snapshotCaption: (label, when) => `${label} — ${when}`,
    snapshotUnreadable: 'l’image n’a pas pu être lue dans le dossier',
    snapshot: 'Photo',
    stethoscope: 'Enregistrement du stéthoscope',
    stethoscopeItem: (label, when, duration) => `${label} — ${when} — ${duration}`,
    audioNote: 'Le son ne peut pas être imprimé : les enregistrements figurent dans l’export FHIR.',
    noMedia: 'Aucune photo ni aucun enregistrement n’a été pris.',
    strips: 'Tracés',
    stripWindow: (from, to) => `${from}–${to}`,
    stripEcgScale: '25 mm/s, 10 mm/mV',
    stripScaledScale: '25 mm/s, amplitude ajustée à la hauteur',
    stripNoData: 'aucun échantillon dans cette fenêtre',
    stripsNote: 'Quadrillage fin : 1 mm ; épais : 5 mm (0,2 s). Signal d’étalonnage : 1 mV.',
    continued: (title) => `${title} (suite)`,
    careSheetTitle: 'Feuille de soins de téléconsultation',
    careSheetNote:
      'Données de facturation uniquement. L’acte est facturé dans le logiciel certifié SESAM-Vitale du médecin ; ce poste ne facture jamais.',
    teleconsultationFlag: 'Téléconsultation',
    yes: 'oui',
    no: 'non',
    doctor: 'Médecin',
    identifier: 'Identifiant',
    role: 'Rôle',
    name: 'Nom',
  },
});

export type ReportMessages = (typeof reportMessages)['en'];
