import { defineMessages } from '../../../shared/i18n';
import type { CallPhase, CallState, EndReason } from './call-machine';
import type { InstrumentKind } from './control-messages';
import type { SignalingErrorCode } from '../../../shared/call/signaling';

/**
 * Every word of the call, on both screens (station and consultant). The consultant's own words are
 * in `consultant/consultant-messages.ts`; the record-keeping ones (snapshot, stethoscope recording,
 * report results) are here because the station's call panel shows them.
 */
export type ProblemSource = 'instrument' | 'stethoscope' | 'invite' | 'record';
export type Grade = 'good' | 'fair' | 'poor';

const EN_INSTRUMENTS: Readonly<Record<InstrumentKind, string>> = {
  otoscope: 'Otoscope',
  dermatoscope: 'Dermatoscope',
  colposcope: 'Colposcope',
  'exam-camera': 'Exam camera',
};
const FR_INSTRUMENTS: Readonly<Record<InstrumentKind, string>> = {
  otoscope: 'Otoscope',
  dermatoscope: 'Dermatoscope',
  colposcope: 'Colposcope',
  'exam-camera': 'Caméra d’examen',
};

const EN_PHASES: Readonly<Record<Exclude<CallPhase, 'ended' | 'connected'>, string>> = {
  idle: 'No call',
  inviting: 'Waiting for the doctor to join…',
  connecting: 'Connecting…',
  interrupted: 'Connection interrupted — reconnecting…',
  reconnecting: 'Connection lost — reconnecting…',
};
const FR_PHASES: typeof EN_PHASES = {
  idle: 'Pas d’appel',
  inviting: 'En attente du médecin…',
  connecting: 'Connexion…',
  interrupted: 'Connexion interrompue — reconnexion…',
  reconnecting: 'Connexion perdue — reconnexion…',
};
const EN_ENDS: Readonly<Record<EndReason, string>> = {
  'hung-up': 'Call ended',
  'remote-hung-up': 'The other side ended the call',
  rejected: 'Could not join the call',
  'taken-over': 'This call continues in another window',
  'media-error': 'Camera or microphone unavailable',
  'consultation-closed': 'The station closed the consultation',
};
const FR_ENDS: typeof EN_ENDS = {
  'hung-up': 'Appel terminé',
  'remote-hung-up': 'L’autre partie a mis fin à l’appel',
  rejected: 'Impossible de rejoindre l’appel',
  'taken-over': 'L’appel se poursuit dans une autre fenêtre',
  'media-error': 'Caméra ou micro indisponible',
  'consultation-closed': 'La station a clôturé la consultation',
};

/**
 * Every rendezvous code, in words that say what to do (`rejected` carries the code): the server's
 * own text is for its log, and a code never reaches the screen as it is.
 */
