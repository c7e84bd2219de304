import type { DeviceValidity } from '../validity/reading-rules';

/**
 * The Masimo Rad-8 measurement ranges: a value outside is no measurement of this monitor, and the
 * reading guard drops it as `out-of-range` (the ASCII 1 fields have room for three digits, so a
 * corrupted "BPM=864" still parses).
 */
const RAD8_SPEC =
  "Masimo Rad-8 Operator's Manual, chapter 7 Specifications, Performance, Measurement Range " +
  "(remkolems/masimo-datacapture, 'Masimo Rad-8/Masimo Rad-8 Operator's Manual.pdf')";

export const MASIMO_VALIDITY: DeviceValidity = {
  ranges: {
    MDC_PULS_OXIM_SAT_O2: { min: 1, max: 100, source: `${RAD8_SPEC}: SpO2 1–100 %` },
    MDC_PULS_OXIM_PULS_RATE: { min: 25, max: 240, source: `${RAD8_SPEC}: pulse rate 25–240 bpm` },
    MDC_PULS_OXIM_PERF_REL: { min: 0.02, max: 20, source: `${RAD8_SPEC}: perfusion index 0.02–20 %` },
  },
};
