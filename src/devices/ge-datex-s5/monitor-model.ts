import type { Prng } from '../framing/prng';

/**
 * A plausible adult patient on an S/5 monitor for the simulator: ECG heart rate wandering within
 * 60–90 /min, SpO2 95–99 % with its pleth pulse rate close to the ECG rate, an NIBP cuff cycle
 * at record `firstRecord` and then every `everyRecords` records (no NIBP value before the first;
 * the monitor shows, and so sends, the last result in every record until the next cycle),
 * temperature around 37 °C and a respiration rate of 12–18 /min. Now and then the SpO2 probe comes
 * off for a few records, so the "no data" control code is exercised. Values are in display units
 * with the wire's resolution.
 */
export interface NibpCycles {
  /** The record whose values first hold a cuff result (0 = the first record). Default 11. */
  readonly firstRecord?: number;
  /** Records between cuff results. Default 12 (a minute at the 5 s interval). */
  readonly everyRecords?: number;
}

export interface MonitorSnapshot {
  readonly heartRate: number;
  readonly spo2: number | null;
  readonly pulseRate: number | null;
  readonly nibp: {
    readonly sys: number;
    readonly dia: number;
    readonly mean: number;
    readonly pulse: number;
  } | null;
  readonly temperature: number;
  readonly respirationRate: number;
}

const PROBE_OFF_CHANCE = 0.04;
const PROBE_OFF_RECORDS = 3;

export class MonitorModel {
  private heartRate: number;
  private spo2: number;
  private temperatureHundredths: number;
  private respirationRate: number;
  private nibp: MonitorSnapshot['nibp'] = null;
  private records = 0;
  private probeOffLeft = 0;
  private readonly firstNibpRecord: number;
  private readonly nibpEveryRecords: number;

  constructor(
    private readonly prng: Prng,
    cycles: NibpCycles = {},
  ) {
    this.nibpEveryRecords = Math.max(1, cycles.everyRecords ?? 12);
    this.firstNibpRecord = cycles.firstRecord ?? this.nibpEveryRecords - 1;
    this.heartRate = prng.int(62, 86);
    this.spo2 = prng.int(95, 99);
    this.temperatureHundredths = prng.int(3660, 3740);
    this.respirationRate = prng.int(12, 18);
  }

  next(): MonitorSnapshot {
    const { prng } = this;
    this.heartRate = clamp(this.heartRate + prng.int(-2, 2), 60, 90);
    if (prng.chance(0.3)) this.spo2 = clamp(this.spo2 + prng.int(-1, 1), 95, 99);
    this.temperatureHundredths = clamp(this.temperatureHundredths + prng.int(-3, 3), 3600, 3780);
    if (prng.chance(0.2)) this.respirationRate = clamp(this.respirationRate + prng.int(-1, 1), 12, 18);
    if (this.probeOffLeft > 0) this.probeOffLeft--;
    else if (this.records > 0 && prng.chance(PROBE_OFF_CHANCE)) this.probeOffLeft = PROBE_OFF_RECORDS;
    const sinceFirst = this.records - this.firstNibpRecord;
    if (sinceFirst >= 0 && sinceFirst % this.nibpEveryRecords === 0) this.measureNibp();
    this.records++;
    const probeOff = this.probeOffLeft > 0;
    return {
      heartRate: this.heartRate,
      spo2: probeOff ? null : this.spo2,
      pulseRate: probeOff ? null : clamp(this.heartRate + prng.int(-1, 1), 0, 300),
      nibp: this.nibp,
      temperature: this.temperatureHundredths / 100,
      respirationRate: this.respirationRate,
    };
  }

  private measureNibp(): void {
    const sys = this.prng.int(110, 135);
    const dia = this.prng.int(65, 85);
    this.nibp = { sys, dia, mean: Math.round(dia + (sys - dia) / 3), pulse: this.heartRate };
  }
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