const EN_REFUSALS: Readonly<Record<SignalingErrorCode, string>> = {
  'bad-resume': 'This call can no longer be rejoined from this window. Ask the station for a new link.',
  'replayed-token': 'This link was already used. Ask the station for a new link.',
  'revoked-token': 'The station withdrew this link. Ask the station for a new link.',
  'expired-token': 'This link has expired. Ask the station for a new link.',
  'bad-token': 'This link is not valid. Ask the station for a new link.',
  'room-full': 'Another doctor is already in this call.',
  'role-taken': 'Another doctor is already in this call.',
  'bad-message': 'The call server did not understand this page. Reload it.',
  'too-large': 'The call server refused a message that was too large. Reload the page.',
  'rate-limited': 'Too many messages to the call server: wait a moment, then try again.',
  'not-joined': 'The call server lost this page’s place in the call. Try again.',
  'unknown-peer': 'The other side is no longer in the call.',
  'server-busy': 'The call server is busy: try again in a moment.',
  'idle-timeout': 'The call server closed a silent connection. Try again.',
  'room-closed': 'The station closed this call.',
  'relay-limit': 'This call reached the call server’s limit: start a new call.',
  'seat-taken-over': 'This call continues in another window.',
  unavailable: 'The call server cannot take new calls right now: try again in a moment.',
  draining: 'The call server is restarting: reconnecting…',
  'psc-required': 'Sign in with Pro Santé Connect before joining this call.',
};
const FR_REFUSALS: typeof EN_REFUSALS = {
  'bad-resume':
    'Cet appel ne peut plus être rejoint depuis cette fenêtre. Demandez un nouveau lien à la station.',
  'replayed-token': 'Ce lien a déjà été utilisé. Demandez un nouveau lien à la station.',
  'revoked-token': 'La station a retiré ce lien. Demandez un nouveau lien à la station.',
  'expired-token': 'Ce lien a expiré. Demandez un nouveau lien à la station.',
  'bad-token': 'Ce lien n’est pas valide. Demandez un nouveau lien à la station.',
  'room-full': 'Un autre médecin est déjà dans cet appel.',
  'role-taken': 'Un autre médecin est déjà dans cet appel.',
  'bad-message': 'Le serveur d’appel n’a pas compris cette page. Rechargez-la.',
  'too-large': 'Le serveur d’appel a refusé un message trop volumineux. Rechargez la page.',
  'rate-limited': 'Trop de messages vers le serveur d’appel : patientez un instant, puis réessayez.',
  'not-joined': 'Le serveur d’appel a perdu la place de cette page dans l’appel. Réessayez.',
  'unknown-peer': 'L’autre partie n’est plus dans l’appel.',
  'server-busy': 'Le serveur d’appel est occupé : réessayez dans un instant.',
  'idle-timeout': 'Le serveur d’appel a fermé une connexion restée muette. Réessayez.',
  'room-closed': 'La station a fermé cet appel.',
  'relay-limit': 'Cet appel a atteint la limite du serveur d’appel : démarrez un nouvel appel.',
  'seat-taken-over': 'L’appel se poursuit dans une autre fenêtre.',
  unavailable:
    'Le serveur d’appel ne peut pas prendre de nouvel appel pour le moment : réessayez dans un instant.',
  draining: 'Le serveur d’appel redémarre : reconnexion…',
  'psc-required': 'Connectez-vous avec Pro Santé Connect avant de rejoindre cet appel.',
};

function refusal(refusals: typeof EN_REFUSALS, detail: string | null): string | null {
  return detail !== null && Object.hasOwn(refusals, detail) ? refusals[detail as SignalingErrorCode] : null;
}

function describe(
  phases: typeof EN_PHASES,
  ends: typeof EN_ENDS,
  refusals: typeof EN_REFUSALS,
  connected: string,
  audioOnly: string,
): (state: CallState) => string {
  return (state) => {
    if (state.phase === 'connected') return state.audioOnly ? audioOnly : connected;
    if (state.phase !== 'ended') return phases[state.phase];
    const refused = state.endReason === 'rejected' ? refusal(refusals, state.detail) : null;
    // The detail is for the log (a browser's media error, a server's text): never shown as is.
    return refused ?? ends[state.endReason ?? 'hung-up'];
  };
}

