import type { PlausibleRange } from '../../shared/domain/metrics';
import type { DeviceValidity } from '../validity/reading-rules';

/**
 * What these Omron units can measure, from their instruction manuals (Omron HEM-790IT and
 * HEM-7080IT, "Specifications": measurement range pressure 0–299 mmHg, pulse 40–180 beats/min).
 * The pressures' range is the metric table's own bound here; the pulse range is narrower: a stored
 * pulse outside 40–180 is not one the unit could have measured, so the reading rules drop it as
 * `out-of-range` (the reply's XOR check catches most corruption before that).
 */
const SOURCE = 'Omron HEM-790IT / HEM-7080IT instruction manual, specifications: measurement range';

const range = (min: number, max: number, what: string): PlausibleRange => ({
  min,
  max,
  source: `${SOURCE} (${what} ${min}–${max})`,
});

export const OMRON_HEM_VALIDITY: DeviceValidity = {
  ranges: {
    MDC_PRESS_BLD_NONINV_SYS: range(0, 299, 'pressure, mmHg'),
    MDC_PRESS_BLD_NONINV_DIA: range(0, 299, 'pressure, mmHg'),
    MDC_PULS_RATE_NON_INV: range(40, 180, 'pulse, beats/min'),
  },
};
