import type { DeviceSimulator, SimulatedValues, SimulatorOptions, SimulatorOutput } from '../driver';
import { EcgModel } from '../ecg/ecg-model';
import { concatBytes } from '../framing/concat';
import { createPrng, type Prng } from '../framing/prng';
import { DERIVED_LIMB_LEADS, deriveLimbLeads } from '../ecg/derived-leads';
import { COMMAND, SAMPLES_PER_S, SAMPLE_STEPS_PER_MV } from './constants';
import { accelerometerAux, encodePacket, encodeText, mvToCounts } from './device-encoder';
import { countsToMv } from './frames';
import { checkGain, type CytonOptions } from './lead-map';

export interface CytonSimulatorOptions extends SimulatorOptions {
  readonly gain?: CytonOptions['gain'];
  /**
   * Wired as a 12-lead ECG (TWELVE_LEAD_MAP): I, II, V1–V6 on channels 1–8; the frames also give
   * III, aVR, aVL, aVF as the decoder derives them.
   */
  readonly twelveLead?: boolean;
}

/** The `v` reply of firmware v3 as the Cyton SDK page prints it. */
export const SOFT_RESET_BANNER =
  'OpenBCI V3 8-16 channel\nADS1299 Device ID: 0x3E\nLIS3DH Device ID: 0x33\nFirmware: v3.1.1\n';
/** The accelerometer is sent at 25 Hz: one packet in ten carries it, the others send zeros. */
const ACCEL_EVERY_PACKETS = 10;
/** 1 g on Z (board lying flat) at 0.002 / 2^4 g per count. */
const ONE_G_COUNTS = 8000;
/** Unwired channels pick up a few µV of noise (±50 counts ≈ ±1.1 µV at gain 24). */
const IDLE_NOISE_COUNTS = 50;
const LEAD_METRICS = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II', 'MDC_ECG_ELEC_POTL_III'] as const;
const PRECORDIAL_METRICS = [
  'MDC_ECG_ELEC_POTL_V1',
  'MDC_ECG_ELEC_POTL_V2',
  'MDC_ECG_ELEC_POTL_V3',
  'MDC_ECG_ELEC_POTL_V4',
  'MDC_ECG_ELEC_POTL_V5',
  'MDC_ECG_ELEC_POTL_V6',
] as const;

/**
 * A Cyton wired as a 3-lead ECG: leads I, II, III on channels 1, 2, 3 (the driver's default lead
 * map), channels 4–8 unwired; or, with `twelveLead`, as a 12-lead ECG: I, II, V1–V6 on the eight
 * channels, from the ECG model's precordial projections (SIMULATED: no recorded patient). Silent until `b`; then 250 packets a second of device time until
 * `s` or `v`. `v` answers the documented banner ending in `$$$`. Frames report each lead in mV
 * exactly as the decoder must scale it.
 */
export class CytonSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 20;
  private readonly prng: Prng;
  private readonly model: EcgModel;
  private readonly gain: number;
  private readonly twelveLead: boolean;
  private autoStartPending: boolean;
  private streaming = false;
  private streamStartMs = 0;
  private packetsSent = 0;
  private sampleNumber = 0;

  constructor(options: CytonSimulatorOptions = {}) {
    this.prng = createPrng(options.seed ?? 1);
    this.model = new EcgModel(this.prng, SAMPLES_PER_S, options.heartRateBpm);
    this.gain = checkGain(options.gain);
    this.twelveLead = options.twelveLead ?? false;
    this.autoStartPending = options.autoStart ?? false;
  }

  get isStreaming(): boolean {
    return this.streaming;
  }

  receive(chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.maybeAutoStart(atMs);
    const replies: Uint8Array[] = [];
    for (const byte of chunk) {
      switch (String.fromCharCode(byte)) {
        case COMMAND.startStreaming:
          this.start(atMs);
          break;
        case COMMAND.stopStreaming:
          this.streaming = false;
          break;
        case COMMAND.softReset:
          this.streaming = false;
          this.sampleNumber = 0;
          replies.push(encodeText(SOFT_RESET_BANNER));
          break;
        default:
          // `c` with no Daisy attached, and commands the simulator does not model: no reply.
          break;
      }
    }
    return { bytes: concatBytes(replies), frames: replies.map(() => ({})) };
  }

  tick(atMs: number): SimulatorOutput {
    this.maybeAutoStart(atMs);
    if (!this.streaming) return { bytes: new Uint8Array(0), frames: [] };
    const packets: Uint8Array[] = [];
    const frames: SimulatedValues[] = [];
    while (this.streamStartMs + (this.packetsSent * 1000) / SAMPLES_PER_S <= atMs) {
      const { counts, frame } = this.twelveLead ? this.twelveLeadSample() : this.threeLeadSample();
      const withAccel = this.packetsSent % ACCEL_EVERY_PACKETS === 0;
      packets.push(
        encodePacket({
          sampleNumber: this.sampleNumber,
          channels: counts,
          aux: withAccel ? accelerometerAux(0, 0, ONE_G_COUNTS) : [],
        }),
      );
      frame['sampleNumber'] = this.sampleNumber;
      frames.push(frame);
      this.sampleNumber = (this.sampleNumber + 1) & 0xff;
      this.packetsSent++;
    }
    return { bytes: concatBytes(packets), frames };
  }

  private threeLeadSample(): { counts: number[]; frame: Record<string, number> } {
    const leads = this.model.next();
    const counts = [leads.i, leads.ii, leads.iii].map((mv) => mvToCounts(mv, this.gain));
    while (counts.length < 8) counts.push(this.prng.int(-IDLE_NOISE_COUNTS, IDLE_NOISE_COUNTS));
    const frame: Record<string, number> = {};
    LEAD_METRICS.forEach((metric, k) => (frame[metric] = countsToMv(counts[k], this.gain)));
    return { counts, frame };
  }

  private twelveLeadSample(): { counts: number[]; frame: Record<string, number> } {
    const leads = this.model.nextTwelveLead();
    const counts = [leads.i, leads.ii, ...leads.v].map((mv) => mvToCounts(mv, this.gain));
    const [i, ii, ...v] = counts.map((c) => countsToMv(c, this.gain));
    const derived: number[] = [];
    deriveLimbLeads(i, ii, SAMPLE_STEPS_PER_MV, derived, 0);
    const frame: Record<string, number> = { MDC_ECG_ELEC_POTL_I: i, MDC_ECG_ELEC_POTL_II: ii };
    DERIVED_LIMB_LEADS.forEach((metric, k) => (frame[metric] = derived[k]));
    PRECORDIAL_METRICS.forEach((metric, k) => (frame[metric] = v[k]));
    return { counts, frame };
  }

  private start(atMs: number): void {
    if (this.streaming) return;
    this.streaming = true;
    this.streamStartMs = atMs;
    this.packetsSent = 0;
  }

  private maybeAutoStart(atMs: number): void {
    if (!this.autoStartPending) return;
    this.autoStartPending = false;
    this.start(atMs);
  }
}
