import type { MetricInfo } from '../../../shared/domain/metrics';
import {
  DATA_ABSENT_REASON_SYSTEM,
  LOINC_DISPLAY,
  LOINC_SYSTEM,
  MDC_SYSTEM,
  OBSERVATION_CATEGORY_SYSTEM,
  UCUM_SYSTEM,
  VITAL_SIGNS_PROFILE,
} from './codes';
import type { FhirObject } from './types';

/** Pieces shared by the numeric and waveform Observations. */

export const VITAL_SIGNS_CATEGORY: FhirObject = {
  coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'vital-signs', display: 'Vital Signs' }],
};

/** The vital-signs profile a metric's Observations claim, chosen by its first (base) LOINC code. */
export function vitalSignsProfile(info: MetricInfo): string | null {
  switch (info.loinc[0]) {
    case '2708-6':
      return VITAL_SIGNS_PROFILE.oxygensat;
    case '8867-4':
      return VITAL_SIGNS_PROFILE.heartrate;
    case '8310-5':
      return VITAL_SIGNS_PROFILE.bodytemp;
    case '9279-1':
      return VITAL_SIGNS_PROFILE.resprate;
    default:
      return null;
  }
}

export function loincCoding(code: string): FhirObject {
  const display = LOINC_DISPLAY[code];
  return display === undefined ? { system: LOINC_SYSTEM, code } : { system: LOINC_SYSTEM, code, display };
}

export function mdcCoding(code: number, referenceId: string): FhirObject {
  return { system: MDC_SYSTEM, code: String(code), display: referenceId };
}

/** Every LOINC code of the metric, then its MDC code: the same concept in both systems. */
export function metricCode(info: MetricInfo): FhirObject {
  return { coding: [...info.loinc.map(loincCoding), mdcCoding(info.mdcCode, info.id)], text: info.label.en };
}

export function quantity(value: number, unit: string): FhirObject {
  return { value, unit, system: UCUM_SYSTEM, code: unit };
}

/** Why a value is missing: `error` when the device flagged it invalid, `unknown` when never sent. */
export function dataAbsent(code: 'error' | 'unknown'): FhirObject {
  return {
    coding: [{ system: DATA_ABSENT_REASON_SYSTEM, code, display: code === 'error' ? 'Error' : 'Unknown' }],
  };
}
