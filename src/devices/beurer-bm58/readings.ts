import type { MetricId } from '../../shared/domain/metrics';

/** The metrics of one BP result, in emission order. The device stores no mean pressure. */
export const BP_METRICS = {
  systolic: 'MDC_PRESS_BLD_NONINV_SYS',
  diastolic: 'MDC_PRESS_BLD_NONINV_DIA',
  pulse: 'MDC_PULS_RATE_NON_INV',
} as const satisfies Record<string, MetricId>;
