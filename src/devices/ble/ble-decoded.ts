import type { MetricId } from '../../shared/domain/metrics';
import type { DeviceClockZone } from '../bp/device-clock';
import { isoTimeOf, type Reading, type StatusFlag } from '../../shared/domain/readings';
import { frameError, type FrameError } from '../framing/frame-error';

/**
 * What every characteristic decoder returns for one characteristic value: the fields as decoded
 * (including those that have no metric, such as RR intervals or a user id) and the readings built
 * from the fields that do; or a FrameError for a value that is short or corrupted.
 */
export interface BleDecoded<Fields> {
  readonly kind: 'decoded';
  readonly fields: Fields;
  readonly readings: Reading[];
  /**
   * UTC epoch ms of the measurement's own device timestamp, when the value carries one that is
   * known (a stored measurement); absent or null when its readings are stamped with the arrival.
   */
  readonly deviceTimeMs?: number | null;
}

export type BleDecodeResult<Fields> = BleDecoded<Fields> | FrameError;

export interface BleDecodeOptions {
  /** Local time minus UTC in minutes, for the device's Date Time fields (see ble-time.ts). */
  readonly utcOffsetMinutes?: number;
  /**
   * The zone the device's clock was set in; when given it wins over `utcOffsetMinutes`, and each
   * stored date gets the offset in force on that date (see ble-time.ts).
   */
  readonly zone?: DeviceClockZone;
}

/** Formats reading times; the streaming decoders pass a cache, plain calls use isoTimeOf. */
export type TimeFormatter = (epochMs: number) => string;

export type BleDecodeFunction<Fields> = (
  bytes: Uint8Array,
  atMs: number,
  deviceId: string,
  options?: BleDecodeOptions,
  formatTime?: TimeFormatter,
) => BleDecodeResult<Fields>;

export const formatIsoTime: TimeFormatter = (epochMs) => isoTimeOf(Math.round(epochMs));

/** The frame error for a value shorter than its flags say. */
export function tooShort(name: string, flags: number, needed: number, actual: number): FrameError {
  return frameError(
    'malformed',
    `${name}: ${actual} bytes, flags 0x${flags.toString(16).padStart(2, '0')} need ${needed}`,
  );
}

/** Collects one value's readings, all stamped with the same device and time. */
export class ReadingList {
  readonly readings: Reading[] = [];

  constructor(
    private readonly device: string,
    private readonly time: string,
  ) {}

  numeric(metric: MetricId, value: number | null, unit: string): void {
    this.readings.push({ type: 'numeric', device: this.device, metric, value, unit, time: this.time });
  }

  status(flags: StatusFlag[]): void {
    this.readings.push({ type: 'status', device: this.device, flags, time: this.time });
  }
}

/** Rounds to `decimals` places (unit conversions must not invent precision the device lacks). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
