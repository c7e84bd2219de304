import { defineMessages } from '../../../shared/i18n';

export const waveformsMessages = defineMessages({
  en: {
    traceLabel: (metric: string, windowS: number): string => `${metric} waveform, last ${windowS} seconds`,
  },
  fr: {
    traceLabel: (metric, windowS) => `Tracé ${metric}, ${windowS} dernières secondes`,
  },
});
