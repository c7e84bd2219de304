import {
  EMPTY_OUTPUT,
  type DeviceSimulator,
  type SimulatedValues,
  type SimulatorOptions,
  type SimulatorOutput,
} from '../driver';
import { EcgModel } from '../ecg/ecg-model';
import { concatBytes } from '../framing/concat';
import { createPrng, type Prng } from '../framing/prng';
import { SIMULATED_RATE_HZ } from './constants';
import { AD8232_METRIC } from './decoder';
import { encodeLine } from './device-encoder';

export interface Ad8232SimulatorOptions extends SimulatorOptions {
  /** Lines per second of device time (default SIMULATED_RATE_HZ). */
  readonly rateHz?: number;
}

/**
 * Simulator assumptions, not protocol facts: the AD8232 output sits at mid-scale (512) and moves
 * about 300 counts per mV of lead II (a gain near 1100 into a 3.3 V 10-bit ADC).
 */
const BASELINE_COUNTS = 512;
const COUNTS_PER_MV = 300;
const MAX_COUNT = 1023;

/**
 * An Arduino running SparkFun's AD8232 sketch: streams from power-on, one line per sample at a
 * steady rate, ignoring anything the host sends. Lead-off episodes (1–3 s, every 8–20 s) print
 * `!`. The station joins the stream mid-line, so the first bytes are the tail of a cut line; the
 * `frames` list starts with the first whole line (the decoder discards the first line it sees).
 */
export class Ad8232Simulator implements DeviceSimulator {
  readonly tickIntervalMs = 20;
  private readonly prng: Prng;
  private readonly model: EcgModel;
  private readonly rateHz: number;
  private startMs: number | null = null;
  private linesSent = 0;
  private leadOffFrom: number;
  private leadOffUntil: number;

  constructor(options: Ad8232SimulatorOptions = {}) {
    this.rateHz = options.rateHz ?? SIMULATED_RATE_HZ;
    if (!(this.rateHz > 0))
      throw new TypeError(`Ad8232Simulator: rateHz must be positive, got ${this.rateHz}`);
    this.prng = createPrng(options.seed ?? 1);
    this.model = new EcgModel(this.prng, this.rateHz, options.heartRateBpm);
    this.leadOffFrom = this.prng.int(8, 20) * this.rateHz;
    this.leadOffUntil = this.leadOffFrom + this.prng.int(1, 3) * this.rateHz;
  }

  receive(_chunk: Uint8Array, atMs: number): SimulatorOutput {
    if (this.startMs === null) return this.joinMidLine(atMs);
    return EMPTY_OUTPUT;
  }

  tick(atMs: number): SimulatorOutput {
    if (this.startMs === null) return this.joinMidLine(atMs);
    const lines: Uint8Array[] = [];
    const frames: SimulatedValues[] = [];
    while (this.startMs + (this.linesSent * 1000) / this.rateHz <= atMs) {
      const value = this.nextValue();
      lines.push(encodeLine(value));
      frames.push({ [AD8232_METRIC]: value });
    }
    return { bytes: concatBytes(lines), frames };
  }

  /** The first output: the end of a line the sketch was printing when the port opened. */
  private joinMidLine(atMs: number): SimulatorOutput {
    this.startMs = atMs;
    const line = encodeLine(this.nextValue());
    return { bytes: line.subarray(Math.min(1, line.length - 3)), frames: [] };
  }

  private nextValue(): number | null {
    const index = this.linesSent++;
    const ecg = this.model.next();
    if (index >= this.leadOffUntil) {
      this.leadOffFrom = index + this.prng.int(8, 20) * this.rateHz;
      this.leadOffUntil = this.leadOffFrom + this.prng.int(1, 3) * this.rateHz;
    }
    if (index >= this.leadOffFrom) return null;
    return Math.max(0, Math.min(MAX_COUNT, Math.round(BASELINE_COUNTS + ecg.ii * COUNTS_PER_MV)));
  }
}
