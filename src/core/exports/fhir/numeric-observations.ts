import { isMetricId, METRICS, type MetricInfo } from '../../../shared/domain/metrics';
import type { RecordedNumeric } from '../export-source';
import { isNibpMetric, measurementGroupOf, type NibpMetric } from '../measurement-group';
import type { BundleWriter } from './bundle-writer';
import { VITAL_SIGNS_PROFILE } from './codes';
import type { DeviceDirectory } from './devices';
import { ENCOUNTER_KEY } from './encounter';
import {
  dataAbsent,
  loincCoding,
  mdcCoding,
  metricCode,
  quantity,
  VITAL_SIGNS_CATEGORY,
  vitalSignsProfile,
} from './observation-parts';
import { PATIENT_KEY } from './participants';
import type { FhirObject } from './types';

/**
 * Numeric readings → Observations (see README.md, "Numerics"). Every Observation is one reading
 * as the device gave it, at its own instant (effectiveDateTime); nothing is averaged. Which rule
 * applies comes from the metric table's `measurement`, never from a list here:
 * - episodic metrics (one measurement each): one Observation per measurement (device, metric,
 *   device time; a repeat of it adds nothing); a cuff result is one `bp` panel with systolic,
 *   diastolic, mean and the cuff's pulse as components, all at the cuff's time;
 * - continuous metrics (SpO2, pulse, ECG heart rate, respiration, perfusion index, a monitor's
 *   temperature probe, ~1 Hz): the last valid reading of each UTC minute (its note gives the
 *   minute's count, min and max), plus the consultation's lowest and highest reading of each
 *   stream, so a short dip survives the down-sampling.
 * A measurement taken before the consultation and confirmed for this patient keeps its true time
 * and carries a note saying so and who confirmed it.
 */

/** The compound NIBP code (11073-10101): the panel's MDC coding. */
const MDC_PRESS_BLD_NONINV = 150020;

interface Reading {
  readonly value: number | null;
  readonly time: string;
}

interface MinuteBucket {
  readonly minute: number;
  readonly readings: Reading[];
}

interface ValidReading {
  readonly value: number;
  readonly time: string;
}

interface Extremes {
  min: ValidReading | null;
  max: ValidReading | null;
}

type Confirmation = NonNullable<RecordedNumeric['confirmation']>;

/** One episodic measurement: its values by metric (the first of each wins), at one device time. */
interface Measurement {
  readonly device: string;
  readonly group: string;
  readonly time: string;
  readonly values: Map<string, { info: MetricInfo; value: number | null }>;
  confirmation: Confirmation | null;
}

