import type { Prng } from '../framing/prng';

/**
 * A simulated patient's ECG for device simulators: P-QRS-T morphology from Gaussian waves (the
 * usual synthetic-ECG construction), a heart rate wandering in 60–90 bpm, small noise and a slow
 * respiratory baseline wander. Each wave is a vector in the frontal plane (its own electrical
 * axis), so the limb leads are projections of one heart vector and Einthoven's law II = I + III
 * holds exactly for the values returned (before any quantisation by a device).
 * Amplitudes are in mV: the R wave is about 1 mV in lead II. With `fixedBpm` the rate does not
 * wander: every R-R interval is 60/fixedBpm s (tests measure a known interval on the doctor's page).
 * `nextTwelveLead` adds the six precordial leads for a simulated 12-lead ECG: each wave also has a
 * component toward the front of the chest, and V1–V6 are projections of the heart vector on the
 * horizontal plane (V1 right of the sternum … V6 under the left arm) with a per-lead gain for the
 * electrode's nearness to the heart, plus their own noise: an rS in V1 growing to a qR in V6 with
 * the transition near V3–V4. A plausible simulation, not a recorded patient.
 */

export interface EcgLeadValues {
  /** mV */
  readonly i: number;
  readonly ii: number;
  readonly iii: number;
}

/** One sample of a simulated 12-lead ECG: the limb leads and V1–V6 (mV). */
export interface EcgTwelveLeadValues extends EcgLeadValues {
  readonly v: readonly [number, number, number, number, number, number];
}

interface Wave {
  /** Centre relative to the R peak, s (scaled by √RR for the T wave: QT shortens with rate). */
  readonly offsetS: number;
  readonly amplitudeMv: number;
  readonly widthS: number;
  /** Electrical axis in the frontal plane, degrees (lead I at 0°, II at 60°, III at 120°). */
  readonly axisDeg: number;
  readonly scalesWithRr: boolean;
  /** Peak component toward the front of the chest, mV (the septum's Q anterior, the R posterior). */
  readonly anteriorMv: number;
}

const WAVES: readonly Wave[] = [
  { offsetS: -0.17, amplitudeMv: 0.15, widthS: 0.025, axisDeg: 55, scalesWithRr: false, anteriorMv: 0.02 },
  { offsetS: -0.035, amplitudeMv: -0.12, widthS: 0.01, axisDeg: 50, scalesWithRr: false, anteriorMv: 0.15 },
  { offsetS: 0, amplitudeMv: 1.05, widthS: 0.011, axisDeg: 50, scalesWithRr: false, anteriorMv: -0.15 },
  { offsetS: 0.035, amplitudeMv: -0.25, widthS: 0.011, axisDeg: 50, scalesWithRr: false, anteriorMv: -0.25 },
  { offsetS: 0.3, amplitudeMv: 0.3, widthS: 0.05, axisDeg: 40, scalesWithRr: true, anteriorMv: 0.15 },
];
/**
 * Each precordial lead's direction in the horizontal plane, degrees from the patient's left toward
 * the front (V6 at 0°, V1 at 115°), and its gain (the middle electrodes sit nearest the heart).
 */
const PRECORDIAL = [
  { angleDeg: 115, gain: 1.0 },
  { angleDeg: 90, gain: 1.3 },
  { angleDeg: 75, gain: 1.5 },
  { angleDeg: 60, gain: 1.6 },
  { angleDeg: 30, gain: 1.4 },
  { angleDeg: 0, gain: 1.0 },
] as const;
/** Beyond this many widths a Gaussian wave contributes nothing worth computing. */
const WAVE_REACH_WIDTHS = 5;
const MIN_BPM = 60;
const MAX_BPM = 90;
/** A fixed rate a test may ask for: slow enough that the waves of two beats never overlap. */
export const MIN_FIXED_BPM = 30;
export const MAX_FIXED_BPM = 180;
const NOISE_MV = 0.008;
const WANDER_MV = 0.03;
const BREATHS_PER_S = 0.25;
const DEG = Math.PI / 180;
const LEAD_II_RAD = 60 * DEG;

