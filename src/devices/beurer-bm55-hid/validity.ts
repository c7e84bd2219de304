import type { PlausibleRange } from '../../shared/domain/metrics';
import type { DeviceValidity } from '../validity/reading-rules';

/**
 * What the BM55 can measure, from its instructions for use (Beurer BM 55, "Technical
 * specifications": measurement range systolic 50–250 mmHg, diastolic 30–200 mmHg, pulse 40–180
 * beats/minute). A record carries no checksum (PROTOCOL.md), so a value outside these ranges is a
 * corrupted byte, not a measurement: the reading rules drop it as `out-of-range`.
 */
const SOURCE = 'Beurer BM 55 instructions for use, technical specifications: measurement range';

const range = (min: number, max: number, what: string): PlausibleRange => ({
  min,
  max,
  source: `${SOURCE} (${what} ${min}–${max})`,
});

export const BM55_VALIDITY: DeviceValidity = {
  ranges: {
    MDC_PRESS_BLD_NONINV_SYS: range(50, 250, 'systolic, mmHg'),
    MDC_PRESS_BLD_NONINV_DIA: range(30, 200, 'diastolic, mmHg'),
    MDC_PULS_RATE_NON_INV: range(40, 180, 'pulse, beats/min'),
  },
};
