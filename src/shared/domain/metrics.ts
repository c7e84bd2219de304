/**
 * The metric table: each IEEE 11073-10101 reference id we emit, with its numeric MDC code, LOINC
 * codes for FHIR, UCUM unit and display names. Sources: ../shared/reference/market-and-standards.md
 * §C1–C2 (LOINC from the FHIR R4 vital-signs value set, MDC codes from monitor sample messages;
 * pleth 150452 and perfusion index 150448 from the 11073 partition 2 term codes 19380 and 19376).
 */

export type MetricKind = 'numeric' | 'waveform';

/**
 * How a device delivers a metric (design §3). *Continuous* values stream (SpO2, pulse, HR,
 * respiration, a monitor's temperature probe, waveforms): each reading is a new sample of a value
 * that is always there. *Episodic* values are one measurement each (a cuff's NIBP result and its
 * pulse, a thermometer's spot reading): the device measures once, then holds and repeats the
 * result; a repeat is the same measurement, never a new one.
 */
export type MeasurementKind = 'continuous' | 'episodic';

/**
 * The widest range a value of the metric can take in a living patient, as measured by any device
 * we know. A decoder drops a value outside it (counted `out-of-range`) instead of emitting it; a
 * driver may narrow it to its device's published measurement range. `source` says where the bounds
 * come from, so a reviewer can check them.
 */
export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
  readonly source: string;
}

export interface MetricInfo {
  /** IEEE 11073-10101 reference id, e.g. MDC_PULS_OXIM_SAT_O2. */
  readonly id: string;
  /** IEEE 11073-10101 numeric code (partition × 65536 + term code). */
  readonly mdcCode: number;
  readonly kind: MetricKind;
  /** LOINC codes, most specific FHIR base code first; empty where LOINC has no term we trust. */
  readonly loinc: readonly string[];
  /** UCUM unit code as it appears in readings. */
  readonly unit: string;
  /** Short label for tiles, in English and French. */
  readonly label: { readonly en: string; readonly fr: string };
  /** Physiological range used to scale displays (not an alarm limit). */
  readonly displayRange: readonly [number, number];
  /** Continuous (streamed) or episodic (one measurement, held and repeated by the device). */
  readonly measurement: MeasurementKind;
  /**
   * Bounds outside which a numeric value is impossible (dropped, never a reading). Null for
   * waveforms: their samples are in device units already bounded by the decoder's ADC width.
   */
  readonly plausible: PlausibleRange | null;
  /** Decimals shown on screens and in reports (PI 0.04 % needs two; SpO2 needs none). */
  readonly precision: number;
}

/*
 * Plausible ranges. Broad physiological bounds, wider than any device's measurement range, so
 * that only a value no patient can have is dropped; drivers narrow them to their device's spec.
 */
const HEART_RATE_RANGE: PlausibleRange = {
  min: 0,
  max: 350,
  source:
    'broad bound above every published monitor range (Philips IntelliVue HR 15–300 /min, Nonin 9560 18–321, ' +
    'Masimo Rad-8 25–240, Nellcor N-600x 20–250); 0 is asystole on an ECG',
};
const NIBP_RANGE: PlausibleRange = {
  min: 0,
  max: 300,
  source: 'cuff transducer span of NIBP monitors (Omron HEM 0–299 mmHg, IntelliVue NIBP 0–300 mmHg)',
};
const TEMPERATURE_RANGE: PlausibleRange = {
  min: 10,
  max: 50,
  source:
    'outside every recorded survival (lowest 13.7 °C, Gilbert et al., Lancet 2000; highest 46.5 °C, ' +
    'Slovis et al., 1982): a reading there is a probe in the air or a decoding error',
};

const PULSE_LABEL = { en: 'Pulse', fr: 'Pouls' } as const;

