import { defineMessages } from '../../../../shared/i18n';
import type { Rung } from './quality-ladder';

/** The quality ladder's rung in words, on both screens (the station's and the doctor's own). */
const EN_RUNGS: Readonly<Record<Rung, string>> = {
  full: 'full video',
  reduced: 'video reduced (network)',
  low: 'video low (network)',
  'audio-only': 'audio and vitals only, video paused (network)',
};
const FR_RUNGS: typeof EN_RUNGS = {
  full: 'vidéo complète',
  reduced: 'vidéo réduite (réseau)',
  low: 'vidéo minimale (réseau)',
  'audio-only': 'audio et constantes seulement, vidéo suspendue (réseau)',
};

export const ladderMessages = defineMessages({
  en: {
    rung: (rung: Rung): string => EN_RUNGS[rung],
    patientSends: (rung: string): string => `Patient side: ${rung}`,
    youSend: (rung: string): string => `You send: ${rung}`,
  },
  fr: {
    rung: (rung) => FR_RUNGS[rung],
    patientSends: (rung) => `Côté patient : ${rung}`,
    youSend: (rung) => `Vous envoyez : ${rung}`,
  },
});
