import type { DeviceErrorCode, DeviceState } from '../../../shared/domain/devices';
import { defineMessages } from '../../../shared/i18n';

const STATE_EN: Readonly<Record<DeviceState, string>> = {
  connecting: 'Connecting',
  streaming: 'Streaming',
  'no-data': 'No data',
  disconnected: 'Disconnected',
  error: 'Error',
};

const STATE_FR: Readonly<Record<DeviceState, string>> = {
  connecting: 'Connexion',
  streaming: 'En transmission',
  'no-data': 'Aucune donnée',
  disconnected: 'Déconnecté',
  error: 'Erreur',
};

/** A device's failure, by its code (the driver's own text is for the log). */
const ERROR_EN: Readonly<Record<DeviceErrorCode, string>> = {
  'open-failed': 'The port could not be opened: check the cable, or whether another program uses it.',
  'permission-denied': 'This computer’s user may not open the port: ask your installer.',
  'not-found': 'The device is no longer plugged in.',
  disconnected: 'The device was disconnected.',
  timeout: 'The device stopped answering.',
  'write-failed': 'A command could not be sent to the device.',
  protocol: 'The device sent data this station cannot read: check the chosen protocol.',
};
const ERROR_FR: typeof ERROR_EN = {
  'open-failed': 'Le port n’a pas pu être ouvert : vérifiez le câble, ou si un autre programme l’utilise.',
  'permission-denied':
    'L’utilisateur de cet ordinateur n’a pas le droit d’ouvrir le port : adressez-vous à votre installateur.',
  'not-found': 'L’appareil n’est plus branché.',
  disconnected: 'L’appareil a été déconnecté.',
  timeout: 'L’appareil ne répond plus.',
  'write-failed': 'Une commande n’a pas pu être envoyée à l’appareil.',
  protocol:
    'L’appareil envoie des données que cette station ne sait pas lire : vérifiez le protocole choisi.',
};

/** "3 streaming": the device dock's summary during a call (DeviceDockToggle.tsx). */
const COUNTED_EN: Readonly<Record<DeviceState, string>> = {
  connecting: 'connecting',
  streaming: 'streaming',
  'no-data': 'without data',
  disconnected: 'disconnected',
  error: 'in error',
};
/** Agreed with « appareil » (masculine): « 2 déconnectés ». */
const COUNTED_FR: Readonly<Record<DeviceState, readonly [string, string]>> = {
  connecting: ['en connexion', 'en connexion'],
  streaming: ['en transmission', 'en transmission'],
  'no-data': ['sans données', 'sans données'],
  disconnected: ['déconnecté', 'déconnectés'],
  error: ['en erreur', 'en erreur'],
};

/** Words of the device groups, the wired-device panel and the SIMULATED badge. */
export const devicesMessages = defineMessages({
  en: {
    state: (state: DeviceState): string => STATE_EN[state],
    error: (code: DeviceErrorCode): string => ERROR_EN[code],
    panelTitle: 'Devices',
    noDevice: 'No device connected. Plug in a supported device.',
    factState: 'State',
    factLastReading: 'Last reading',
    factDropped: 'Dropped frames',
    never: 'never',
    waitingFirstReading: 'Waiting for the first reading…',
    simulated: 'SIMULATED',
    simulatedTitle: 'Readings come from a device simulator, not from a patient',
    dockLabel: 'Devices',
    dockCount: (state: DeviceState, count: number): string => `${count} ${COUNTED_EN[state]}`,
    dockBleReconnecting: (count: number): string => `${count} Bluetooth reconnecting`,
    dockNone: 'none',
    dockSummary: (parts: readonly string[]): string => `Devices: ${parts.join(', ')}`,
  },
  fr: {
    state: (state: DeviceState): string => STATE_FR[state],
    error: (code: DeviceErrorCode): string => ERROR_FR[code],
    panelTitle: 'Appareils',
    noDevice: 'Aucun appareil connecté. Branchez un appareil compatible.',
    factState: 'État',
    factLastReading: 'Dernière mesure',
    factDropped: 'Trames perdues',
    never: 'jamais',
    waitingFirstReading: 'En attente de la première mesure…',
    simulated: 'SIMULATION',
    simulatedTitle: 'Les mesures viennent d’un simulateur d’appareil, pas d’un patient',
    dockLabel: 'Appareils',
    dockCount: (state, count) => `${count} ${COUNTED_FR[state][count > 1 ? 1 : 0]}`,
    dockBleReconnecting: (count) => `${count} Bluetooth en reconnexion`,
    dockNone: 'aucun',
    dockSummary: (parts) => `Appareils\u202f: ${parts.join(', ')}`,
  },
});
