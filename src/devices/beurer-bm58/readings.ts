import type { MetricId } from '../../shared/domain/metrics';
import type { NumericReading } from '../../shared/domain/readings';
import type { StoredMeasurement } from './frames';

/** The metrics of one BP result, in emission order. The device stores no mean pressure. */
export const BP_METRICS = {
  systolic: 'MDC_PRESS_BLD_NONINV_SYS',
  diastolic: 'MDC_PRESS_BLD_NONINV_DIA',
  pulse: 'MDC_PULS_RATE_NON_INV',
} as const satisfies Record<string, MetricId>;

/** A stored BP result as readings sharing the measurement's own time (design §3). */
export function measurementReadings(device: string, m: StoredMeasurement, time: string): NumericReading[] {
  const numeric = (metric: MetricId, value: number, unit: string): NumericReading => ({
    type: 'numeric',
    device,
    metric,
    value,
    unit,
    time,
  });
  return [
    numeric(BP_METRICS.systolic, m.systolic, 'mm[Hg]'),
    numeric(BP_METRICS.diastolic, m.diastolic, 'mm[Hg]'),
    numeric(BP_METRICS.pulse, m.pulse, '/min'),
  ];
}
