import type { SimulatedValues, SimulatorOutput } from '../driver';
import { concatBytes } from '../framing/concat';
import type { Prng } from '../framing/prng';
import { METRIC } from '../oximetry/oximetry-readings';
import { PulseOximetryModel, type PhysiologySample } from '../oximetry/physiology';
import { FRAMES_PER_PACKET, FRAMES_PER_S } from './packet';
import { packetFloats } from './packet-encoder';
import { statusByte, type PlethFrameFields } from './pleth-frame';

/** What a simulated device streams in one data format. */
export interface FormatStream {
  /** Frames due by `atMs` of device time. */
  due(atMs: number): SimulatorOutput;
}

/** Perfusion bits stay on for 12 frames (160 ms) after each pulse (reference/device-protocols.md §3.1). */
const PERFUSION_HOLD_FRAMES = 12;
/** Perfusion index thresholds for the simulated red / yellow pulse indication (our choice). */
const RED_BELOW_PI_HUNDREDTHS = 80;
const YELLOW_BELOW_PI_HUNDREDTHS = 150;
const TIMER_MASK = 0x3fff;

/**
 * Formats #2 and #7: 75 frames a second, packets of 25, HR/SpO2 of the packet's first sample in
 * frames 1–3. `frames` gives, per frame, the pleth and the HR/SpO2 a receiver knows after it:
 * HR from frame 2 of the first packet on, SpO2 from frame 3.
 */
export class PlethStream implements FormatStream {
  private readonly model: PulseOximetryModel;
  private sent = 0;
  private floats: number[] = [];
  private packetPulseRate: number | null = null;
  private packetSpo2: number | null = null;
  private knownPulseRate: number | null | undefined = undefined;
  private knownSpo2: number | null | undefined = undefined;
  private perfusionFramesLeft = 0;
  private wasBeep = false;

  constructor(
    prng: Prng,
    private readonly startMs: number,
    private readonly encode: (fields: PlethFrameFields) => Uint8Array,
    /** Device pleth from the model's 0..127 sample. */
    private readonly scalePleth: (pleth: number) => number,
  ) {
    this.model = new PulseOximetryModel(prng, FRAMES_PER_S);
  }

  due(atMs: number): SimulatorOutput {
    const bytes: Uint8Array[] = [];
    const frames: SimulatedValues[] = [];
    while (this.startMs + (this.sent * 1000) / FRAMES_PER_S <= atMs) {
      const position = (this.sent % FRAMES_PER_PACKET) + 1;
      const sample = this.model.next();
      if (position === 1) this.startPacket(sample, Math.floor(this.sent / FRAMES_PER_PACKET));
      if (position === 2) this.knownPulseRate = this.packetPulseRate;
      if (position === 3) this.knownSpo2 = this.packetSpo2;
      const pleth = this.scalePleth(sample.pleth);
      bytes.push(
        this.encode({ status: this.status(sample, position === 1), pleth, float: this.floats[position - 1] }),
      );
      const values: Record<string, number | null> = { [METRIC.pleth]: pleth };
      // What a receiver may show: nothing before the first packet, and null while the STATUS byte
      // says finger out (SNSA) or out of track: device flags win over the numbers they qualify.
      const voided = sample.probeOff || sample.searching;
      if (this.knownSpo2 !== undefined) values[METRIC.spo2] = voided ? null : this.knownSpo2;
      if (this.knownPulseRate !== undefined) values[METRIC.pulseRate] = voided ? null : this.knownPulseRate;
      frames.push(values);
      this.sent++;
    }
    return { bytes: concatBytes(bytes), frames };
  }

  private startPacket(sample: PhysiologySample, packetIndex: number): void {
    this.packetPulseRate = sample.pulseRate;
    this.packetSpo2 = sample.spo2;
    this.floats = packetFloats({
      pulseRate: sample.pulseRate,
      spo2: sample.spo2,
      timer: packetIndex & TIMER_MASK,
      lowBattery: false,
      smartPoint: sample.spo2 !== null,
    });
  }

  private status(s: PhysiologySample, sync: boolean): number {
    if (s.pulseBeep && !this.wasBeep) this.perfusionFramesLeft = PERFUSION_HOLD_FRAMES;
    this.wasBeep = s.pulseBeep;
    const showPerfusion = this.perfusionFramesLeft > 0;
    if (showPerfusion) this.perfusionFramesLeft--;
    const pi = s.perfusionIndexHundredths ?? 0;
    return statusByte({
      sync,
      sensorDisconnect: false,
      artifact: false,
      outOfTrack: s.searching,
      sensorAlarm: s.probeOff,
      redPerfusion: showPerfusion && pi < YELLOW_BELOW_PI_HUNDREDTHS,
      greenPerfusion: showPerfusion && pi >= RED_BELOW_PI_HUNDREDTHS,
    });
  }
}
