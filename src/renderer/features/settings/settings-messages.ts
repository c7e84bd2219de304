import type { KioskRefusal } from '../../../shared/api';
import { defineMessages } from '../../../shared/i18n';
import type { FieldError, SettingsField } from './settings-form';

const FIELD_EN: Readonly<Record<SettingsField, { label: string; hint: string; invalid: string }>> = {
  language: { label: 'Language', hint: '', invalid: 'Choose a language.' },
  operatorName: {
    label: 'Operator name',
    hint: 'Written in the audit log and as who recorded the consent.',
    invalid: 'At most 120 characters.',
  },
  autoConnect: {
    label: 'Connect devices automatically when plugged in',
    hint: '',
    invalid: 'Invalid value.',
  },
  noDataTimeoutS: {
    label: 'No-data timeout (seconds)',
    hint: 'A device silent this long is shown as “No data”.',
    invalid: 'Enter a whole number of seconds from 1 to 120.',
  },
  waveformWindowS: {
    label: 'Waveform window (seconds)',
    hint: 'Seconds of trace across the screen.',
    invalid: 'Enter a whole number of seconds from 2 to 30.',
  },
  rendezvousUrl: {
    label: 'Rendezvous server URL',
    hint: 'ws:// or wss:// address; leave empty to use the built-in server.',
    invalid: 'Enter a ws:// or wss:// URL, or leave empty.',
  },
  stunUrls: {
    label: 'STUN servers',
    hint: 'One per line, e.g. stun:stun.example.org:3478',
    invalid: 'Each line must start with stun: or stuns:.',
  },
  turnUrls: {
    label: 'TURN servers',
    hint: 'One per line, e.g. turn:turn.example.org:3478?transport=udp',
    invalid: 'Each line must start with turn: or turns:.',
  },
  retentionDays: {
    label: 'Keep consultation records (days)',
    hint: 'Older records and their media are deleted.',
    invalid: 'Enter a whole number of days from 1 to 3650.',
  },
  reportAmendHours: {
    label: 'Reports may be amended after the end (hours)',
    hint: 'Within this time the doctor may add a new version of the report; the rest of the record is sealed.',
    invalid: 'Enter a whole number of hours from 0 to 720.',
  },
  kiosk: {
    label: 'Kiosk mode (full screen, no menus)',
    hint: 'For cart and wall stations. Exiting asks for the PIN when one is set.',
    invalid: 'Invalid value.',
  },
};

const FIELD_FR: Readonly<Record<SettingsField, { label: string; hint: string; invalid: string }>> = {
  language: { label: 'Langue', hint: '', invalid: 'Choisissez une langue.' },
  operatorName: {
    label: 'Nom de l’opérateur',
    hint: 'Inscrit dans le journal d’audit et comme auteur du recueil du consentement.',
    invalid: '120 caractères au maximum.',
  },
  autoConnect: {
    label: 'Connecter automatiquement les appareils branchés',
    hint: '',
    invalid: 'Valeur non valide.',
  },
  noDataTimeoutS: {
    label: 'Délai sans données (secondes)',
    hint: 'Un appareil muet pendant ce délai est affiché « Aucune donnée ».',
    invalid: 'Saisissez un nombre entier de secondes entre 1 et 120.',
  },
  waveformWindowS: {
    label: 'Fenêtre des tracés (secondes)',
    hint: 'Secondes de tracé sur la largeur de l’écran.',
    invalid: 'Saisissez un nombre entier de secondes entre 2 et 30.',
  },
  rendezvousUrl: {
    label: 'Adresse du serveur de rendez-vous',
    hint: 'Adresse ws:// ou wss:// ; laissez vide pour utiliser le serveur intégré.',
    invalid: 'Saisissez une adresse ws:// ou wss://, ou laissez vide.',
  },
  stunUrls: {
    label: 'Serveurs STUN',
    hint: 'Un par ligne, par ex. stun:stun.example.org:3478',
    invalid: 'Chaque ligne doit commencer par stun: ou stuns:.',
  },
  turnUrls: {
    label: 'Serveurs TURN',
    hint: 'Un par ligne, par ex. turn:turn.example.org:3478?transport=udp',
    invalid: 'Chaque ligne doit commencer par turn: ou turns:.',
  },
  retentionDays: {
    label: 'Conservation des dossiers de consultation (jours)',
    hint: 'Les dossiers plus anciens et leurs médias sont supprimés.',
    invalid: 'Saisissez un nombre entier de jours entre 1 et 3650.',
  },
  reportAmendHours: {
    label: 'Modification du compte rendu après la fin (heures)',
    hint: 'Pendant ce délai, le médecin peut ajouter une nouvelle version du compte rendu ; le reste du dossier est scellé.',
    invalid: 'Saisissez un nombre entier d’heures entre 0 et 720.',
  },
  kiosk: {
    label: 'Mode kiosque (plein écran, sans menus)',
    hint: 'Pour les chariots et les stations murales. La sortie demande le code PIN s’il est défini.',
    invalid: 'Valeur non valide.',
  },
};

