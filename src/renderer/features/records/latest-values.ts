import type { ConsultationSummary } from '../../../shared/domain/consultation';
import { isMetricId, metricInfo } from '../../../shared/domain/metrics';
import type { Formatter, Locale } from '../../../shared/i18n';

const SYSTOLIC = 'MDC_PRESS_BLD_NONINV_SYS';
const DIASTOLIC = 'MDC_PRESS_BLD_NONINV_DIA';
const MEAN = 'MDC_PRESS_BLD_NONINV_MEAN';
const BP_LABEL: Readonly<Record<Locale, string>> = { en: 'BP', fr: 'TA' };

/**
 * A listed consultation's last values as a clinician reads them: "SpO₂ 97 %, FC 72 bpm, TA 128/82
 * mmHg" — a blood pressure as one systolic/diastolic pair, each value at its metric's precision and
 * unit. A metric the station does not know is left out rather than shown as its code.
 */
export function latestValuesText(
  latest: NonNullable<ConsultationSummary['latest']>,
  locale: Locale,
  format: Formatter,
): string {
  const byMetric = new Map(latest.map((entry) => [entry.metric, entry]));
  const systolic = byMetric.get(SYSTOLIC);
  const diastolic = byMetric.get(DIASTOLIC);
  const pressure = systolic !== undefined && diastolic !== undefined;
  const parts: string[] = [];
  for (const { metric, unit, value } of latest) {
    if (!isMetricId(metric)) continue;
    if (pressure && (metric === DIASTOLIC || metric === MEAN)) continue;
    if (pressure && metric === SYSTOLIC) {
      // The systolic with its unit as the language writes it, the pair in place of its number.
      const shown = format.metricNumber(SYSTOLIC, value);
      const pair = `${shown}/${format.metricNumber(DIASTOLIC, diastolic.value)}`;
      parts.push(`${BP_LABEL[locale]} ${format.measurement(SYSTOLIC, value, unit).replace(shown, pair)}`);
      continue;
    }
    parts.push(`${metricInfo(metric).label[locale]} ${format.measurement(metric, value, unit)}`);
  }
  return parts.join(', ');
}
