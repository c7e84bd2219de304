import type { Prng } from '../framing/prng';

/**
 * A plausible pulse oximeter for simulators: a pleth pulse shape (systolic peak and dicrotic
 * wave, slight respiratory baseline swing) at the current pulse rate, SpO2 wandering within
 * 95–99 %, pulse rate within 60–90 /min, perfusion index within 0.5–5 %, and now and then a
 * finger-out episode (probe off, then searching) as a real patient causes. Deterministic from the
 * generator it is given. Protocol encoders map each sample to their own wire format.
 */
export interface PhysiologySample {
  /** 0..127. */
  readonly pleth: number;
  readonly spo2: number | null;
  readonly pulseRate: number | null;
  /** Perfusion index in hundredths of a percent (0..2200). */
  readonly perfusionIndexHundredths: number | null;
  readonly probeOff: boolean;
  readonly searching: boolean;
  readonly pulseBeep: boolean;
  /** 0..8. */
  readonly signalStrength: number;
  /** Pulse bar graph 0..15. */
  readonly bar: number;
}

const SPO2_RANGE = [95, 99] as const;
const PULSE_RATE_RANGE = [60, 90] as const;
const PI_RANGE_HUNDREDTHS = [50, 500] as const;
/** Chance per second of a finger-out episode while measuring. */
const FINGER_OUT_CHANCE_PER_S = 1 / 300;
const FINGER_OUT_S = 3;
const SEARCHING_S = 2;
const BEEP_SAMPLES = 3;
const PROBE_OFF_PLETH = 0x40;

type Phase = 'measuring' | 'probe-off' | 'searching';

export class PulseOximetryModel {
  private readonly samplesPerSecond: number;
  private sampleIndex = 0;
  private phase: Phase = 'measuring';
  private phaseSamplesLeft = 0;
  private spo2 = 97;
  private pulseRate = 72;
  private targetPulseRate = 72;
  private piHundredths = 180;
  private beatPhase = 0;
  private beepSamplesLeft = 0;

  constructor(
    private readonly prng: Prng,
    rateHz: number,
  ) {
    this.samplesPerSecond = Math.round(rateHz);
    this.spo2 = prng.int(SPO2_RANGE[0], SPO2_RANGE[1]);
    this.pulseRate = prng.int(PULSE_RATE_RANGE[0], PULSE_RATE_RANGE[1]);
    this.targetPulseRate = this.pulseRate;
  }

  next(): PhysiologySample {
    if (this.sampleIndex % this.samplesPerSecond === 0) this.everySecond();
    this.sampleIndex++;
    if (this.phase !== 'measuring' && --this.phaseSamplesLeft <= 0) this.advancePhase();

    this.beatPhase += this.pulseRate / 60 / this.samplesPerSecond;
    if (this.beatPhase >= 1) {
      this.beatPhase -= 1;
      this.beepSamplesLeft = BEEP_SAMPLES;
    }
    const beep = this.beepSamplesLeft > 0;
    if (beep) this.beepSamplesLeft--;

    if (this.phase === 'probe-off') {
      return {
        pleth: PROBE_OFF_PLETH,
        ...NO_VALUES,
        probeOff: true,
        searching: false,
        pulseBeep: false,
        signalStrength: 0,
        bar: 0,
      };
    }
    const shape = pulseShape(this.beatPhase);
    const breathing = 0.06 * Math.sin((2 * Math.PI * this.sampleIndex) / (this.samplesPerSecond * 4));
    if (this.phase === 'searching') {
      const pleth = clamp(Math.round(PROBE_OFF_PLETH + 20 * breathing + this.prng.int(-3, 3)), 0, 127);
      return {
        pleth,
        ...NO_VALUES,
        probeOff: false,
        searching: true,
        pulseBeep: false,
        signalStrength: 1,
        bar: 0,
      };
    }
    return {
      pleth: clamp(Math.round(12 + 100 * (shape + breathing)), 0, 127),
      spo2: this.spo2,
      pulseRate: Math.round(this.pulseRate),
      perfusionIndexHundredths: this.piHundredths,
      probeOff: false,
      searching: false,
      pulseBeep: beep,
      signalStrength: clamp(3 + Math.round(this.piHundredths / 100), 0, 8),
      bar: clamp(Math.round(shape * 15), 0, 15),
    };
  }

  /** Slow physiology: SpO2, pulse-rate target, perfusion, and finger-out episodes. */
  private everySecond(): void {
    const { prng } = this;
    if (prng.chance(0.25)) this.spo2 = clamp(this.spo2 + prng.int(-1, 1), SPO2_RANGE[0], SPO2_RANGE[1]);
    if (prng.chance(0.1)) this.targetPulseRate = prng.int(PULSE_RATE_RANGE[0], PULSE_RATE_RANGE[1]);
    // Heart rate follows its target at up to 1 /min per second, like a resting patient.
    this.pulseRate += clamp(this.targetPulseRate - this.pulseRate, -1, 1);
    this.piHundredths = clamp(
      this.piHundredths + prng.int(-10, 10),
      PI_RANGE_HUNDREDTHS[0],
      PI_RANGE_HUNDREDTHS[1],
    );
    if (this.phase === 'measuring' && prng.chance(FINGER_OUT_CHANCE_PER_S)) {
      this.phase = 'probe-off';
      this.phaseSamplesLeft = FINGER_OUT_S * this.samplesPerSecond;
    }
  }

  private advancePhase(): void {
    if (this.phase === 'probe-off') {
      this.phase = 'searching';
      this.phaseSamplesLeft = SEARCHING_S * this.samplesPerSecond;
    } else {
      this.phase = 'measuring';
    }
  }
}

const NO_VALUES = { spo2: null, pulseRate: null, perfusionIndexHundredths: null } as const;

/** One heartbeat, phase 0..1: a sharp systolic peak and a smaller dicrotic wave, 0..~1. */
function pulseShape(phase: number): number {
  const systolic = Math.exp(-(((phase - 0.18) / 0.08) ** 2));
  const dicrotic = 0.35 * Math.exp(-(((phase - 0.5) / 0.12) ** 2));
  return 0.9 * systolic + dicrotic;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
