import type { SimulatedValues, SimulatorOutput } from '../driver';
import { concatBytes } from '../framing/concat';
import type { Prng } from '../framing/prng';
import { METRIC } from '../oximetry/oximetry-readings';
import { PulseOximetryModel } from '../oximetry/physiology';
import { encodeFrame as encodeDf8Frame } from '../nonin-df8/device-encoder';
import { SIM } from '../nonin-df13/constants';
import { encodeRecord } from '../nonin-df13/device-encoder';
import { clockOfUtc } from './commands';
import type { FormatStream } from './sim-streams';

/** Key of a spot check's device time (epoch ms, clock read as UTC) in the simulator's `frames`. */
export const DEVICE_TIME_KEY = 'deviceTimeMs';

const LOW_PERFUSION_BELOW_PI_HUNDREDTHS = 80;
const MARGINAL_PERFUSION_BELOW_PI_HUNDREDTHS = 150;

/** Format #8: one frame per second with the display HR/SpO2 and the status bits. */
export class Df8Stream implements FormatStream {
  private readonly model: PulseOximetryModel;
  private sent = 0;

  constructor(
    prng: Prng,
    private readonly startMs: number,
  ) {
    this.model = new PulseOximetryModel(prng, 1);
  }

  due(atMs: number): SimulatorOutput {
    const bytes: Uint8Array[] = [];
    const frames: SimulatedValues[] = [];
    while (this.startMs + this.sent * 1000 <= atMs) {
      const s = this.model.next();
      const pi = s.perfusionIndexHundredths;
      bytes.push(
        encodeDf8Frame({
          pulseRate: s.pulseRate,
          spo2: s.spo2,
          outOfTrack: s.searching,
          lowPerfusion: pi !== null && pi < LOW_PERFUSION_BELOW_PI_HUNDREDTHS,
          marginalPerfusion:
            pi !== null &&
            pi >= LOW_PERFUSION_BELOW_PI_HUNDREDTHS &&
            pi < MARGINAL_PERFUSION_BELOW_PI_HUNDREDTHS,
          artifact: false,
          smartPoint: s.spo2 !== null,
          sensorAlarm: s.probeOff,
          lowBattery: false,
        }),
      );
      frames.push({ [METRIC.spo2]: s.spo2, [METRIC.pulseRate]: s.pulseRate });
      this.sent++;
    }
    return { bytes: concatBytes(bytes), frames };
  }
}

/** Chance that a spot check ends without a measurement (finger pulled out too early). */
const NO_MEASUREMENT_CHANCE = 0.2;
const STORED_RECORD_AGE_S = 1800;

/**
 * Format #13: the records kept from earlier spot checks (MEM set, older times) shortly after the
 * connection, then a new spot check every few seconds (SIM in ../nonin-df13/constants.ts; a real
 * one takes a finger insertion, so real intervals are longer).
 */
export class SpotCheckStream implements FormatStream {
  private storedSent = false;
  private liveSent = 0;

  constructor(
    private readonly prng: Prng,
    private readonly startMs: number,
    /** Device clock = host time + this offset. */
    private readonly clockOffsetMs: () => number,
  ) {}

  due(atMs: number): SimulatorOutput {
    const bytes: Uint8Array[] = [];
    const frames: SimulatedValues[] = [];
    const add = (deviceMs: number, fromMemory: boolean): void => {
      const record = this.record(deviceMs, fromMemory);
      bytes.push(record.bytes);
      frames.push(record.values);
    };
    if (!this.storedSent && atMs >= this.startMs + SIM.storedRecordsDelayMs) {
      this.storedSent = true;
      const nowMs = atMs + this.clockOffsetMs();
      for (let k = SIM.storedRecords; k > 0; k--) add(nowMs - k * STORED_RECORD_AGE_S * 1000, true);
    }
    for (;;) {
      const dueMs = this.startMs + SIM.firstLiveRecordMs + this.liveSent * SIM.liveRecordIntervalMs;
      if (dueMs > atMs) break;
      add(dueMs + this.clockOffsetMs(), false);
      this.liveSent++;
    }
    return { bytes: concatBytes(bytes), frames };
  }

  private record(deviceMs: number, fromMemory: boolean): { bytes: Uint8Array; values: SimulatedValues } {
    const { prng } = this;
    const noMeasurement = prng.chance(NO_MEASUREMENT_CHANCE);
    const spo2 = noMeasurement ? null : prng.int(94, 99);
    const pulseRate = noMeasurement ? null : prng.int(58, 95);
    const wholeSecondMs = Math.floor(deviceMs / 1000) * 1000;
    const bytes = encodeRecord({
      clock: clockOfUtc(wholeSecondMs),
      smartPoint: !noMeasurement,
      noMeasurement,
      fromMemory,
      lowBattery: false,
      pulseRate,
      spo2,
    });
    return {
      bytes,
      values: { [METRIC.spo2]: spo2, [METRIC.pulseRate]: pulseRate, [DEVICE_TIME_KEY]: wholeSecondMs },
    };
  }
}
