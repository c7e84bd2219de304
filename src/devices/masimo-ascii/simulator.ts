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
import { EXC, LINES_PER_S } from './constants';
import { encodeLine } from './device-encoder';
import type { MasimoLine } from './frames';

export interface MasimoSimulatorOptions extends SimulatorOptions {
  /** Rad-8 lines (no PVI; SpCO/SpMet dashes: no rainbow licence) or Radical-7 (PVI, SpCO, SpMet). */
  readonly variant?: 'rad-8' | 'radical-7';
}

/** Chance per second that an interference episode starts, and its length. */
const INTERFERENCE_CHANCE_PER_S = 1 / 90;
const INTERFERENCE_S = 4;

/**
 * A Masimo monitor set to ASCII 1: one line a second of device time from power-on (the first
 * call), unsolicited; it ignores what the host sends. Physiology from the shared pulse-oximetry
 * model sampled once a second; a finger-out episode shows as "sensor off" then "pulse search" with
 * dashes, and now and then an interference episode sets EXC 010 while values keep coming.
 */
export class MasimoAsciiSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  private readonly prng: Prng;
  private readonly model: PulseOximetryModel;
  private readonly variant: 'rad-8' | 'radical-7';
  private readonly serialNumber: string;
  private startMs: number | null = null;
  private linesSent = 0;
  private interferenceLeft = 0;

  constructor(options: MasimoSimulatorOptions = {}) {
    const seed = options.seed ?? 1;
    this.prng = createPrng(seed);
    this.model = new PulseOximetryModel(this.prng, LINES_PER_S);
    this.variant = options.variant ?? 'radical-7';
    this.serialNumber = String(50_000 + ((seed >>> 0) % 50_000)).padStart(10, '0');
  }

  receive(_chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.startMs ??= atMs;
    return EMPTY_OUTPUT;
  }

  tick(atMs: number): SimulatorOutput {
    this.startMs ??= atMs;
    const lines: Uint8Array[] = [];
    const values: SimulatedValues[] = [];
    for (let lineMs = this.nextLineMs(); lineMs <= atMs; lineMs = this.nextLineMs()) {
      const sample = this.model.next();
      const line = this.line(sample, lineMs);
      lines.push(encodeLine(line));
      values.push({
        [METRIC.spo2]: line.spo2,
        [METRIC.pulseRate]: line.pulseRate,
        [METRIC.perfusionIndex]: line.perfusionIndex ?? null,
      });
      this.linesSent++;
    }
    return lines.length === 0 ? EMPTY_OUTPUT : { bytes: concatBytes(lines), frames: values };
  }

  private nextLineMs(): number {
    return (this.startMs ?? 0) + (this.linesSent * 1000) / LINES_PER_S;
  }

  private line(s: PhysiologySample, lineMs: number): MasimoLine {
    const measuring = !s.probeOff && !s.searching;
    if (this.interferenceLeft > 0) this.interferenceLeft--;
    else if (measuring && this.prng.chance(INTERFERENCE_CHANCE_PER_S)) this.interferenceLeft = INTERFERENCE_S;
    const exceptions = s.probeOff
      ? EXC.sensorOff
      : s.searching
        ? EXC.pulseSearch
        : EXC.setMode | (this.interferenceLeft > 0 ? EXC.interference : 0);
    const rainbow = this.variant === 'radical-7' && measuring;
    return {
      deviceTime: deviceClock(lineMs),
      serialNumber: this.serialNumber,
      spo2: s.spo2,
      pulseRate: s.pulseRate,
      perfusionIndex: s.perfusionIndexHundredths === null ? null : s.perfusionIndexHundredths / 100,
      spco: rainbow ? this.prng.int(5, 20) / 10 : null,
      spmet: rainbow ? this.prng.int(4, 12) / 10 : null,
      sphb: undefined,
      spoc: undefined,
      desat: null,
      piDelta: null,
      pvi: this.variant === 'radical-7' ? (measuring ? this.prng.int(8, 22) : null) : undefined,
      alarm: 0,
      exceptions,
      exceptions1: undefined,
    };
  }
}

/** "MM/dd/yy HH:mm:ss": the monitor's clock, here simply UTC (the decoder does not use it). */
function deviceClock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  );
}