export const METRICS = {
  MDC_PULS_OXIM_SAT_O2: {
    id: 'MDC_PULS_OXIM_SAT_O2',
    mdcCode: 150456,
    kind: 'numeric',
    loinc: ['2708-6', '59408-5'],
    unit: '%',
    label: { en: 'SpO₂', fr: 'SpO₂' },
    displayRange: [50, 100],
    measurement: 'continuous',
    plausible: { min: 0, max: 100, source: 'a saturation is a fraction: 0–100 % by definition' },
    precision: 0,
  },
  MDC_PULS_OXIM_PULS_RATE: {
    id: 'MDC_PULS_OXIM_PULS_RATE',
    mdcCode: 149530,
    kind: 'numeric',
    loinc: ['8867-4'],
    unit: '/min',
    label: PULSE_LABEL,
    displayRange: [0, 250],
    measurement: 'continuous',
    plausible: HEART_RATE_RANGE,
    precision: 0,
  },
  MDC_PULS_OXIM_PERF_REL: {
    id: 'MDC_PULS_OXIM_PERF_REL',
    mdcCode: 150448,
    kind: 'numeric',
    loinc: [],
    unit: '%',
    label: { en: 'PI', fr: 'IP' },
    displayRange: [0, 22],
    measurement: 'continuous',
    plausible: {
      min: 0,
      max: 100,
      source:
        'pulsatile over total absorption: 0–100 % by definition (devices report 0.02–20 %, Masimo Rad-8)',
    },
    precision: 2,
  },
  MDC_PULS_OXIM_PLETH: {
    id: 'MDC_PULS_OXIM_PLETH',
    mdcCode: 150452,
    kind: 'waveform',
    loinc: [],
    unit: '1',
    label: { en: 'Pleth', fr: 'Pléth' },
    displayRange: [0, 127],
    measurement: 'continuous',
    plausible: null,
    precision: 0,
  },
  MDC_ECG_HEART_RATE: {
    id: 'MDC_ECG_HEART_RATE',
    mdcCode: 147842,
    kind: 'numeric',
    loinc: ['8867-4'],
    unit: '/min',
    label: { en: 'HR', fr: 'FC' },
    displayRange: [0, 300],
    measurement: 'continuous',
    plausible: HEART_RATE_RANGE,
    precision: 0,
  },
  MDC_PULS_RATE_NON_INV: {
    id: 'MDC_PULS_RATE_NON_INV',
    mdcCode: 149546,
    kind: 'numeric',
    loinc: ['8867-4'],
    unit: '/min',
    label: PULSE_LABEL,
    displayRange: [0, 250],
    measurement: 'episodic',
    plausible: HEART_RATE_RANGE,
    precision: 0,
  },
  MDC_PRESS_BLD_NONINV_SYS: {
    id: 'MDC_PRESS_BLD_NONINV_SYS',
    mdcCode: 150021,
    kind: 'numeric',
    loinc: ['8480-6'],
    unit: 'mm[Hg]',
    label: { en: 'Systolic', fr: 'Systolique' },
    displayRange: [0, 300],
    measurement: 'episodic',
    plausible: NIBP_RANGE,
    precision: 0,
  },
  MDC_PRESS_BLD_NONINV_DIA: {
    id: 'MDC_PRESS_BLD_NONINV_DIA',
    mdcCode: 150022,
    kind: 'numeric',
    loinc: ['8462-4'],
    unit: 'mm[Hg]',
    label: { en: 'Diastolic', fr: 'Diastolique' },
    displayRange: [0, 300],
    measurement: 'episodic',
    plausible: NIBP_RANGE,
    precision: 0,
  },
  MDC_PRESS_BLD_NONINV_MEAN: {
    id: 'MDC_PRESS_BLD_NONINV_MEAN',
    mdcCode: 150023,
    kind: 'numeric',
    loinc: ['8478-0'],
    unit: 'mm[Hg]',
    label: { en: 'Mean', fr: 'Moyenne' },
    displayRange: [0, 300],
    measurement: 'episodic',
    plausible: NIBP_RANGE,
    precision: 0,
  },
  MDC_TEMP_BODY: {
    id: 'MDC_TEMP_BODY',
    mdcCode: 150364,
    kind: 'numeric',
    loinc: ['8310-5'],
    unit: 'Cel',
    label: { en: 'Temp', fr: 'Temp' },
    displayRange: [30, 45],
    // A thermometer's spot reading (BLE Health Thermometer, a monitor's predictive thermometer).
    measurement: 'episodic',
    plausible: TEMPERATURE_RANGE,
    precision: 1,
  },
  MDC_TEMP: {
    id: 'MDC_TEMP',
    mdcCode: 150344,
    kind: 'numeric',
    loinc: ['8310-5'],
    unit: 'Cel',
    label: { en: 'Temp', fr: 'Temp' },
    displayRange: [30, 45],
    // A monitor's temperature probe, streamed at every poll.
    measurement: 'continuous',
    plausible: TEMPERATURE_RANGE,
    precision: 1,
  },
  MDC_RESP_RATE: {
    id: 'MDC_RESP_RATE',
    mdcCode: 151562,
    kind: 'numeric',
    loinc: ['9279-1'],
    unit: '/min',
    label: { en: 'Resp', fr: 'FR' },
    displayRange: [0, 60],
    measurement: 'continuous',
    plausible: {
      min: 0,
      max: 150,
      source: 'above every monitor range (IntelliVue Resp 0–120 rpm); neonates breathe up to ~100 /min',
    },
    precision: 0,
  },
  MDC_ECG_ELEC_POTL_I: ecgLead('I', 131329),
  MDC_ECG_ELEC_POTL_II: ecgLead('II', 131330),
  MDC_ECG_ELEC_POTL_III: ecgLead('III', 131389),
  MDC_ECG_ELEC_POTL_AVR: ecgLead('aVR', 131390),
  MDC_ECG_ELEC_POTL_AVL: ecgLead('aVL', 131391),
  MDC_ECG_ELEC_POTL_AVF: ecgLead('aVF', 131392),
  MDC_ECG_ELEC_POTL_V1: ecgLead('V1', 131331),
  MDC_ECG_ELEC_POTL_V2: ecgLead('V2', 131332),
  MDC_ECG_ELEC_POTL_V3: ecgLead('V3', 131333),
  MDC_ECG_ELEC_POTL_V4: ecgLead('V4', 131334),
  MDC_ECG_ELEC_POTL_V5: ecgLead('V5', 131335),
  MDC_ECG_ELEC_POTL_V6: ecgLead('V6', 131336),
  // Generic ECG lead (no lead named): 131328 per market-and-standards.md §C2 (FHIR example "ekg").
  // Its one emitter, the AD8232 text stream, sends raw ADC counts (no sourced transfer function to
  // mV), hence unit '1' and a 10-bit ADC display range.
  MDC_ECG_ELEC_POTL: {
    id: 'MDC_ECG_ELEC_POTL',
    mdcCode: 131328,
    kind: 'waveform',
    loinc: [],
    unit: '1',
    label: { en: 'ECG', fr: 'ECG' },
    displayRange: [0, 1023],
    measurement: 'continuous',
    plausible: null,
    precision: 0,
  },
} as const satisfies Record<string, MetricInfo>;

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as [MetricId, ...MetricId[]];

/** The IEEE 11073-10101 code system URI used in FHIR codings. */
export const MDC_SYSTEM = 'urn:iso:std:iso:11073:10101';
export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

export function metricInfo(id: MetricId): MetricInfo {
  return METRICS[id];
}

export function isEpisodic(id: MetricId): boolean {
  return METRICS[id].measurement === 'episodic';
}

export function isMetricId(value: string): value is MetricId {
  return Object.hasOwn(METRICS, value);
}

function ecgLead(lead: string, mdcCode: number): MetricInfo {
  return {
    id: `MDC_ECG_ELEC_POTL_${lead.toUpperCase()}`,
    mdcCode,
    kind: 'waveform',
    loinc: [],
    unit: 'mV',
    label: { en: `ECG ${lead}`, fr: `ECG ${lead}` },
    displayRange: [-2, 2],
    measurement: 'continuous',
    plausible: null,
    precision: 3,
  };
}