export const callMessages = defineMessages({
  en: {
    callState: (state: CallState): string =>
      describe(
        EN_PHASES,
        EN_ENDS,
        EN_REFUSALS,
        'Connected',
        'Connected — audio and vitals only (video paused: weak network)',
      )(state),
    instrument: (kind: InstrumentKind): string => EN_INSTRUMENTS[kind],
    instrumentCamera: 'Instrument camera',
    callDoctor: 'Call a doctor',
    cancel: 'Cancel',
    callRegion: 'Call',
    doctor: 'Doctor',
    you: 'You',
    preview: (name: string): string => `${name} preview`,
    noVideo: (label: string): string => `${label} — no video`,
    newCall: 'New call',
    problem: (source: ProblemSource, detail: string): string =>
      `${{ instrument: 'Instrument camera', stethoscope: 'Stethoscope input', invite: 'Consultant link', record: 'Consultation record' }[source]}: ${detail}`,
    // Setup
    roomCamera: 'Room camera',
    defaultCamera: 'Default camera',
    microphone: 'Microphone',
    defaultMicrophone: 'Default microphone',
    none: 'None',
    instrumentKind: 'Instrument',
    stethoscopeInput: 'Stethoscope / doppler input',
    defaultInput: 'Default input',
    startCall: 'Start call',
    // Consent gating
    noConsultation: 'No consultation is open. Start one with the patient’s consent before calling a doctor.',
    startConsultation: 'Start a consultation',
    // Controls
    controls: 'Call controls',
    mute: 'Mute',
    unmute: 'Unmute',
    cameraOff: 'Camera off',
    cameraOn: 'Camera on',
    instrumentToggle: (name: string, on: boolean): string => `${name} ${on ? 'off' : 'on'}`,
    endCall: 'End call',
    // Chat
    chat: 'Chat',
    message: 'Message',
    send: 'Send',
    // Invite
    invite: 'Invite the doctor',
    inviteQr: 'QR code of the consultant link',
    consultantLink: 'Consultant link',
    copied: 'Copied',
    copyLink: 'Copy link',
    validUntil: (time: string): string => `Valid until ${time}`,
    // Quality
    measuring: 'Link quality: measuring…',
    relayed: 'relayed (TURN)',
    direct: 'direct',
    grade: (grade: Grade): string => ({ good: 'Good', fair: 'Fair', poor: 'Poor' })[grade],
    link: (grade: string): string => `Link: ${grade}`,
    figures: (rtt: string, loss: string, jitter: string, down: string, up: string): string =>
      `RTT ${rtt} · loss ${loss} · jitter ${jitter} · ${down}↓/${up}↑ kbit/s`,
    video: (width: number, height: number, fps: string): string => `${width}×${height} ${fps} fps`,
    stethoscopeGrade: (grade: string, loss: string): string =>
      `Stethoscope: ${grade} (loss ${loss}, needs < 2 %)`,
    // Stethoscope meter
    stethoscopeLevel: 'Stethoscope level',
    clipping: 'Clipping — lower the stethoscope volume',
    // Recording into the consultation
    noDeviceData: 'The patient did not consent to sending device data: readings stay on the station.',
    snapshot: 'Snapshot',
    snapshotTaking: 'Taking a snapshot…',
    snapshotSaved: 'Snapshot saved in the record',
    snapshotFailed: (detail: string): string => `Snapshot failed: ${detail}`,
    noCamera: 'no camera to take a snapshot from',
    recordStethoscope: (seconds: number): string => `Record stethoscope ${seconds} s`,
    recordDuration: 'Recording length',
    seconds: (seconds: number): string => `${seconds} s`,
    recording: (left: number): string => `Recording… ${left} s left`,
    recordingSaved: 'Stethoscope recording saved in the record',
    recordingFailed: (detail: string): string => `Stethoscope recording failed: ${detail}`,
    measureNotSupported: 'No connected device supports starting a measurement remotely',
    recordClosed: 'the consultation is closed: nothing more can be added to its record',
    inputUnavailable: 'not available (unplugged, or in use by another program)',
    linkInterrupted: 'Interrupted',
  },
  fr: {
    callState: describe(
      FR_PHASES,
      FR_ENDS,
      FR_REFUSALS,
      'Connecté',
      'Connecté — audio et constantes seulement (vidéo suspendue : réseau faible)',
    ),
    instrument: (kind) => FR_INSTRUMENTS[kind],
    instrumentCamera: 'Caméra d’instrument',
    callDoctor: 'Appeler un médecin',
    cancel: 'Annuler',
    callRegion: 'Appel',
    doctor: 'Médecin',
    you: 'Vous',
    preview: (name) => `Aperçu ${name.toLowerCase()}`,
    noVideo: (label) => `${label} — pas de vidéo`,
    newCall: 'Nouvel appel',
    problem: (source, detail) =>
      `${{ instrument: 'Caméra d’instrument', stethoscope: 'Entrée stéthoscope', invite: 'Lien du médecin', record: 'Dossier de consultation' }[source]} : ${detail}`,
    roomCamera: 'Caméra de la pièce',
    defaultCamera: 'Caméra par défaut',
    microphone: 'Micro',
    defaultMicrophone: 'Micro par défaut',
    none: 'Aucune',
    instrumentKind: 'Instrument',
    stethoscopeInput: 'Entrée stéthoscope / doppler',
    defaultInput: 'Entrée par défaut',
    startCall: 'Démarrer l’appel',
    noConsultation:
      'Aucune consultation n’est ouverte. Ouvrez-en une avec le consentement du patient avant d’appeler un médecin.',
    startConsultation: 'Commencer une consultation',
    controls: 'Commandes de l’appel',
    mute: 'Couper le micro',
    unmute: 'Rétablir le micro',
    cameraOff: 'Couper la caméra',
    cameraOn: 'Rétablir la caméra',
    instrumentToggle: (name, on) => `${name} : ${on ? 'éteindre' : 'allumer'}`,
    endCall: 'Raccrocher',
    chat: 'Messages',
    message: 'Message',
    send: 'Envoyer',
    invite: 'Inviter le médecin',
    inviteQr: 'QR code du lien du médecin',
    consultantLink: 'Lien du médecin',
    copied: 'Copié',
    copyLink: 'Copier le lien',
    validUntil: (time) => `Valable jusqu’à ${time}`,
    measuring: 'Qualité de la liaison : mesure en cours…',
    relayed: 'relayée (TURN)',
    direct: 'directe',
    grade: (grade) => ({ good: 'Bonne', fair: 'Moyenne', poor: 'Mauvaise' })[grade],
    link: (grade) => `Liaison : ${grade}`,
    figures: (rtt, loss, jitter, down, up) =>
      `RTT ${rtt} · pertes ${loss} · gigue ${jitter} · ${down}↓/${up}↑ kbit/s`,
    video: (width, height, fps) => `${width}×${height} ${fps} i/s`,
    stethoscopeGrade: (grade, loss) => `Stéthoscope : ${grade} (pertes ${loss}, moins de 2 % requis)`,
    stethoscopeLevel: 'Niveau du stéthoscope',
    clipping: 'Saturation — baissez le volume du stéthoscope',
    noDeviceData:
      'Le patient n’a pas consenti à la transmission des données des appareils : les mesures restent sur la station.',
    snapshot: 'Photo',
    snapshotTaking: 'Prise de la photo…',
    snapshotSaved: 'Photo enregistrée dans le dossier',
    snapshotFailed: (detail) => `Échec de la photo : ${detail}`,
    noCamera: 'aucune caméra pour prendre la photo',
    recordStethoscope: (seconds) => `Enregistrer le stéthoscope ${seconds} s`,
    recordDuration: 'Durée de l’enregistrement',
    seconds: (seconds) => `${seconds} s`,
    recording: (left) => `Enregistrement… encore ${left} s`,
    recordingSaved: 'Enregistrement du stéthoscope ajouté au dossier',
    recordingFailed: (detail) => `Échec de l’enregistrement du stéthoscope : ${detail}`,
    measureNotSupported: 'Aucun appareil connecté ne permet de lancer une mesure à distance',
    recordClosed: 'la consultation est clôturée : plus rien ne peut être ajouté à son dossier',
    inputUnavailable: 'indisponible (débranchée ou utilisée par un autre programme)',
    linkInterrupted: 'Interrompue',
  },
});

export type CallMessages = (typeof callMessages)['en'];
