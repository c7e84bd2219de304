import { METRIC_IDS, METRICS, type MetricId, type PlausibleRange } from '../../shared/domain/metrics';
import type { StatusFlag } from '../../shared/domain/readings';

/**
 * What a driver knows about its device's values beyond the metric table: the device's published
 * measurement ranges, narrower than the table's broad physiological bounds (design §3: "a value
 * outside the metric's plausible range is dropped and counted, never a reading").
 */
export interface DeviceValidity {
  /** Per metric, the device's own measurement range, with its source. */
  readonly ranges?: Partial<Readonly<Record<MetricId, PlausibleRange>>>;
}

/** The range a value must lie in: the device's own where the driver gives one, else the table's. */
export function plausibleRangeOf(metric: MetricId, validity: DeviceValidity = {}): PlausibleRange | null {
  return validity.ranges?.[metric] ?? METRICS[metric].plausible;
}

/** Every numeric metric: what a device in demo or test mode sends is no patient's. */
const ALL_NUMERICS: readonly MetricId[] = METRIC_IDS.filter((id) => METRICS[id].kind === 'numeric');

const OXIMETRY_METRICS: readonly MetricId[] = [
  'MDC_PULS_OXIM_SAT_O2',
  'MDC_PULS_OXIM_PULS_RATE',
  'MDC_PULS_OXIM_PERF_REL',
];

/**
 * Device flags that make the numbers beside them meaningless (design §3: "device flags beat
 * numbers"), with the metrics each one voids. While one is raised, those metrics are `null`:
 * - probe off / probe error / sensor disconnected: no finger, so nothing was measured;
 * - searching (and searching too long), out of track, pulse lost: the device has no pulse lock,
 *   and what it still sends is a held or stale value (Contec sends 97/72 while searching);
 * - equipment malfunction (BLE PLX status): not a measurement of this patient;
 * - test data (BLE PLX "data for testing", an IntelliVue in demo or test mode): not a patient's
 *   value at all, whatever the metric;
 * - lead off: an ECG heart rate from a detached electrode.
 * Flags that qualify a value without voiding it (low perfusion, artifact, questionable) are left
 * to the status shown beside the number.
 */
export const VOIDING_FLAGS: Readonly<Partial<Record<StatusFlag, readonly MetricId[]>>> = {
  'probe-off': OXIMETRY_METRICS,
  'probe-error': OXIMETRY_METRICS,
  'sensor-disconnected': OXIMETRY_METRICS,
  searching: OXIMETRY_METRICS,
  'searching-too-long': OXIMETRY_METRICS,
  'out-of-track': OXIMETRY_METRICS,
  'pulse-lost': OXIMETRY_METRICS,
  'device-malfunction': OXIMETRY_METRICS,
  'test-data': ALL_NUMERICS,
  'lead-off': ['MDC_ECG_HEART_RATE'],
};

/** The metrics voided by a set of active flags. */
export function voidedMetrics(flags: readonly StatusFlag[]): ReadonlySet<MetricId> {
  const voided = new Set<MetricId>();
  for (const flag of flags) for (const metric of VOIDING_FLAGS[flag] ?? []) voided.add(metric);
  return voided;
}
