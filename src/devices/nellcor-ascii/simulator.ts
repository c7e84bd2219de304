import {
  EMPTY_OUTPUT,
  type DeviceSimulator,
  type SimulatedValues,
  type SimulatorOptions,
  type SimulatorOutput,
} from '../driver';
import { concatBytes } from '../framing/concat';
import { createPrng, type Prng } from '../framing/prng';
import { METRIC } from '../oximetry/oximetry-readings';
import { PulseOximetryModel, type PhysiologySample } from '../oximetry/physiology';
import { LINES_PER_S, MONTHS } from './constants';
import { encodeDataLine, encodeHeader, type NellcorHeader } from './device-encoder';
import type { NellcorData } from './frames';

/** Chance per second that a motion/interference episode starts, and its length. */
const MOTION_CHANCE_PER_S = 1 / 90;
const MOTION_S = 4;

export const SIMULATED_HEADER: NellcorHeader = {
  model: 'N-595',
  firmwareVersion: '1.5.0.1',
  firmwareCrc: 'A3F1',
  spo2Limits: [85, 100],
  pulseRateLimits: [40, 170],
  limitsMode: 'ADULT',
  satSeconds: 0,
  responseMode: 'NORMAL',
};

/**
 * A Nellcor N-595 streaming its real-time output: the header block at power-on (the first call),
 * then one data line a second of device time, unsolicited; host bytes are ignored. Physiology
 * from the shared pulse-oximetry model sampled once a second: a finger-out episode shows as SO
 * (sensor off) then PS (pulse search) with dashes, and now and then a motion episode sets MO while
 * values keep coming. Pulse amplitude follows the perfusion index.
 */
export class NellcorAsciiSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  private readonly prng: Prng;
  private readonly model: PulseOximetryModel;
  private startMs: number | null = null;
  private linesSent = 0;
  private headerSent = false;
  private motionLeft = 0;

  constructor(options: SimulatorOptions = {}) {
    this.prng = createPrng(options.seed ?? 1);
    this.model = new PulseOximetryModel(this.prng, LINES_PER_S);
  }

  receive(_chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.startMs ??= atMs;
    return EMPTY_OUTPUT;
  }

  tick(atMs: number): SimulatorOutput {
    this.startMs ??= atMs;
    const parts: Uint8Array[] = [];
    if (!this.headerSent) {
      parts.push(encodeHeader(SIMULATED_HEADER));
      this.headerSent = true;
    }
    const values: SimulatedValues[] = [];
    for (let lineMs = this.nextLineMs(); lineMs <= atMs; lineMs = this.nextLineMs()) {
      const line = this.line(this.model.next(), lineMs);
      parts.push(encodeDataLine(line));
      values.push({ [METRIC.spo2]: line.spo2, [METRIC.pulseRate]: line.pulseRate });
      this.linesSent++;
    }
    return parts.length === 0 ? EMPTY_OUTPUT : { bytes: concatBytes(parts), frames: values };
  }

  private nextLineMs(): number {
    return (this.startMs ?? 0) + (this.linesSent * 1000) / LINES_PER_S;
  }

  private line(s: PhysiologySample, lineMs: number): Omit<NellcorData, 'kind'> {
    const measuring = !s.probeOff && !s.searching;
    if (this.motionLeft > 0) this.motionLeft--;
    else if (measuring && this.prng.chance(MOTION_CHANCE_PER_S)) this.motionLeft = MOTION_S;
    const codes = s.probeOff ? ['SO'] : s.searching ? ['PS'] : this.motionLeft > 0 ? ['MO'] : [];
    return {
      deviceTime: deviceClock(lineMs),
      spo2: s.spo2,
      pulseRate: s.pulseRate,
      pulseAmplitude:
        s.perfusionIndexHundredths === null
          ? null
          : Math.min(254, Math.round(s.perfusionIndexHundredths / 5)),
      starred: 0,
      codes,
    };
  }
}

/** "dd-MMM-yy HH:mm:ss": the monitor's clock, here simply UTC (the decoder does not use it). */
function deviceClock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  );
}
