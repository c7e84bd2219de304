import {
  EMPTY_OUTPUT,
  type DeviceSimulator,
  type SimulatedValues,
  type SimulatorOptions,
  type SimulatorOutput,
} from '../driver';
import { concatBytes } from '../framing/concat';
import { createPrng } from '../framing/prng';
import { METRIC } from '../oximetry/oximetry-readings';
import { PulseOximetryModel, type PhysiologySample } from '../oximetry/physiology';
import { FRAMES_PER_S } from './constants';
import { encodeFrame } from './device-encoder';
import type { LegacyFrame } from './frames';

/**
 * An older CMS50D+/E: streams 60 frames a second of device time from power-on (the first call),
 * unsolicited, and ignores what the host sends (live mode is one-way). `autoStart` changes nothing.
 */
export class Cms50LegacySimulator implements DeviceSimulator {
  readonly tickIntervalMs = 20;
  private readonly model: PulseOximetryModel;
  private startMs: number | null = null;
  private framesSent = 0;
  private lastSpo2 = 0;
  private lastPulseRate = 0;

  constructor(options: SimulatorOptions = {}) {
    this.model = new PulseOximetryModel(createPrng(options.seed ?? 1), FRAMES_PER_S);
  }

  receive(_chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.startMs ??= atMs;
    return EMPTY_OUTPUT;
  }

  tick(atMs: number): SimulatorOutput {
    this.startMs ??= atMs;
    const frames: Uint8Array[] = [];
    const values: SimulatedValues[] = [];
    while (this.startMs + (this.framesSent * 1000) / FRAMES_PER_S <= atMs) {
      const sample = this.model.next();
      frames.push(encodeFrame(this.frame(sample)));
      values.push(this.values(sample));
      this.framesSent++;
    }
    return { bytes: concatBytes(frames), frames: values };
  }

  private frame(s: PhysiologySample): LegacyFrame {
    // With no measurement the device has no invalid marker to send (none is documented); it keeps
    // the last values, and its probe-error / searching flags say they are stale.
    if (s.spo2 !== null) this.lastSpo2 = s.spo2;
    if (s.pulseRate !== null) this.lastPulseRate = s.pulseRate;
    return {
      signalStrength: s.signalStrength,
      byte0Bit4: false,
      spo2Dropping: false,
      pulseBeep: s.pulseBeep,
      pleth: s.pleth,
      barGraph: s.bar,
      probeError: s.probeOff,
      searching: s.searching,
      pulseRate: this.lastPulseRate,
      spo2: this.lastSpo2,
    };
  }

  private values(s: PhysiologySample): SimulatedValues {
    return {
      [METRIC.spo2]: s.spo2,
      [METRIC.pulseRate]: s.pulseRate,
      [METRIC.pleth]: s.probeOff ? null : s.pleth,
    };
  }
}
