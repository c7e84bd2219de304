import type { DeviceSimulator, SimulatedValues, SimulatorOptions, SimulatorOutput } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { concatBytes } from '../framing/concat';
import { createPrng } from '../framing/prng';
import { METRIC } from '../oximetry/oximetry-readings';
import { PulseOximetryModel, type PhysiologySample } from '../oximetry/physiology';
import {
  COMMAND,
  DOWNLINK,
  DOWNLINK_LENGTH_BY_TYPE,
  REALTIME_PACKAGES_PER_S,
  REASON,
  STREAM_TIMEOUT_MS,
} from './constants';
import {
  encodeDeviceId,
  encodeFeedback,
  encodeFree,
  encodePiIdentifier,
  encodeRealtime,
  encodeStorageNotice,
  encodeUserCount,
  encodeVersion,
} from './device-encoder';
import { restoredByte, type RealtimeFields } from './frames';
import { createScanCursor, SCAN_INCOMPLETE, SCAN_PACKAGE, scanPackage } from './package-scanner';

export interface Cms50V7SimulatorOptions extends SimulatorOptions {
  /** 7 characters; a CMS50D+ v4.6 answered "user   ". */
  readonly deviceId?: string;
  /** Whether the device reports a perfusion index (the CMS50D+ v4.6 captured did not). Default true. */
  readonly piSupported?: boolean;
}

/** Protocol version a CMS50D+ v4.6 reports to 0xA0. */
const PROTOCOL_VERSION = 7;
const NO_VALUES: SimulatedValues = Object.freeze({});

/**
 * A CMS50D+-like device speaking V7: answers commands, streams 60 real-time packages a second of
 * device time after 0xA1 and stops 30 s after the last 0xA1/0xAF, as the real device does.
 */
export class Cms50V7Simulator implements DeviceSimulator {
  readonly tickIntervalMs = 20;
  private readonly model: PulseOximetryModel;
  private readonly incoming = new ByteRemainder();
  private readonly cursor = createScanCursor();
  private deviceId: string;
  private readonly piSupported: boolean;
  private autoStartPending: boolean;
  private streaming = false;
  private streamStartMs = 0;
  private packagesSent = 0;
  private lastTriggerMs = 0;
  /** The last measured SpO2 and pulse, which a CMS50 keeps sending while it searches. */
  private heldSpo2 = 97;
  private heldPulseRate = 72;

  constructor(options: Cms50V7SimulatorOptions = {}) {
    this.model = new PulseOximetryModel(createPrng(options.seed ?? 1), REALTIME_PACKAGES_PER_S);
    this.deviceId = options.deviceId ?? 'user   ';
    this.piSupported = options.piSupported ?? true;
    this.autoStartPending = options.autoStart ?? false;
  }

  get isStreaming(): boolean {
    return this.streaming;
  }

  receive(chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.maybeAutoStart(atMs);
    const replies: Uint8Array[] = [];
    const bytes = this.incoming.join(chunk);
    let from = 0;
    for (;;) {
      const outcome = scanPackage(bytes, from, DOWNLINK_LENGTH_BY_TYPE, this.cursor);
      if (outcome === SCAN_INCOMPLETE) {
        this.incoming.keep(bytes, this.cursor.start);
        break;
      }
      from = this.cursor.start + this.cursor.length;
      if (outcome !== SCAN_PACKAGE) continue; // a real device ignores what it cannot parse
      const start = this.cursor.start;
      if (bytes[start] === DOWNLINK.setDeviceId) {
        let id = '';
        for (let i = 2; i < 9; i++) id += String.fromCharCode(restoredByte(bytes, start, i));
        this.deviceId = id;
      } else {
        const reply = this.answer(restoredByte(bytes, start, 2), atMs);
        if (reply) replies.push(reply);
      }
    }
    return { bytes: concatBytes(replies), frames: replies.map(() => NO_VALUES) };
  }

