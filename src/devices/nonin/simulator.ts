import {
  type DeviceSimulator,
  type SimulatedValues,
  type SimulatorOptions,
  type SimulatorOutput,
} from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { concatBytes } from '../framing/concat';
import { createPrng, type Prng } from '../framing/prng';
import { DF2_LAYOUT } from '../nonin-df2/frames';
import { DF7_LAYOUT } from '../nonin-df7/frames';
import { encodeTimeReply } from '../nonin-df13/device-encoder';
import { clockOfUtc, utcOfClock } from './commands';
import {
  ACK,
  FORMAT_SELECT_WINDOW_MS,
  isDataFormat,
  NAK,
  OP,
  SELECT_FORMAT_TYPE,
  TIME_FIELDS,
  type DataFormat,
} from './constants';
import { scanHostCommands, type HostCommand } from './host-commands';
import { Df8Stream, SpotCheckStream } from './sim-report-streams';
import { PlethStream, type FormatStream } from './sim-streams';

export interface NoninSimulatorOptions extends SimulatorOptions {
  /** The format of the driver this simulator stands behind. */
  readonly driverFormat: DataFormat;
  /** Format in the device's memory at power-on; default #13 (factory), or `driverFormat` with autoStart. */
  readonly initialFormat?: DataFormat;
}

const REPLY_VALUES: SimulatedValues = Object.freeze({});

/**
 * A Nonin 9560-like oximeter: from the first call (the connection) it streams its current data
 * format; it answers "select data format" with ACK and switches (NAK for a format it does not
 * have) during the first 5 s after the connection only, as the 9560 does; it keeps a clock that
 * "set time" moves and "get time" reads. Deterministic from the seed.
 */
export class NoninSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 20;
  private readonly prng: Prng;
  private readonly incoming = new ByteRemainder();
  private connectedMs: number | null = null;
  private currentFormat: DataFormat;
  private stream: FormatStream | null = null;
  private clockOffsetMs = 0;

  constructor(options: NoninSimulatorOptions) {
    this.prng = createPrng(options.seed ?? 1);
    this.currentFormat = options.initialFormat ?? (options.autoStart ? options.driverFormat : 13);
  }

  get format(): DataFormat {
    return this.currentFormat;
  }

  receive(chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.connect(atMs);
    const bytes = this.incoming.join(chunk);
    const scan = scanHostCommands(bytes);
    this.incoming.keep(bytes, scan.keepFrom);
    const replies: Uint8Array[] = [];
    for (const command of scan.commands) {
      const reply = this.answer(command, atMs);
      if (reply) replies.push(reply);
    }
    return { bytes: concatBytes(replies), frames: replies.map(() => REPLY_VALUES) };
  }

  tick(atMs: number): SimulatorOutput {
    this.connect(atMs);
    return this.stream!.due(atMs);
  }

  private answer(command: HostCommand, atMs: number): Uint8Array | null {
    const { op, payload } = command;
    if (op === OP.selectFormat && payload.length === 2 && payload[0] === SELECT_FORMAT_TYPE) {
      if (atMs - this.connectedMs! > FORMAT_SELECT_WINDOW_MS) return null;
      const format = payload[1];
      if (!isDataFormat(format)) return Uint8Array.of(NAK);
      this.start(format, atMs);
      return Uint8Array.of(ACK);
    }
    if (op === OP.time && payload.length === TIME_FIELDS) {
      const [yy, month, day, hour, minute, second] = payload;
      this.clockOffsetMs = utcOfClock({ year: 2000 + yy, month, day, hour, minute, second }) - atMs;
      return null;
    }
    if (op === OP.time && payload.length === 0) return encodeTimeReply(clockOfUtc(atMs + this.clockOffsetMs));
    return null;
  }

  private connect(atMs: number): void {
    if (this.connectedMs !== null) return;
    this.connectedMs = atMs;
    this.start(this.currentFormat, atMs);
  }

  private start(format: DataFormat, atMs: number): void {
    this.currentFormat = format;
    this.stream = this.streamFor(format, atMs);
  }

  private streamFor(format: DataFormat, atMs: number): FormatStream {
    switch (format) {
      case 2:
        return new PlethStream(
          this.prng,
          atMs,
          (f) => DF2_LAYOUT.encode(f),
          (pleth) => pleth * 2,
        );
      case 7:
        return new PlethStream(
          this.prng,
          atMs,
          (f) => DF7_LAYOUT.encode(f),
          (pleth) => pleth * 512,
        );
      case 8:
        return new Df8Stream(this.prng, atMs);
      case 13:
        return new SpotCheckStream(this.prng, atMs, () => this.clockOffsetMs);
    }
  }
}
