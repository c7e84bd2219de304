import type { DeviceValidity } from '../validity/reading-rules';

/**
 * The Nonin measurement ranges, for every data format (#2, #7, #8, #13): a value outside is no
 * measurement of this device, and the reading guard drops it as `out-of-range` (a 9-bit HR field
 * can carry up to 510 besides the missing marker 511).
 */
const NONIN_9560_SPEC =
  'Nonin Onyx II 9560 OEM Specification 6470-000-01, "Technology Specifications" p. 1 ' +
  '(mattjlewis/NoninPulseOx@4e533599)';

export const NONIN_VALIDITY: DeviceValidity = {
  ranges: {
    MDC_PULS_OXIM_SAT_O2: {
      min: 0,
      max: 100,
      source: `${NONIN_9560_SPEC}: oxygen saturation range 0 to 100 %`,
    },
    MDC_PULS_OXIM_PULS_RATE: {
      min: 18,
      max: 321,
      source: `${NONIN_9560_SPEC}: pulse rate range 18 to 321 BPM`,
    },
  },
};