export function addNumericObservations(
  writer: BundleWriter,
  numerics: Iterable<RecordedNumeric>,
  devices: DeviceDirectory,
): void {
  const context = new NumericContext(writer, devices);
  const buckets = new Map<string, { device: string; info: MetricInfo; bucket: MinuteBucket }>();
  const extremes = new Map<string, { device: string; info: MetricInfo; extremes: Extremes }>();
  const measurements = new Map<string, Measurement>();
  const skipped = new Map<string, { item: string; reason: string; count: number }>();
  const skip = (reading: RecordedNumeric, reason: string): void => {
    const key = `${reading.device}\u0000${reading.metric}\u0000${reason}`;
    const entry = skipped.get(key) ?? {
      item: `numeric ${reading.metric} from ${reading.device}`,
      reason,
      count: 0,
    };
    entry.count++;
    skipped.set(key, entry);
  };

  for (const reading of numerics) {
    if (!isMetricId(reading.metric)) {
      skip(reading, 'metric id not in the metric table (no code to export it under)');
      continue;
    }
    const info: MetricInfo = METRICS[reading.metric];
    if (info.kind !== 'numeric') {
      skip(reading, `${info.id} is a waveform metric, recorded as a numeric`);
      continue;
    }
    if (reading.unit !== info.unit) {
      skip(reading, `unit ${reading.unit} differs from the metric table's ${info.unit}`);
      continue;
    }
    if (Number.isNaN(Date.parse(reading.time))) {
      skip(reading, `unreadable time ${reading.time}`);
      continue;
    }
    const point: Reading = { value: reading.value, time: reading.time };
    if (info.measurement === 'episodic') {
      const group = measurementGroupOf(info.id);
      const key = `${reading.device}\u0000${group}\u0000${reading.time}`;
      const measurement = measurements.get(key) ?? {
        device: reading.device,
        group,
        time: reading.time,
        values: new Map(),
        confirmation: null,
      };
      if (!measurement.values.has(info.id)) measurement.values.set(info.id, { info, value: reading.value });
      measurement.confirmation ??= reading.confirmation ?? null;
      measurements.set(key, measurement);
      continue;
    }
    const streamKey = `${reading.device}\u0000${info.id}`;
    const minute = Math.floor(Date.parse(reading.time) / 60_000);
    const open = buckets.get(streamKey);
    if (open !== undefined && open.bucket.minute !== minute)
      context.minute(open.device, open.info, open.bucket);
    if (open === undefined || open.bucket.minute !== minute) {
      buckets.set(streamKey, { device: reading.device, info, bucket: { minute, readings: [point] } });
    } else {
      open.bucket.readings.push(point);
    }
    if (reading.value !== null) {
      const stream = extremes.get(streamKey) ?? {
        device: reading.device,
        info,
        extremes: { min: null, max: null },
      };
      const valid = { value: reading.value, time: reading.time };
      const { min, max } = stream.extremes;
      if (min === null || valid.value < min.value) stream.extremes.min = valid;
      if (max === null || valid.value > max.value) stream.extremes.max = valid;
      extremes.set(streamKey, stream);
    }
  }

  for (const open of buckets.values()) context.minute(open.device, open.info, open.bucket);
  for (const stream of extremes.values()) {
    const { min, max } = stream.extremes;
    if (min !== null) context.extreme(stream.device, stream.info, min, 'Lowest reading of the consultation');
    if (max !== null) context.extreme(stream.device, stream.info, max, 'Highest reading of the consultation');
  }
  for (const measurement of measurements.values()) context.measurement(measurement);
  for (const entry of skipped.values())
    writer.warn(entry.item, `${entry.count} reading(s) skipped: ${entry.reason}`);
}

/** Panel components in this order; systolic and diastolic are always present (absent values said so). */
const BP_COMPONENTS: readonly NibpMetric[] = [
  'MDC_PRESS_BLD_NONINV_SYS',
  'MDC_PRESS_BLD_NONINV_DIA',
  'MDC_PRESS_BLD_NONINV_MEAN',
  'MDC_PULS_RATE_NON_INV',
];
const BP_REQUIRED: ReadonlySet<string> = new Set(['MDC_PRESS_BLD_NONINV_SYS', 'MDC_PRESS_BLD_NONINV_DIA']);
/** What makes a cuff measurement a BP panel: a pressure (a pulse alone is a heart-rate Observation). */
const BP_PRESSURES: ReadonlySet<string> = new Set([...BP_REQUIRED, 'MDC_PRESS_BLD_NONINV_MEAN']);

function confirmationNote(time: string, confirmation: Confirmation | null): FhirObject {
  if (confirmation === null) return {};
  return {
    note: [
      {
        text:
          `Measured before the consultation (${time}); confirmed for this patient by ` +
          `${confirmation.by} at ${confirmation.at}`,
      },
    ],
  };
}

class NumericContext {
  /** Readings already exported by the minute sampling (device, metric, time). */
  private readonly exported = new Set<string>();

  constructor(
    private readonly writer: BundleWriter,
    private readonly devices: DeviceDirectory,
  ) {}

  /** One reading as it was taken. */
  point(device: string, info: MetricInfo, reading: Reading, note: string | null): void {
    this.add(`numeric/${device}/${info.id}/${reading.time}`, device, info, {
      effectiveDateTime: reading.time,
      ...valueOrAbsent(reading.value, info.unit),
      ...(note === null ? {} : { note: [{ text: note }] }),
    });
  }

  /** One episodic measurement: a `bp` panel for a cuff result, else one Observation per value. */
  measurement(measurement: Measurement): void {
    const { device, time, values, confirmation } = measurement;
    const note = confirmationNote(time, confirmation);
    if ([...values.keys()].some((id) => BP_PRESSURES.has(id))) {
      const parts = new Map<NibpMetric, number | null>();
      for (const [id, { value }] of values) if (isNibpMetric(id)) parts.set(id, value);
      this.bloodPressure(device, time, parts, note);
      return;
    }
    for (const { info, value } of values.values())
      this.add(`numeric/${device}/${info.id}/${time}`, device, info, {
        effectiveDateTime: time,
        ...valueOrAbsent(value, info.unit),
        ...note,
      });
  }

