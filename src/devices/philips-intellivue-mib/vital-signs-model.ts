import type { Prng } from '../framing/prng';

/**
 * A plausible bedside patient for the simulated monitor, one step per poll (about a second):
 * heart rate 60–100 /min wandering slowly, the oximeter's pulse rate within a beat of it, SpO2
 * 95–99 %, respiration 12–20 /min, temperature 36.5–37.5 °C in tenths, and now and then a few
 * seconds of SpO2 probe-off (no SpO2 or pulse). Non-invasive blood pressure is a cuff measurement:
 * none until the first cuff cycle ends (or a result held from before monitoring started), then
 * the monitor holds the last result, which every step repeats, until the next cycle. Deterministic
 * from the generator it is given.
 */
export interface NibpResult {
  readonly systolic: number;
  readonly diastolic: number;
  readonly mean: number;
  /** The pulse rate the cuff measured. */
  readonly pulse: number;
}

export interface VitalSigns {
  readonly heartRate: number;
  readonly spo2: number | null;
  readonly pulseRate: number | null;
  /** The result the monitor holds (repeated every step), with the number of its cuff cycle. */
  readonly nibp: (NibpResult & { readonly cycle: number }) | null;
  readonly temperature: number;
  readonly respirationRate: number;
}

export interface NibpSchedule {
  /** The step (poll) whose reply first holds the first cuff result; 0 = the first reply. */
  readonly firstStep?: number;
  /** Steps between cuff results. */
  readonly everySteps?: number;
  /** A result the monitor already holds when monitoring starts (cycle 0). */
  readonly held?: NibpResult;
}

/** First NIBP result this long after monitoring starts, then one per interval. */
export const NIBP_FIRST_RESULT_S = 8;
export const NIBP_INTERVAL_S = 60;
const PROBE_OFF_CHANCE_PER_STEP = 1 / 40;
const PROBE_OFF_STEPS = 3;

export class VitalSignsModel {
  private step = 0;
  private heartRate: number;
  private spo2: number;
  private respirationRate: number;
  private temperatureTenths: number;
  private nibp: VitalSigns['nibp'];
  private probeOffLeft = 0;
  private readonly firstNibpStep: number;
  private readonly nibpEverySteps: number;

  constructor(
    private readonly prng: Prng,
    schedule: NibpSchedule = {},
  ) {
    this.heartRate = prng.int(65, 90);
    this.spo2 = prng.int(95, 99);
    this.respirationRate = prng.int(12, 18);
    this.temperatureTenths = prng.int(365, 375);
    this.firstNibpStep = schedule.firstStep ?? NIBP_FIRST_RESULT_S;
    this.nibpEverySteps = Math.max(1, schedule.everySteps ?? NIBP_INTERVAL_S);
    this.nibp = schedule.held === undefined ? null : { ...schedule.held, cycle: 0 };
  }

  next(): VitalSigns {
    const { prng } = this;
    this.heartRate = clamp(this.heartRate + prng.int(-2, 2), 60, 100);
    this.spo2 = clamp(this.spo2 + prng.int(-1, 1), 95, 99);
    if (prng.chance(0.2)) this.respirationRate = clamp(this.respirationRate + prng.int(-1, 1), 12, 20);
    if (prng.chance(0.1)) this.temperatureTenths = clamp(this.temperatureTenths + prng.int(-1, 1), 365, 375);
    if (this.probeOffLeft > 0) this.probeOffLeft--;
    else if (this.step > this.firstNibpStep && prng.chance(PROBE_OFF_CHANCE_PER_STEP)) {
      this.probeOffLeft = PROBE_OFF_STEPS;
    }
    const sinceFirst = this.step - this.firstNibpStep;
    if (sinceFirst >= 0 && sinceFirst % this.nibpEverySteps === 0) {
      const systolic = prng.int(105, 135);
      const diastolic = prng.int(65, 85);
      const mean = Math.round((systolic + 2 * diastolic) / 3);
      const cycle = (this.nibp?.cycle ?? 0) + 1;
      this.nibp = { systolic, diastolic, mean, pulse: this.heartRate, cycle };
    }
    this.step++;
    const probeOff = this.probeOffLeft > 0;
    return {
      heartRate: this.heartRate,
      spo2: probeOff ? null : this.spo2,
      pulseRate: probeOff ? null : this.heartRate + prng.int(-1, 1),
      nibp: this.nibp,
      temperature: this.temperatureTenths / 10,
      respirationRate: this.respirationRate,
    };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
