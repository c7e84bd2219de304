import { isEpisodic, type MetricId } from '../../shared/domain/metrics';
import { MEASUREMENT_STATE, PHYSIO, UNIT } from './constants';
import type { Observation } from './messages';

/**
 * IntelliVue numerics → our metric ids. A physio id is a term code in the SCADA partition (2), so
 * its IEEE 11073-10101 code is 2 × 65536 + id: 0x4182 → 147842 MDC_ECG_HEART_RATE, and so on (the
 * mdcCode column of metrics.ts). Two Philips codes have no 11073 twin and map by meaning: the
 * pleth pulse rate 0x4822 (NOM_PLETH_PULS_RATE, the oximeter's pulse) → MDC_PULS_OXIM_PULS_RATE,
 * and the private NIBP pulse rate 0xF0E5 → MDC_PULS_RATE_NON_INV.
 * A value comes out only in the unit listed here; other units (°F, kPa) are not converted.
 */
export interface MetricMapping {
  readonly metric: MetricId;
  readonly unitCode: number;
  /** UCUM, as in the metric table. */
  readonly unit: string;
  /** The metric is one measurement held and repeated by the monitor (metric table), not a stream. */
  readonly episodic: boolean;
}

const BPM = { unitCode: UNIT.beatsPerMinute, unit: '/min' } as const;
const MMHG = { unitCode: UNIT.mmHg, unit: 'mm[Hg]' } as const;
const CELSIUS = { unitCode: UNIT.degreesCelsius, unit: 'Cel' } as const;

const mapping = (
  metric: MetricId,
  unit: { readonly unitCode: number; readonly unit: string },
): MetricMapping => ({
  metric,
  ...unit,
  episodic: isEpisodic(metric),
});

export const METRIC_BY_PHYSIO: ReadonlyMap<number, MetricMapping> = new Map<number, MetricMapping>([
  [PHYSIO.ecgHeartRate, mapping('MDC_ECG_HEART_RATE', BPM)],
  [PHYSIO.spo2, mapping('MDC_PULS_OXIM_SAT_O2', { unitCode: UNIT.percent, unit: '%' })],
  [PHYSIO.plethPulseRate, mapping('MDC_PULS_OXIM_PULS_RATE', BPM)],
  [PHYSIO.nibpPulseRate, mapping('MDC_PULS_RATE_NON_INV', BPM)],
  [PHYSIO.nibpSystolic, mapping('MDC_PRESS_BLD_NONINV_SYS', MMHG)],
  [PHYSIO.nibpDiastolic, mapping('MDC_PRESS_BLD_NONINV_DIA', MMHG)],
  [PHYSIO.nibpMean, mapping('MDC_PRESS_BLD_NONINV_MEAN', MMHG)],
  [PHYSIO.temperature, mapping('MDC_TEMP', CELSIUS)],
  [PHYSIO.bodyTemperature, mapping('MDC_TEMP_BODY', CELSIUS)],
  [PHYSIO.respirationRate, mapping('MDC_RESP_RATE', { unitCode: UNIT.breathsPerMinute, unit: '/min' })],
]);

/**
 * MeasurementState bits that void the value (device flags beat numbers, design §3): invalid and
 * unavailable say there is no value; calibration, test and demo data say it is not this
 * patient's. Questionable, early indication, measurement ongoing and the alarm bits qualify a
 * value without voiding it.
 */
export const VOIDING_STATE =
  MEASUREMENT_STATE.invalid |
  MEASUREMENT_STATE.unavailable |
  MEASUREMENT_STATE.calibrationOngoing |
  MEASUREMENT_STATE.testData |
  MEASUREMENT_STATE.demoData;

/** The metric an observation becomes, or null when we have no metric for it or not in its unit. */
export function mappingOf(observation: Observation): MetricMapping | null {
  const mapping = METRIC_BY_PHYSIO.get(observation.physioId);
  return mapping !== undefined && mapping.unitCode === observation.unitCode ? mapping : null;
}

/** The reading value of an observation: null when its state voids it (VOIDING_STATE) or for a FLOAT-Type marker. */
export function valueOf(observation: Observation): number | null {
  return (observation.state & VOIDING_STATE) !== 0 ? null : observation.value;
}
