import type { DeviceSimulator, SimulatedValues, SimulatorOptions, SimulatorOutput } from '../driver';
import { EcgModel } from '../ecg/ecg-model';
import { concatBytes } from '../framing/concat';
import { createPrng, type Prng } from '../framing/prng';
import { COMMAND, SAMPLES_PER_S } from './constants';
import { accelerometerAux, encodePacket, encodeText, mvToCounts } from './device-encoder';
import { countsToMv } from './frames';
import { checkGain, type CytonOptions } from './lead-map';

export interface CytonSimulatorOptions extends SimulatorOptions {
  readonly gain?: CytonOptions['gain'];
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

/**
 * A Cyton wired as a 3-lead ECG: leads I, II, III on channels 1, 2, 3 (the driver's default lead
 * map), channels 4–8 unwired. Silent until `b`; then 250 packets a second of device time until
 * `s` or `v`. `v` answers the documented banner ending in `$$$`. Frames report each lead in mV
 * exactly as the decoder must scale it.
 */
export class CytonSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 20;
  private readonly prng: Prng;
  private readonly model: EcgModel;
  private readonly gain: number;
  private autoStartPending: boolean;
  private streaming = false;
  private streamStartMs = 0;
  private packetsSent = 0;
  private sampleNumber = 0;

  constructor(options: CytonSimulatorOptions = {}) {
    this.prng = createPrng(options.seed ?? 1);
    this.model = new EcgModel(this.prng, SAMPLES_PER_S, options.heartRateBpm);
    this.gain = checkGain(options.gain);
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
      const leads = this.model.next();
      const counts = [leads.i, leads.ii, leads.iii].map((mv) => mvToCounts(mv, this.gain));
      while (counts.length < 8) counts.push(this.prng.int(-IDLE_NOISE_COUNTS, IDLE_NOISE_COUNTS));
      const withAccel = this.packetsSent % ACCEL_EVERY_PACKETS === 0;
      packets.push(
        encodePacket({
          sampleNumber: this.sampleNumber,
          channels: counts,
          aux: withAccel ? accelerometerAux(0, 0, ONE_G_COUNTS) : [],
        }),
      );
      const frame: Record<string, number> = { sampleNumber: this.sampleNumber };
      LEAD_METRICS.forEach((metric, k) => (frame[metric] = countsToMv(counts[k], this.gain)));
      frames.push(frame);
      this.sampleNumber = (this.sampleNumber + 1) & 0xff;
      this.packetsSent++;
    }
    return { bytes: concatBytes(packets), frames };
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
