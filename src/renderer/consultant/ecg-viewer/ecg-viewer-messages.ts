import { defineMessages } from '../../../shared/i18n';

/** The ECG viewer on the doctor's page: freeze, scroll back, zoom and calipers. */
export type CaliperId = 'a' | 'b' | 'low' | 'high';

const EN_CALIPERS: Readonly<Record<CaliperId, string>> = {
  a: 'Time caliper A',
  b: 'Time caliper B',
  low: 'Amplitude caliper 1',
  high: 'Amplitude caliper 2',
};
const FR_CALIPERS: typeof EN_CALIPERS = {
  a: 'Curseur de temps A',
  b: 'Curseur de temps B',
  low: 'Curseur d’amplitude 1',
  high: 'Curseur d’amplitude 2',
};

export const ecgViewerMessages = defineMessages({
  en: {
    title: 'ECG viewer',
    noEcg: 'No ECG received yet.',
    lead: 'Lead',
    freeze: 'Freeze',
    live: 'Back to live',
    frozen: 'Frozen',
    earlier: 'Earlier',
    later: 'Later',
    position: 'Position in the consultation',
    timeScale: 'Time shown',
    seconds: (s: number): string => `${s} s`,
    amplitudeScale: 'Amplitude shown',
    plusMinus: (value: string, unit: string): string => `±${value} ${unit}`,
    caliper: (id: CaliperId): string => EN_CALIPERS[id],
    selectCaliper: 'Caliper moved by the arrows',
    interval: (ms: string, rate: string): string => `Interval A–B: ${ms} ms (${rate} /min)`,
    intervalNone: 'Interval A–B: --',
    amplitude: (value: string, unit: string): string => `Amplitude 1–2: ${value} ${unit}`,
    onR: 'Time calipers on two R waves',
    fromTime: 'Amplitude calipers on the samples at A and B',
    keys: 'Arrow keys move the selected caliper by one sample (Page Up / Page Down: ten); drag or click on the trace to place it.',
    kept: (minutes: number): string => `Kept for scrolling back: the last ${minutes} min of each lead.`,
    trace: (lead: string, from: string, to: string): string => `ECG ${lead} from ${from} to ${to}`,
  },
  fr: {
    title: 'Visionneuse ECG',
    noEcg: 'Aucun ECG reçu pour l’instant.',
    lead: 'Dérivation',
    freeze: 'Figer',
    live: 'Revenir au direct',
    frozen: 'Figé',
    earlier: 'Plus tôt',
    later: 'Plus tard',
    position: 'Position dans la consultation',
    timeScale: 'Durée affichée',
    seconds: (s) => `${s} s`,
    amplitudeScale: 'Amplitude affichée',
    plusMinus: (value, unit) => `±${value} ${unit}`,
    caliper: (id) => FR_CALIPERS[id],
    selectCaliper: 'Curseur déplacé par les flèches',
    interval: (ms, rate) => `Intervalle A–B : ${ms} ms (${rate} /min)`,
    intervalNone: 'Intervalle A–B : --',
    amplitude: (value, unit) => `Amplitude 1–2 : ${value} ${unit}`,
    onR: 'Curseurs de temps sur deux ondes R',
    fromTime: 'Curseurs d’amplitude sur les échantillons en A et B',
    keys: 'Les flèches déplacent le curseur choisi d’un échantillon (Page précédente / suivante : dix) ; cliquez ou faites glisser sur le tracé pour le placer.',
    kept: (minutes) =>
      `Conservé pour revenir en arrière : les ${minutes} dernières minutes de chaque dérivation.`,
    trace: (lead, from, to) => `ECG ${lead} de ${from} à ${to}`,
  },
});
