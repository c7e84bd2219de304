import type { PlausibleRange } from '../../shared/domain/metrics';
import type { DeviceValidity } from '../validity/reading-rules';

/**
 * What the BM58 can measure, from its instructions for use (Beurer BM 58, "Technical
 * specifications": measurement range systolic 50–250 mmHg, diastolic 30–200 mmHg, pulse 40–180
 * beats/minute). A stored record outside these ranges is not a measurement the cuff could have
 * displayed: the byte was corrupted (the record has no checksum), so the value is dropped as
 * `out-of-range` by the reading rules, never filed.
 */
const SOURCE = 'Beurer BM 58 instructions for use, technical specifications: measurement range';

const range = (min: number, max: number, what: string): PlausibleRange => ({
  min,
  max,
  source: `${SOURCE} (${what} ${min}–${max})`,
});

export const BM58_VALIDITY: DeviceValidity = {
  ranges: {
    MDC_PRESS_BLD_NONINV_SYS: range(50, 250, 'systolic, mmHg'),
    MDC_PRESS_BLD_NONINV_DIA: range(30, 200, 'diastolic, mmHg'),
    MDC_PULS_RATE_NON_INV: range(40, 180, 'pulse, beats/min'),
  },
};
