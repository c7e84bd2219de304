import { defineMessages } from '../../../shared/i18n';
import type { TrendChartId } from './trend-charts';

/** The trend charts on the doctor's page. */
const EN_CHARTS: Readonly<Record<TrendChartId, string>> = {
  spo2: 'SpO2 (%)',
  pulse: 'Pulse (/min)',
  respiration: 'Respiration (/min)',
  temperature: 'Temperature (°C)',
  bloodPressure: 'Blood pressure (mmHg)',
};
const FR_CHARTS: typeof EN_CHARTS = {
  spo2: 'SpO2 (%)',
  pulse: 'Pouls (/min)',
  respiration: 'Respiration (/min)',
  temperature: 'Température (°C)',
  bloodPressure: 'Pression artérielle (mmHg)',
};

export const trendsMessages = defineMessages({
  en: {
    title: 'Trends over the consultation',
    notMonitor: 'Not a monitor, no alarms',
    bands:
      'Shaded: NEWS2 bands (Royal College of Physicians, 2017), darker for a higher score; blood pressure: systolic bands.',
    chart: (id: TrendChartId): string => EN_CHARTS[id],
    noValues: 'No values yet.',
    episodic: 'points: one measurement each',
    summary: (chart: string, latest: string, at: string, points: number): string =>
      `${chart}: latest ${latest} at ${at}, ${points} points over the consultation.`,
  },
  fr: {
    title: 'Tendances de la consultation',
    notMonitor: 'Pas un moniteur, aucune alarme',
    bands:
      'Zones ombrées : seuils NEWS2 (Royal College of Physicians, 2017), plus foncées pour un score plus élevé ; pression artérielle : seuils de la systolique.',
    chart: (id) => FR_CHARTS[id],
    noValues: 'Pas encore de valeur.',
    episodic: 'points : une mesure chacun',
    summary: (chart, latest, at, points) =>
      `${chart} : dernière valeur ${latest} à ${at}, ${points} points sur la consultation.`,
  },
});
