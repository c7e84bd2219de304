/**
 * Which values make one measurement: a cuff result carries systolic, diastolic, mean and its pulse
 * with the same device time (design §3), so they are confirmed, dismissed and exported together;
 * any other episodic metric is a measurement on its own.
 */
export const NIBP_METRICS = [
  'MDC_PRESS_BLD_NONINV_SYS',
  'MDC_PRESS_BLD_NONINV_DIA',
  'MDC_PRESS_BLD_NONINV_MEAN',
  'MDC_PULS_RATE_NON_INV',
] as const;
export type NibpMetric = (typeof NIBP_METRICS)[number];

export const NIBP_GROUP = 'nibp';

export function isNibpMetric(metric: string): metric is NibpMetric {
  return (NIBP_METRICS as readonly string[]).includes(metric);
}

/** `nibp` for a cuff result's values, else the metric itself. */
export function measurementGroupOf(metric: string): string {
  return isNibpMetric(metric) ? NIBP_GROUP : metric;
}