/** Why a PIN was refused unchecked, and what to do about it (`KIOSK_REFUSALS` in the contract). */
const REFUSAL_EN: Readonly<Record<KioskRefusal, string>> = {
  'attempt-not-recorded':
    'The PIN cannot be checked: the station could not record this attempt (its disk is full or ' +
    'read-only), and no PIN is accepted until it can. Free some space on the station’s disk or call ' +
    'your IT support, then try again.',
};

const REFUSAL_FR: Readonly<Record<KioskRefusal, string>> = {
  'attempt-not-recorded':
    'Le code PIN ne peut pas être vérifié : la station n’a pas pu enregistrer cette tentative (son ' +
    'disque est plein ou en lecture seule), et aucun code PIN n’est accepté tant qu’elle ne le peut ' +
    'pas. Libérez de l’espace sur le disque de la station ou appelez votre support informatique, ' +
    'puis réessayez.',
};

/** The Settings screen, its PIN gate, the PIN section and the kiosk exit. */
export const settingsMessages = defineMessages({
  en: {
    title: 'Settings',
    label: (field: SettingsField): string => FIELD_EN[field].label,
    hint: (field: SettingsField): string => FIELD_EN[field].hint,
    fieldError: (field: SettingsField, error: FieldError): string =>
      error.kind === 'bad-line'
        ? `Line ${error.line}: ${FIELD_EN[field].invalid}`
        : error.kind === 'too-many-lines'
          ? `At most ${error.max} lines.`
          : FIELD_EN[field].invalid,
    languageSystem: 'Same as the system',
    // Each language named in itself, identical in both catalogs: whoever cannot read the current
    // language still finds theirs.
    languageEnglish: 'English',
    languageFrench: 'Français',
    sectionGeneral: 'Station',
    sectionDevices: 'Devices and display',
    sectionNetwork: 'Network',
    sectionRecords: 'Records',
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Settings saved.',
    nothingChanged: 'Nothing to save: no setting was changed.',
    fixFields: (count: number): string =>
      count === 1 ? 'One field needs correcting.' : `${count} fields need correcting.`,
    saveFailed: (reason: string): string => `Settings not saved: ${reason}`,
    lockedNow: 'Settings are locked. Enter the PIN again.',
    // The PIN gate.
    gateTitle: 'Settings are protected',
    gateExplain: 'Enter the station PIN to change the settings.',
    pin: 'PIN',
    unlock: 'Unlock',
    pinFormat: 'The PIN is 4 to 12 digits.',
    wrongPin: 'Wrong PIN.',
    wrongPinRetry: (seconds: number): string => `Wrong PIN. Try again in ${seconds} s.`,
    pinUnavailable: 'PIN protection unavailable on this host.',
    kioskInstalledOnly:
      'Applies to the installed station only (the desktop application): a browser cannot lock itself in full screen.',
    kioskStatusFailed: (reason: string) =>
      `The station could not say whether the settings are locked (${reason}). They stay closed until it can.`,
    retry: 'Try again',
    pinCheckFailed: (reason: string): string => `Could not check the PIN: ${reason}`,
    refusal: (code: KioskRefusal): string => REFUSAL_EN[code],
    // Said when the settings lock on the spot.
    pinSavedLocked: 'PIN saved. The settings are locked: enter the PIN to change them.',
    lockedOnRequest: 'Settings locked.',
    // The PIN section.
    pinSectionTitle: 'Settings PIN',
    pinIsSet: 'A PIN protects the settings and the kiosk exit.',
    pinNotSet: 'No PIN: anyone at the station can change the settings.',
    currentPin: 'Current PIN',
    newPin: 'New PIN',
    confirmPin: 'Repeat the new PIN',
    pinMismatch: 'The two new PINs differ.',
    setPin: 'Set PIN',
    changePin: 'Change PIN',
    clearPin: 'Remove PIN',
    pinSaved: 'PIN saved.',
    pinCleared: 'PIN removed.',
    pinRefused: 'The current PIN is wrong.',
    // Lock now.
    lockSectionTitle: 'Leaving the station',
    lockExplain:
      'Lock the settings before you leave: the PIN will be asked again. They also lock by themselves a few minutes after the PIN was entered.',
    lockNow: 'Lock settings now',
    lockFailed: (reason: string): string => `Settings not locked: ${reason}`,
    // Kiosk exit.
    kioskSectionTitle: 'Kiosk mode',
    kioskActive: 'The station is in kiosk mode.',
    exitKiosk: 'Exit kiosk mode',
    exitDone: 'Kiosk mode left.',
    loading: 'Loading…',
  },
  fr: {
    title: 'Réglages',
    label: (field) => FIELD_FR[field].label,
    hint: (field) => FIELD_FR[field].hint,
    fieldError: (field, error) =>
      error.kind === 'bad-line'
        ? `Ligne ${error.line} : ${FIELD_FR[field].invalid}`
        : error.kind === 'too-many-lines'
          ? `${error.max} lignes au maximum.`
          : FIELD_FR[field].invalid,
    languageSystem: 'Celle du système',
    languageEnglish: 'English',
    languageFrench: 'Français',
    sectionGeneral: 'Station',
    sectionDevices: 'Appareils et affichage',
    sectionNetwork: 'Réseau',
    sectionRecords: 'Dossiers',
    save: 'Enregistrer les réglages',
    saving: 'Enregistrement…',
    saved: 'Réglages enregistrés.',
    nothingChanged: 'Rien à enregistrer : aucun réglage n’a été modifié.',
    fixFields: (count) => (count === 1 ? 'Un champ est à corriger.' : `${count} champs sont à corriger.`),
    saveFailed: (reason) => `Réglages non enregistrés : ${reason}`,
    lockedNow: 'Les réglages sont verrouillés. Saisissez de nouveau le code PIN.',
    gateTitle: 'Réglages protégés',
    gateExplain: 'Saisissez le code PIN de la station pour modifier les réglages.',
    pin: 'Code PIN',
    unlock: 'Déverrouiller',
    pinFormat: 'Le code PIN compte de 4 à 12 chiffres.',
    wrongPin: 'Code PIN incorrect.',
    wrongPinRetry: (seconds) => `Code PIN incorrect. Réessayez dans ${seconds} s.`,
    pinUnavailable: 'Protection par code PIN indisponible sur cet hôte.',
    kioskInstalledOnly:
      'S’applique à la station installée seulement (l’application de bureau) : un navigateur ne peut pas se verrouiller en plein écran.',
    kioskStatusFailed: (reason: string) =>
      `La station n’a pas pu dire si les réglages sont verrouillés (${reason}). Ils restent fermés en attendant.`,
    retry: 'Réessayer',
    pinCheckFailed: (reason) => `Impossible de vérifier le code PIN : ${reason}`,
    refusal: (code) => REFUSAL_FR[code],
    pinSavedLocked:
      'Code PIN enregistré. Les réglages sont verrouillés : saisissez le code PIN pour les modifier.',
    lockedOnRequest: 'Réglages verrouillés.',
    pinSectionTitle: 'Code PIN des réglages',
    pinIsSet: 'Un code PIN protège les réglages et la sortie du mode kiosque.',
    pinNotSet: 'Aucun code PIN : toute personne à la station peut modifier les réglages.',
    currentPin: 'Code PIN actuel',
    newPin: 'Nouveau code PIN',
    confirmPin: 'Répétez le nouveau code PIN',
    pinMismatch: 'Les deux nouveaux codes PIN sont différents.',
    setPin: 'Définir le code PIN',
    changePin: 'Changer le code PIN',
    clearPin: 'Supprimer le code PIN',
    pinSaved: 'Code PIN enregistré.',
    pinCleared: 'Code PIN supprimé.',
    pinRefused: 'Le code PIN actuel est incorrect.',
    lockSectionTitle: 'Avant de quitter la station',
    lockExplain:
      'Verrouillez les réglages avant de partir : le code PIN sera de nouveau demandé. Ils se verrouillent aussi d’eux-mêmes quelques minutes après la saisie du code PIN.',
    lockNow: 'Verrouiller les réglages maintenant',
    lockFailed: (reason) => `Réglages non verrouillés : ${reason}`,
    kioskSectionTitle: 'Mode kiosque',
    kioskActive: 'La station est en mode kiosque.',
    exitKiosk: 'Quitter le mode kiosque',
    exitDone: 'Mode kiosque quitté.',
    loading: 'Chargement…',
  },
});
