import { defineMessages } from '../../shared/i18n';
import type { DoctorDeviceState } from './doctor-device-state';
import type { PatientAge } from './patient-age';

/**
 * The doctor's workspace: their own call controls, each device's state, the patient's age and the
 * work tabs under the video (the rest of the page's words are in consultant-messages.ts).
 */
const EN_STATES: Readonly<Record<DoctorDeviceState, string>> = {
  streaming: 'Streaming',
  disconnected: 'Disconnected',
  'probe-off': 'Probe off',
  searching: 'Searching',
  stale: 'No recent data',
};
const FR_STATES: typeof EN_STATES = {
  streaming: 'En direct',
  disconnected: 'Déconnecté',
  'probe-off': 'Capteur débranché',
  searching: 'Recherche du signal',
  stale: 'Pas de donnée récente',
};

export type WorkspaceTab = 'record' | 'patient' | 'trends' | 'ecg';

const EN_TABS: Readonly<Record<WorkspaceTab, string>> = {
  record: 'Record',
  patient: 'Patient and chat',
  trends: 'Trends',
  ecg: 'ECG viewer',
};
const FR_TABS: typeof EN_TABS = {
  record: 'Dossier',
  patient: 'Patient et messages',
  trends: 'Tendances',
  ecg: 'Visionneuse ECG',
};

export const workspaceMessages = defineMessages({
  en: {
    ownControls: 'Your camera and microphone',
    mute: 'Mute',
    unmute: 'Unmute',
    cameraOff: 'Camera off',
    cameraOn: 'Camera on',
    fullScreen: 'Full screen',
    exitFullScreen: 'Exit full screen',
    deviceState: (state: DoctorDeviceState): string => EN_STATES[state],
    age: (age: PatientAge): string =>
      age.unit === 'years'
        ? `${age.value} year${age.value === 1 ? '' : 's'} old`
        : `${age.value} month${age.value === 1 ? '' : 's'} old`,
    workTabs: 'Record, patient, trends and ECG',
    tab: (tab: WorkspaceTab): string => EN_TABS[tab],
    hideWork: 'Hide',
  },
  fr: {
    ownControls: 'Votre caméra et votre micro',
    mute: 'Couper le micro',
    unmute: 'Rétablir le micro',
    cameraOff: 'Couper la caméra',
    cameraOn: 'Rétablir la caméra',
    fullScreen: 'Plein écran',
    exitFullScreen: 'Quitter le plein écran',
    deviceState: (state) => FR_STATES[state],
    age: (age) => (age.unit === 'years' ? `${age.value} an${age.value > 1 ? 's' : ''}` : `${age.value} mois`),
    workTabs: 'Dossier, patient, tendances et ECG',
    tab: (tab) => FR_TABS[tab],
    hideWork: 'Masquer',
  },
});
