import type { Reading } from '../shared/domain/readings';
import type { MetricId } from '../shared/domain/metrics';
import type { ProtocolId } from '../shared/protocols';

/**
 * The driver contract. Everything in src/devices is pure: bytes in, readings out, time passed in
 * as an argument. No I/O, no timers, no Date.now(), no Math.random(), no Buffer. That is what makes
 * a capture replay bit-for-bit and a decoder testable with nothing but byte literals.
 */

export interface SerialLinkSettings {
  readonly kind?: 'serial';
  readonly baudRate: number;
  readonly dataBits: 7 | 8;
  readonly parity: 'none' | 'odd' | 'even';
  readonly stopBits: 1 | 2;
  /** Hardware flow control (RTS/CTS). */
  readonly rtscts?: boolean;
  /** Software flow control (XON/XOFF). */
  readonly xonxoff?: boolean;
}

/**
 * A USB HID device: reports instead of a byte stream. Each input report reaches the decoder as one
 * chunk (report id stripped); host writes are output reports (or feature reports).
 */
export interface HidLinkSettings {
  readonly kind: 'hid';
  readonly vendorId: number;
  readonly productId: number;
  /** Report length in bytes, without the report id; shorter writes are zero-padded to it. */
  readonly reportBytes: number;
  /** The report id prefixed to every write (0 for devices without numbered reports). */
  readonly reportId: number;
}

export type LinkSettings = SerialLinkSettings | HidLinkSettings;

export function isHidLink(link: LinkSettings): link is HidLinkSettings {
  return link.kind === 'hid';
}

/** The serial settings of a driver that must be serial (simulators on a pty, captures of a port). */
export function serialLinkOf(driver: {
  readonly protocol: string;
  readonly link: LinkSettings;
}): SerialLinkSettings {
  if (isHidLink(driver.link)) throw new TypeError(`${driver.protocol} is a USB HID device, not a serial one`);
  return driver.link;
}

/** Why a frame was dropped. A dropped frame never yields a reading. */
export type FrameErrorCode = 'checksum' | 'malformed' | 'unknown-type' | 'out-of-range';

export type DecodeEvent =
  | { readonly kind: 'reading'; readonly reading: Reading }
  /** A frame that failed validation: counted and dropped. */
  | { readonly kind: 'frame-error'; readonly code: FrameErrorCode; readonly detail: string }
  /**
   * A value in a valid frame that no patient can have (outside its plausible range): dropped, never
   * a reading, and counted in `stats.outOfRange`. The frame's other values still count.
   */
  | {
      readonly kind: 'value-error';
      readonly code: 'out-of-range';
      readonly metric: MetricId;
      readonly value: number;
      readonly detail: string;
    }
  /** A device reply that is not a reading (identifier, firmware version, command feedback). */
  | { readonly kind: 'device-info'; readonly key: string; readonly value: string };

export interface DecoderStats {
  /** Frames that passed validation. */
  readonly frames: number;
  /** Frames dropped (bad checksum, malformed). */
  readonly dropped: number;
  /** Bytes skipped while hunting for a frame boundary. */
  readonly skippedBytes: number;
  /** Values dropped as impossible (`value-error` events); their frames still count in `frames`. */
  readonly outOfRange?: number;
}

/**
 * A streaming decoder. `push` may receive any split of the byte stream (one byte, half a frame,
 * ten frames) and must give the same readings as for any other split of the same bytes with the
 * same arrival times. It never throws on bad input: garbage is skipped, and the decoder resyncs on
 * the next valid frame.
 */
export interface Decoder {
  push(chunk: Uint8Array, atMs: number): DecodeEvent[];
  /** Forget partial frames and state (after a reconnect). */
  reset(): void;
  readonly stats: DecoderStats;
}

