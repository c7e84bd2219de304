import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { BpRecordImporter } from '../bp/bp-record';
import { fixedOffsetZone, rememberingZone, type DeviceClockZone } from '../bp/device-clock';
import { BpRecordLedger } from '../bp/record-ledger';
import { EMPTY_RECORD_REPLY, HANDSHAKE_REPLY, RECORD_HEADER, RECORD_LENGTH } from './constants';
import { parseRecord, wallClockOf } from './frames';

export interface Bm58DecoderOptions {
  /** Records already imported, per device; the driver shares one per process. Default: a new one. */
  readonly ledger?: BpRecordLedger;
  /**
   * The zone the device clock was set in: each record's wall-clock date and time becomes UTC with
   * the offset in force on that date. The driver passes the station's zone (LOCAL_ZONE).
   */
  readonly zone?: DeviceClockZone;
  /** A fixed offset (local − UTC, minutes) instead of a zone; neither given: UTC. */
  readonly utcOffsetMinutes?: number;
}

/** Key of the `device-info` event for every other reply byte, value = two hex digits. */
export const REPLY_BYTE_INFO = 'reply-byte';

/** One shared, frozen event per byte value: a reply byte costs no allocation on the hot path. */
const REPLY_EVENTS: readonly DecodeEvent[] = Array.from({ length: 256 }, (_, byte) =>
  Object.freeze({
    kind: 'device-info',
    key: REPLY_BYTE_INFO,
    value: byte.toString(16).toUpperCase().padStart(2, '0'),
  } as const),
);
/**
 * The device → host bytes of a download. Replies carry no framing: a record starts with 0xAC and
 * is 9 bytes long, anything else is a one-byte reply (handshake 0x55, record count, 0xA9 for an
 * empty slot) whose meaning only the host knows, since it knows what it asked — so those bytes go
 * to the host as `reply-byte` events. Records are buffered: the order is not guaranteed, so the
 * import rule of ../bp (first download: the newest record only; later: only newer ones) runs when
 * the download ends — after the count-th reply (record, empty slot or garbled record) following the
 * handshake 0x55 and the count byte. Imported records give systolic, diastolic and pulse.
 */
export class BeurerBm58Decoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly importer: BpRecordImporter;
  private readonly zone: DeviceClockZone;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };
  /** Where the download stands: waiting for the handshake, for the count, or `remaining` replies. */
  private phase: 'handshake' | 'count' | 'records' = 'handshake';
  private remaining = 0;

  constructor(deviceId: string, options: Bm58DecoderOptions = {}) {
    // The device reports no serial number: one BM58 per station is assumed.
    this.importer = new BpRecordImporter(deviceId, options.ledger ?? new BpRecordLedger(), 'beurer-bm58');
    this.zone = rememberingZone(options.zone ?? fixedOffsetZone(options.utcOffsetMinutes ?? 0));
  }

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, _atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    let i = 0;
    while (i < bytes.length) {
      const byte = bytes[i];
      if (byte !== RECORD_HEADER) {
        this.counts.frames++;
        events.push(REPLY_EVENTS[byte]);
        this.trackReply(byte, events);
        i++;
        continue;
      }
      if (i + RECORD_LENGTH > bytes.length) break;
      const parsed = parseRecord(bytes, i);
      if ('kind' in parsed) {
        // Not a record after all: drop only the 0xAC, so a real record right behind it is found.
        this.drop(events, parsed.code, parsed.detail);
        this.countRecordReply(events); // the host asks again or moves on: either way one slot less
        i++;
        continue;
      }
      this.counts.frames++;
      const { systolic, diastolic, pulse } = parsed;
      // The record's own date and time, as the device's clock read when it measured.
      const timeMs = this.zone.toEpochMs(wallClockOf(parsed));
      this.importer.add({ timeMs, systolic, diastolic, pulse }, events);
      this.countRecordReply(events);
      i += RECORD_LENGTH;
    }
    this.remainder.keep(bytes, i);
    return events;
  }

  reset(): void {
    this.remainder.clear();
    this.importer.discard();
    this.phase = 'handshake';
    this.remaining = 0;
  }

  private trackReply(byte: number, events: DecodeEvent[]): void {
    if (this.phase === 'handshake') {
      if (byte === HANDSHAKE_REPLY) this.phase = 'count';
    } else if (this.phase === 'count') {
      this.phase = 'records';
      this.remaining = byte;
      if (byte === 0) this.endDownload(events);
    } else if (byte === EMPTY_RECORD_REPLY) {
      this.countRecordReply(events);
    }
  }

  private countRecordReply(events: DecodeEvent[]): void {
    if (this.phase === 'records' && --this.remaining <= 0) this.endDownload(events);
  }

  private endDownload(events: DecodeEvent[]): void {
    this.importer.finish(events);
    this.phase = 'handshake';
    this.remaining = 0;
  }

  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }
}
