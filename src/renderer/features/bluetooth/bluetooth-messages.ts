import { defineMessages } from '../../../shared/i18n';
import type { BleLinkState } from './ble-device-link';
import type { BleProblem, BleProblemKind } from './ble-problem';

const STATE_EN: Readonly<Record<BleLinkState, string>> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  unsupported: 'Not supported',
};
const STATE_FR: Readonly<Record<BleLinkState, string>> = {
  connecting: 'Connexion…',
  connected: 'Connecté',
  reconnecting: 'Reconnexion…',
  unsupported: 'Non pris en charge',
};

const PROBLEM_EN: Readonly<Record<BleProblemKind, string>> = {
  unavailable:
    'Bluetooth devices cannot be used here: this browser has no Web Bluetooth. Use the station app, or Chrome or Edge.',
  'chooser-failed': 'Could not open the Bluetooth chooser',
  'no-gatt': 'This device offers no Bluetooth services to connect to.',
  'no-health-service':
    'This device has no standard health measurement (heart rate, blood pressure, oximetry, temperature).',
  'connect-failed': 'Connection failed',
  'connection-lost': 'Connection lost; reconnecting…',
  'submit-failed': 'Readings could not reach the station',
};
const PROBLEM_FR: Readonly<Record<BleProblemKind, string>> = {
  unavailable:
    'Les appareils Bluetooth ne sont pas utilisables ici : ce navigateur n’a pas Web Bluetooth. Utilisez l’application de la station, ou Chrome ou Edge.',
  'chooser-failed': 'Impossible d’ouvrir le sélecteur Bluetooth',
  'no-gatt': 'Cet appareil ne propose aucun service Bluetooth auquel se connecter.',
  'no-health-service':
    'Cet appareil n’a aucune mesure de santé standard (fréquence cardiaque, pression artérielle, oxymétrie, température).',
  'connect-failed': 'Échec de la connexion',
  'connection-lost': 'Connexion perdue ; reconnexion…',
  'submit-failed': 'Les mesures n’ont pas pu parvenir à la station',
};

/** Our words, then the browser's own message when there is one: "Connection failed: <detail>". */
function problemText(words: Readonly<Record<BleProblemKind, string>>, colon: string) {
  return (problem: BleProblem): string =>
    problem.detail === null ? words[problem.kind] : `${words[problem.kind]}${colon}${problem.detail}`;
}

/** Words of the Bluetooth panel and of the Electron device chooser. */
export const bluetoothMessages = defineMessages({
  en: {
    state: (state: BleLinkState): string => STATE_EN[state],
    problem: problemText(PROBLEM_EN, ': '),
    panelTitle: 'Bluetooth devices',
    addDevice: 'Add Bluetooth device',
    protocolsNone: 'Bluetooth LE',
    factState: 'State',
    factDropped: 'Dropped values',
    remove: 'Remove',
    removeLabel: (device: string): string => `Remove ${device}`,
    chooserTitle: 'Choose a Bluetooth device',
    chooserSearching: 'Searching for devices… Make sure the device is switched on and nearby.',
    chooserFound: (count: number): string =>
      `${count} ${count === 1 ? 'device' : 'devices'} found. Still searching…`,
    chooserList: 'Devices found',
    chooserUnnamed: 'Unnamed device',
    cancel: 'Cancel',
  },
  fr: {
    state: (state: BleLinkState): string => STATE_FR[state],
    // French typography: a (narrow) no-break space before the colon.
    problem: problemText(PROBLEM_FR, '\u202f: '),
    panelTitle: 'Appareils Bluetooth',
    addDevice: 'Ajouter un appareil Bluetooth',
    protocolsNone: 'Bluetooth LE',
    factState: 'État',
    factDropped: 'Valeurs perdues',
    remove: 'Retirer',
    removeLabel: (device) => `Retirer ${device}`,
    chooserTitle: 'Choisir un appareil Bluetooth',
    chooserSearching: 'Recherche d’appareils… Vérifiez que l’appareil est allumé et à proximité.',
    chooserFound: (count) =>
      `${count} appareil${count > 1 ? 's' : ''} trouvé${count > 1 ? 's' : ''}. Recherche en cours…`,
    chooserList: 'Appareils trouvés',
    chooserUnnamed: 'Appareil sans nom',
    cancel: 'Annuler',
  },
});