export class EcgModel {
  private readonly periodS: number;
  private sampleIndex = 0;
  private bpm: number;
  private lastRS: number;
  private nextRS: number;

  constructor(
    private readonly prng: Prng,
    rateHz: number,
    private readonly fixedBpm?: number,
  ) {
    if (!(rateHz > 0)) throw new TypeError(`EcgModel: rateHz must be positive, got ${rateHz}`);
    if (fixedBpm !== undefined && !(fixedBpm >= MIN_FIXED_BPM && fixedBpm <= MAX_FIXED_BPM))
      throw new TypeError(`EcgModel: fixedBpm must be ${MIN_FIXED_BPM}–${MAX_FIXED_BPM}, got ${fixedBpm}`);
    this.periodS = 1 / rateHz;
    this.bpm = fixedBpm ?? prng.int(65, 85);
    // Start mid-cycle, so the first samples are not all at the same point of a beat.
    this.lastRS = -prng.next() * (60 / this.bpm);
    this.nextRS = this.lastRS + 60 / this.bpm;
  }

  /** Current heart rate, bpm. */
  get heartRateBpm(): number {
    return this.bpm;
  }

  /** The next sample, one period after the previous one. */
  next(): EcgLeadValues {
    return this.step(false);
  }

  /** The next sample with V1–V6 (a model used this way should not also be read with `next`). */
  nextTwelveLead(): EcgTwelveLeadValues {
    return this.step(true) as EcgTwelveLeadValues;
  }

  private step(precordial: boolean): EcgLeadValues | EcgTwelveLeadValues {
    const t = this.sampleIndex++ * this.periodS;
    while (t >= this.nextRS) this.beat();
    const rrS = this.nextRS - this.lastRS;
    let x = 0;
    let y = 0;
    let z = 0;
    for (const wave of WAVES) {
      const a = waveAt(wave, t - this.lastRS, rrS) + waveAt(wave, t - this.nextRS, rrS);
      x += a * Math.cos(wave.axisDeg * DEG);
      y += a * Math.sin(wave.axisDeg * DEG);
      if (precordial) z += (a / wave.amplitudeMv) * wave.anteriorMv;
    }
    const heartX = x;
    x += this.noise();
    y += this.noise() + WANDER_MV * Math.sin(2 * Math.PI * BREATHS_PER_S * t);
    const i = x;
    const ii = x * Math.cos(LEAD_II_RAD) + y * Math.sin(LEAD_II_RAD);
    if (!precordial) return { i, ii, iii: ii - i };
    const v = PRECORDIAL.map(
      ({ angleDeg, gain }) =>
        gain * (heartX * Math.cos(angleDeg * DEG) + z * Math.sin(angleDeg * DEG)) + this.noise(),
    ) as unknown as EcgTwelveLeadValues['v'];
    return { i, ii, iii: ii - i, v };
  }

  private beat(): void {
    if (this.fixedBpm !== undefined) {
      this.lastRS = this.nextRS;
      this.nextRS += 60 / this.fixedBpm;
      return;
    }
    this.bpm = Math.min(MAX_BPM, Math.max(MIN_BPM, this.bpm + this.prng.int(-2, 2)));
    this.lastRS = this.nextRS;
    this.nextRS += 60 / this.bpm;
  }

  /** Roughly Gaussian (sum of three uniforms), standard deviation NOISE_MV. */
  private noise(): number {
    return (this.prng.next() + this.prng.next() + this.prng.next() - 1.5) * 2 * NOISE_MV;
  }
}

function waveAt(wave: Wave, sinceRS: number, rrS: number): number {
  const centre = wave.scalesWithRr ? wave.offsetS * Math.sqrt(rrS) : wave.offsetS;
  const d = sinceRS - centre;
  if (Math.abs(d) > WAVE_REACH_WIDTHS * wave.widthS) return 0;
  return wave.amplitudeMv * Math.exp(-(d * d) / (2 * wave.widthS * wave.widthS));
}
