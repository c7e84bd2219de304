import type { ConnectionState } from '../backend-client/backend-client';
import { defineMessages } from '../../shared/i18n';
import type { Screen } from './screens';

const SCREEN_EN: Readonly<Record<Screen, string>> = {
  station: 'Live',
  consultation: 'Consultation',
  records: 'Records',
  check: 'Equipment check',
  settings: 'Settings',
};
const SCREEN_FR: Readonly<Record<Screen, string>> = {
  station: 'Direct',
  consultation: 'Consultation',
  records: 'Dossiers',
  check: 'Test du matériel',
  settings: 'Réglages',
};

const CONNECTION_EN: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting to station…',
  open: 'Connected',
  reconnecting: 'Connection lost, reconnecting… values may be out of date',
  unauthorized: 'Not authorised: open the address the station host printed (it carries the access token)',
  closed: 'Disconnected',
};
const CONNECTION_FR: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connexion à la station…',
  open: 'Connecté',
  reconnecting: 'Connexion perdue, reconnexion… les valeurs peuvent être périmées',
  unauthorized:
    'Accès refusé : ouvrez l’adresse affichée par l’hôte de la station (elle porte le jeton d’accès)',
  closed: 'Déconnecté',
};

/** The station shell: title, screen switcher, connection state, the live screen's landmarks. */
export const appMessages = defineMessages({
  en: {
    appTitle: 'Teleconsult Station',
    /** The window title names the screen too: it is what a screen reader announces first. */
    documentTitle: (screen: Screen): string => `${SCREEN_EN[screen]} · Teleconsult Station`,
    skipToMain: 'Skip to main content',
    navLabel: 'Screens',
    screen: (screen: Screen): string => SCREEN_EN[screen],
    connection: (state: ConnectionState): string => CONNECTION_EN[state],
    vitalsByDevice: 'Vital signs by device',
    devicesArea: 'Devices',
    noReadings: 'No readings yet. Plug in a device, or add a Bluetooth device.',
  },
  fr: {
    appTitle: 'Station de téléconsultation',
    documentTitle: (screen) => `${SCREEN_FR[screen]} · Station de téléconsultation`,
    skipToMain: 'Aller au contenu principal',
    navLabel: 'Écrans',
    screen: (screen) => SCREEN_FR[screen],
    connection: (state) => CONNECTION_FR[state],
    vitalsByDevice: 'Constantes par appareil',
    devicesArea: 'Appareils',
    noReadings: 'Aucune mesure pour l’instant. Branchez un appareil ou ajoutez un appareil Bluetooth.',
  },
});