  tick(atMs: number): SimulatorOutput {
    this.maybeAutoStart(atMs);
    if (!this.streaming) return { bytes: new Uint8Array(0), frames: [] };
    const stopMs = this.lastTriggerMs + STREAM_TIMEOUT_MS;
    const packages: Uint8Array[] = [];
    const frames: SimulatedValues[] = [];
    for (;;) {
      const dueMs = this.streamStartMs + (this.packagesSent * 1000) / REALTIME_PACKAGES_PER_S;
      if (dueMs > atMs || dueMs >= stopMs) break;
      const sample = this.model.next();
      packages.push(encodeRealtime(this.fields(sample)));
      frames.push(this.values(sample));
      this.packagesSent++;
    }
    if (atMs >= stopMs) this.streaming = false;
    return { bytes: concatBytes(packages), frames };
  }

  private answer(command: number, atMs: number): Uint8Array | null {
    switch (command) {
      case COMMAND.startRealtime:
        this.lastTriggerMs = atMs;
        if (!this.streaming) {
          this.streaming = true;
          this.streamStartMs = atMs;
          this.packagesSent = 0;
        }
        return null;
      case COMMAND.keepAlive:
        this.lastTriggerMs = atMs;
        return null;
      case COMMAND.stopRealtime:
        this.streaming = false;
        return encodeFree();
      case COMMAND.stopStorageData:
        return encodeFree();
      case COMMAND.getDeviceId:
        return encodeDeviceId(this.deviceId);
      case COMMAND.getVersion:
        return encodeVersion(PROTOCOL_VERSION);
      case COMMAND.askPiSupport:
        return encodePiIdentifier(this.piSupported);
      case COMMAND.storageNotice:
        return encodeStorageNotice(false);
      case COMMAND.getUserCount:
        return encodeUserCount(1);
      case COMMAND.setDate:
      case COMMAND.setTime:
        return encodeFeedback(command, REASON.done);
      default:
        // The simulator keeps no recordings: storage commands and unknown ones are "not supported".
        return encodeFeedback(command, REASON.notSupported);
    }
  }

  private maybeAutoStart(atMs: number): void {
    if (!this.autoStartPending) return;
    this.autoStartPending = false;
    this.answer(COMMAND.startRealtime, atMs);
  }

  private fields(s: PhysiologySample): RealtimeFields {
    const pi = this.piSupported ? s.perfusionIndexHundredths : null;
    if (s.spo2 !== null) this.heldSpo2 = s.spo2;
    if (s.pulseRate !== null) this.heldPulseRate = s.pulseRate;
    return {
      signalStrength: s.signalStrength,
      searchingTooLong: false,
      lowSpo2: s.spo2 !== null && s.spo2 < 90,
      pulseBeep: s.pulseBeep,
      probeError: s.probeOff,
      pleth: s.pleth,
      searching: s.searching,
      barGraph: s.bar,
      piInvalid: pi === null,
      ...this.unmeasuredNumbers(s),
      perfusionIndex: pi === null ? null : pi / 100,
    };
  }

  /**
   * Without a measurement a CMS50 does not send the invalid markers: it sends 0 / 0 with the probe
   * error bit and its last values while searching (issue 11). Only the flags say "no value", which
   * is what the station must honour (`values` below says null for both).
   */
  private unmeasuredNumbers(s: PhysiologySample): { spo2: number | null; pulseRate: number | null } {
    if (s.probeOff) return { spo2: 0, pulseRate: 0 };
    if (s.searching) return { spo2: this.heldSpo2, pulseRate: this.heldPulseRate };
    return { spo2: s.spo2, pulseRate: s.pulseRate };
  }

  private values(s: PhysiologySample): SimulatedValues {
    const pi = this.piSupported ? s.perfusionIndexHundredths : null;
    return {
      [METRIC.spo2]: s.spo2,
      [METRIC.pulseRate]: s.pulseRate,
      [METRIC.perfusionIndex]: pi === null ? null : pi / 100,
      [METRIC.pleth]: s.probeOff ? null : s.pleth,
    };
  }
}
