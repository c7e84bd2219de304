import type { MetricId } from '../../shared/domain/metrics';

/**
 * The four limb leads a 12-lead ECG does not measure but computes from leads I and II, exactly as
 * electrocardiographs do (the electrodes give only two independent frontal-plane potentials):
 * Einthoven's III = II − I, and Goldberger's augmented leads
 * aVR = −(I + II) / 2, aVL = I − II / 2, aVF = II − I / 2.
 * Values are computed in integer steps (`stepsPerMv`, the decoder's resolution) and divided once,
 * so I + III = II holds in steps at every sample, and an augmented lead is rounded half away from
 * zero to the same step.
 */
export const DERIVED_LIMB_LEADS = [
  'MDC_ECG_ELEC_POTL_III',
  'MDC_ECG_ELEC_POTL_AVR',
  'MDC_ECG_ELEC_POTL_AVL',
  'MDC_ECG_ELEC_POTL_AVF',
] as const satisfies readonly MetricId[];

export const MEASURED_LIMB_LEADS = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II'] as const;

/** Writes III, aVR, aVL, aVF (in that order) into `out` at `at`, from I and II in mV. */
export function deriveLimbLeads(
  leadI: number,
  leadII: number,
  stepsPerMv: number,
  out: number[],
  at: number,
): void {
  const i = Math.round(leadI * stepsPerMv);
  const ii = Math.round(leadII * stepsPerMv);
  // `+ 0` turns a rounded -0 into 0, as the decoders' own scaling does.
  out[at] = (ii - i) / stepsPerMv + 0;
  out[at + 1] = halfSteps(-(i + ii)) / stepsPerMv + 0;
  out[at + 2] = halfSteps(2 * i - ii) / stepsPerMv + 0;
  out[at + 3] = halfSteps(2 * ii - i) / stepsPerMv + 0;
}

/** n / 2 rounded half away from zero (symmetric: a lead and its opposite round alike). */
function halfSteps(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n) / 2);
}
