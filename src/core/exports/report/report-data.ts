import { isMetricId, METRICS } from '../../../shared/domain/metrics';
import type { ConsultationDetail } from '../../../shared/domain/consultation';
import type { RecordedNumeric } from '../export-source';

/**
 * What the report prints, derived from the record without any drawing: names for metrics, and
 * blood-pressure results regrouped from their separate numerics.
 */

/** The metric table's label (SpO₂, Pouls…), or the 11073 id for a metric we have no label for. */
export function metricLabel(metric: string, language: 'en' | 'fr'): string {
  return isMetricId(metric) ? METRICS[metric].label[language] : metric;
}

const BP_PARTS = {
  MDC_PRESS_BLD_NONINV_SYS: 'systolic',
  MDC_PRESS_BLD_NONINV_DIA: 'diastolic',
  MDC_PRESS_BLD_NONINV_MEAN: 'mean',
  MDC_PULS_RATE_NON_INV: 'pulse',
} as const;

export interface BloodPressureResult {
  readonly device: string;
  /** ISO time the cuff reported the result with (all its parts carry the same time). */
  readonly time: string;
  readonly systolic: number | null;
  readonly diastolic: number | null;
  readonly mean: number | null;
  readonly pulse: number | null;
  /** Unit of the pressures as recorded (mm[Hg] in practice). */
  readonly unit: string;
  /** Set when the cuff measured before the consultation and the nurse confirmed it for this patient. */
  readonly confirmation: RecordedNumeric['confirmation'] | null;
}

/**
 * One entry per cuff measurement: the cuff sends systolic, diastolic, mean and pulse as separate
 * numerics with the same time, so they are regrouped by device and time. A result with neither
 * systolic nor diastolic (a pulse alone) is not a blood pressure and is left out.
 */
export function bloodPressureResults(numerics: Iterable<RecordedNumeric>): BloodPressureResult[] {
  const byKey = new Map<string, { -readonly [K in keyof BloodPressureResult]: BloodPressureResult[K] }>();
  for (const n of numerics) {
    const part = (BP_PARTS as Record<string, (typeof BP_PARTS)[keyof typeof BP_PARTS] | undefined>)[n.metric];
    if (part === undefined) continue;
    const key = `${n.device}\u0000${n.time}`;
    let result = byKey.get(key);
    if (result === undefined) {
      result = {
        device: n.device,
        time: n.time,
        systolic: null,
        diastolic: null,
        mean: null,
        pulse: null,
        unit: 'mm[Hg]',
        confirmation: null,
      };
      byKey.set(key, result);
    }
    result[part] = n.value;
    result.confirmation ??= n.confirmation ?? null;
    if (part !== 'pulse') result.unit = n.unit;
  }
  return [...byKey.values()]
    .filter((r) => r.systolic !== null || r.diastolic !== null)
    .sort((a, b) => a.time.localeCompare(b.time));
}

/** Seconds between two ISO instants, or null while the consultation is still open. */
export function durationSeconds(startedAt: string, endedAt: string | null): number | null {
  if (endedAt === null) return null;
  return Math.max(0, (Date.parse(endedAt) - Date.parse(startedAt)) / 1000);
}

/**
 * The report's version the PDF prints (the latest) when it is not the first: a reader must know the
 * text was amended, and when. Null for a first version or a record without versions.
 */
export function amendedReport(detail: ConsultationDetail): { version: number; savedAt: string } | null {
  let latest: { version: number; savedAt: string } | null = null;
  for (const v of detail.versions ?? [])
    if (v.kind === 'report' && (latest === null || v.version > latest.version))
      latest = { version: v.version, savedAt: v.savedAt };
  return latest !== null && latest.version > 1 ? latest : null;
}
