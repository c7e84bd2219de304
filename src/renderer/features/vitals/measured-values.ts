import type { MeasuredValue } from '../../../shared/domain/consultation';
import { isMetricId, METRICS } from '../../../shared/domain/metrics';
import type { Formatter } from '../../../shared/i18n';

/**
 * The values of one measurement in the screen's language, each with its label and unit at its
 * display precision: "Systolic 131 mmHg, Diastolic 85 mmHg, Mean 100 mmHg, Pulse 68 bpm".
 */
export function measuredValuesText(values: readonly MeasuredValue[], format: Formatter): string {
  return values
    .map((v) => {
      const label = isMetricId(v.metric) ? METRICS[v.metric].label[format.locale] : v.metric;
      return `${label} ${format.measurement(v.metric, v.value, v.unit)}`;
    })
    .join(', ');
}
