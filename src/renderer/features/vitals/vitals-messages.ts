import { defineMessages } from '../../../shared/i18n';

/** Words on the numeric and blood-pressure tiles. Values and units come from `useFormat()`. */
export const vitalsMessages = defineMessages({
  en: {
    noDevice: 'No device',
    noValue: 'no value',
    /** `age` is already localised ("12 s"). */
    stale: (age: string): string => `STALE · ${age}`,
    bpAriaLabel: 'Blood pressure, last measurement',
    bpTitle: 'NIBP result',
    bpNone: 'No measurement yet',
    bpMean: 'Mean',
    bpPulse: 'Pulse',
    bpBeforeConsultation: 'measured before this consultation',
  },
  fr: {
    noDevice: 'Aucun appareil',
    noValue: 'pas de valeur',
    stale: (age) => `ANCIENNE · ${age}`,
    bpAriaLabel: 'Pression artérielle, dernière mesure',
    bpTitle: 'Résultat PNI',
    bpNone: 'Aucune mesure pour l’instant',
    bpMean: 'Moyenne',
    bpPulse: 'Pouls',
    bpBeforeConsultation: 'mesurée avant cette consultation',
  },
});