  /** One minute of a streamed metric: its last valid reading (the last reading if none is valid). */
  minute(device: string, info: MetricInfo, bucket: MinuteBucket): void {
    const chosen =
      bucket.readings.findLast((r) => r.value !== null) ?? bucket.readings[bucket.readings.length - 1];
    if (chosen === undefined) return;
    this.exported.add(`${device}\u0000${info.id}\u0000${chosen.time}`);
    if (bucket.readings.length === 1) {
      this.point(device, info, chosen, null);
      return;
    }
    const values = bucket.readings.flatMap((r) => (r.value === null ? [] : [r.value]));
    const invalid = bucket.readings.length - values.length;
    const note =
      values.length === 0
        ? `All ${bucket.readings.length} readings of this minute flagged invalid by the device`
        : `Last valid of ${bucket.readings.length} readings in this minute ` +
          `(min ${Math.min(...values)}, max ${Math.max(...values)}` +
          `${invalid > 0 ? `; ${invalid} flagged invalid` : ''})`;
    this.point(device, info, chosen, note);
  }

  /** A stream's lowest or highest reading, unless the minute sampling already exported it. */
  extreme(device: string, info: MetricInfo, reading: ValidReading, note: string): void {
    if (this.exported.has(`${device}\u0000${info.id}\u0000${reading.time}`)) return;
    this.point(device, info, reading, note);
  }

  /** One cuff result as a `bp` panel; a missing systolic or diastolic is an absent value, not a 0. */
  private bloodPressure(
    device: string,
    time: string,
    parts: ReadonlyMap<NibpMetric, number | null>,
    note: FhirObject,
  ): void {
    const component = (id: NibpMetric): FhirObject => {
      const info = METRICS[id];
      const value = parts.get(id);
      return {
        code: metricCode(info),
        ...(value === undefined
          ? { dataAbsentReason: dataAbsent('unknown') }
          : valueOrAbsent(value, info.unit)),
      };
    };
    const components = BP_COMPONENTS.filter((id) => BP_REQUIRED.has(id) || parts.has(id)).map(component);
    this.writer.add(this.writer.uniqueKey(`numeric/${device}/bp/${time}`), {
      resourceType: 'Observation',
      meta: { profile: [VITAL_SIGNS_PROFILE.bp] },
      status: 'final',
      category: [VITAL_SIGNS_CATEGORY],
      code: {
        coding: [loincCoding('85354-9'), mdcCoding(MDC_PRESS_BLD_NONINV, 'MDC_PRESS_BLD_NONINV')],
        text: 'Blood pressure',
      },
      subject: this.writer.ids.reference(PATIENT_KEY),
      encounter: this.writer.ids.reference(ENCOUNTER_KEY),
      effectiveDateTime: time,
      ...note,
      device: this.devices.reference(device),
      component: components,
    });
  }

  private add(key: string, device: string, info: MetricInfo, body: FhirObject): void {
    const profile = vitalSignsProfile(info);
    // Without a LOINC code (e.g. perfusion index) the reading is not a FHIR vital sign: no profile
    // and no vital-signs category, whose Observations must conform to the profiles.
    this.writer.add(this.writer.uniqueKey(key), {
      resourceType: 'Observation',
      ...(profile === null ? {} : { meta: { profile: [profile] } }),
      status: 'final',
      ...(profile === null ? {} : { category: [VITAL_SIGNS_CATEGORY] }),
      code: metricCode(info),
      subject: this.writer.ids.reference(PATIENT_KEY),
      encounter: this.writer.ids.reference(ENCOUNTER_KEY),
      ...body,
      device: this.devices.reference(device),
    });
  }
}

function valueOrAbsent(value: number | null, unit: string): FhirObject {
  return value === null
    ? { dataAbsentReason: dataAbsent('error') }
    : { valueQuantity: quantity(value, unit) };
}
