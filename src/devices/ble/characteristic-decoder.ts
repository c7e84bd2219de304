import type { DecodeEvent, Decoder, DecoderStats } from '../driver';
import type { BleDecodeFunction, BleDecodeOptions } from './ble-decoded';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import type { MeasurementMemory } from './measurement-memory';

/**
 * When a characteristic's status reading is worth sending: `every-value` for discrete measurements
 * (a BP result, a spot check: each carries its own conditions, and a result must clear the
 * `measuring` status of the cuff-pressure notifications), `on-change` for ~1 Hz streams (a heart
 * rate strap, a continuous oximeter), as the wired drivers do.
 */
export type StatusPolicy = 'every-value' | 'on-change';

export interface CharacteristicPolicy {
  readonly status: StatusPolicy;
  /**
   * Where one value is one measurement the device may send again (BP result, thermometer, spot
   * check), the memory of those already taken: a repeat with a known device timestamp yields only
   * a `duplicate-measurement` device-info (measurement-memory.ts). Absent for streams.
   */
  readonly episodic?: MeasurementMemory;
}

/** device-info key of a re-sent episodic measurement; value: its device time (ISO). */
export const DUPLICATE_MEASUREMENT_INFO = 'duplicate-measurement';

/**
 * A `Decoder` for one GATT characteristic. Unlike a serial stream, Bluetooth delivers whole values:
 * one `push` is one characteristic value (a notification or an indication), so there is nothing to
 * reassemble or resync, and `skippedBytes` stays 0. A short or corrupted value is one dropped frame
 * (a `frame-error` event, counted), never a throw.
 */
export class BleCharacteristicDecoder<Fields> implements Decoder {
  private readonly iso = new IsoTimeFormatter();
  private readonly formatTime = (epochMs: number) => this.iso.format(epochMs);
  private lastStatusKey: string | null = null;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(
    private readonly deviceId: string,
    private readonly decode: BleDecodeFunction<Fields>,
    private readonly policy: CharacteristicPolicy,
    private readonly options: BleDecodeOptions = {},
  ) {}

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const result = this.decode(chunk, atMs, this.deviceId, this.options, this.formatTime);
    if (result.kind === 'frame-error') {
      this.counts.dropped++;
      return [{ kind: 'frame-error', code: result.code, detail: result.detail }];
    }
    this.counts.frames++;
    const deviceTimeMs = result.deviceTimeMs ?? null;
    const memory = this.policy.episodic;
    if (memory !== undefined && deviceTimeMs !== null && !memory.remember(this.deviceId, chunk)) {
      return [{ kind: 'device-info', key: DUPLICATE_MEASUREMENT_INFO, value: this.formatTime(deviceTimeMs) }];
    }
    const events: DecodeEvent[] = [];
    for (const reading of result.readings) {
      if (reading.type === 'status' && this.policy.status === 'on-change') {
        const key = reading.flags.join(',');
        if (key === this.lastStatusKey) continue;
        this.lastStatusKey = key;
      }
      events.push({ kind: 'reading', reading });
    }
    return events;
  }

  /** A reconnect: the status is sent afresh; the measurement memory is kept (it outlives us). */
  reset(): void {
    this.lastStatusKey = null;
  }
}
