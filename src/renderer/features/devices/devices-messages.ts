import type { DeviceState } from '../../../shared/domain/devices';
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

/** Words of the device groups, the wired-device panel and the SIMULATED badge. */
export const devicesMessages = defineMessages({
  en: {
    state: (state: DeviceState): string => STATE_EN[state],
    panelTitle: 'Devices',
    noDevice: 'No device connected. Plug in a supported device.',
    factState: 'State',
    factLastReading: 'Last reading',
    factDropped: 'Dropped frames',
    never: 'never',
    waitingFirstReading: 'Waiting for the first reading…',
    simulated: 'SIMULATED',
    simulatedTitle: 'Readings come from a device simulator, not from a patient',
  },
  fr: {
    state: (state: DeviceState): string => STATE_FR[state],
    panelTitle: 'Appareils',
    noDevice: 'Aucun appareil connecté. Branchez un appareil compatible.',
    factState: 'État',
    factLastReading: 'Dernière mesure',
    factDropped: 'Trames perdues',
    never: 'jamais',
    waitingFirstReading: 'En attente de la première mesure…',
    simulated: 'SIMULATION',
    simulatedTitle: 'Les mesures viennent d’un simulateur d’appareil, pas d’un patient',
  },
});