/** The host side of a conversation: what the station sends, and when. */
export interface HostScript {
  /** Bytes to send right after the port opens, in order. */
  readonly onOpen: readonly Uint8Array[];
  /** Bytes to send periodically while streaming (e.g. a keep-alive), if the device needs it. */
  readonly keepAlive?: { readonly intervalMs: number; readonly bytes: Uint8Array };
  /** Bytes to send before closing the port, in order. */
  readonly onClose: readonly Uint8Array[];
}

/**
 * The host side of a conversational protocol (command/response downloads, association + polling,
 * format selection with ACK/NAK) as a pure state machine. The session owns the port and the clock:
 * it writes what `open` returns, feeds every decode event to `onEvent`, calls `tick` every
 * `tickIntervalMs`, and writes what `close` returns before closing. A driver whose conversation is
 * a fixed script provides `host` only; the session adapts it.
 */
export interface HostProtocol {
  open(atMs: number): HostStep;
  /** Every decode event of the session's decoder, in order; returns what to send next. */
  onEvent(event: DecodeEvent, atMs: number): HostStep;
  /** How often `tick` must be called while the port is open. */
  readonly tickIntervalMs: number;
  /** Keep-alives, periodic polls, response timeouts. */
  tick(atMs: number): HostStep;
  close(atMs: number): HostStep;
}

/** One host step: bytes to write (in order), and an error that ends the session if the device failed. */
export interface HostStep {
  readonly writes: readonly HostWrite[];
  /** E.g. `{ code: 'timeout' }` when a device stopped answering mid-download. */
  readonly error?: { readonly code: 'timeout' | 'protocol'; readonly message: string };
}

/** Plain bytes for a byte stream (or an HID output report); a feature report for HID mode changes. */
export type HostWrite = Uint8Array | { readonly featureReport: Uint8Array };

export const NO_STEP: HostStep = Object.freeze({ writes: [] });

/** Physiological values a simulator encoded, keyed by metric id; null for an invalid marker. */
export type SimulatedValues = Readonly<Record<string, number | null>>;

export interface SimulatorOutput {
  readonly bytes: Uint8Array;
  /** One entry per frame in `bytes`, in order: what the frame says. Tests compare readings with it. */
  readonly frames: readonly SimulatedValues[];
}

/**
 * The device side of a protocol, used by `station simulate`, tests and benchmarks. Pure like the
 * decoder: the runner in src/core owns the clock and the port.
 */
export interface DeviceSimulator {
  /** How often the runner should call `tick`. */
  readonly tickIntervalMs: number;
  /** Bytes the station sent to the device; returns the device's immediate replies. */
  receive(chunk: Uint8Array, atMs: number): SimulatorOutput;
  /** Frames due by `atMs` (none while the device is not streaming). */
  tick(atMs: number): SimulatorOutput;
  /** HID devices: a feature report the station sent (e.g. a mode change). */
  receiveFeatureReport?(bytes: Uint8Array, atMs: number): SimulatorOutput;
}

export interface SimulatorOptions {
  /** Seed of the deterministic generator; the same seed gives the same bytes. */
  readonly seed?: number;
  /** Start streaming without waiting for a start command (for devices that need one). */
  readonly autoStart?: boolean;
  /**
   * A fixed heart rate, /min, for the simulators that model one (the ECGs): every R-R interval is
   * then known, so a test can check what a screen measures. Without it the rate wanders.
   */
  readonly heartRateBpm?: number;
}

export interface DeviceDriver {
  readonly protocol: ProtocolId;
  /** Human name shown in the device panel. */
  readonly name: string;
  readonly link: LinkSettings;
  /** `deviceId` becomes the `device` field of every reading. */
  createDecoder(deviceId: string): Decoder;
  readonly host: HostScript;
  /** For conversational protocols: a fresh host state machine per session (takes precedence over `host`). */
  createHost?(): HostProtocol;
  createSimulator(options?: SimulatorOptions): DeviceSimulator;
}

export const EMPTY_OUTPUT: SimulatorOutput = Object.freeze({ bytes: new Uint8Array(0), frames: [] });
