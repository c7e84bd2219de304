import type { DerivationBasis } from './sample-codec';
import type { WaveRun } from './wave-run';
import { EXPONENT_MASK } from './wire-format';

/**
 * Einthoven's law: lead III = lead II − lead I (the three are the potential differences around the
 * same triangle of limb electrodes). A 3-lead ECG sends III as its difference from II − I (a few
 * steps of rounding and noise, one byte a sample instead of ~1.6), and the doctor's side adds it
 * back: the samples the device sent arrive exactly, whether it measured III or computed it.
 */
export const LEAD_I = 'MDC_ECG_ELEC_POTL_I';
export const LEAD_II = 'MDC_ECG_ELEC_POTL_II';
export const LEAD_III = 'MDC_ECG_ELEC_POTL_III';

/**
 * Leads I and II of the same device, samples and exponent as a lead III record starting at
 * `startMs` with `count` samples, or null (then III goes on its own).
 */
export function derivationBasis(
  leadI: WaveRun | undefined,
  leadII: WaveRun | undefined,
  startMs: number,
  count: number,
): (DerivationBasis & { exponent: number }) | null {
  if (leadI === undefined || leadII === undefined) return null;
  if (leadI.mantissas === null || leadII.mantissas === null) return null;
  const exponent = leadI.encoding & EXPONENT_MASK;
  const same = (run: WaveRun): boolean => run.startMs === startMs && run.count === count;
  if (!same(leadI) || !same(leadII) || (leadII.encoding & EXPONENT_MASK) !== exponent) return null;
  return { leadI: leadI.mantissas, leadII: leadII.mantissas, exponent };
}
