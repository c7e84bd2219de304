import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { RECORD_HEADER, RECORD_LENGTH } from './constants';
import { measurementTimeMs, parseRecord, type StoredMeasurement } from './frames';
import { measurementReadings } from './readings';

/** Key of the `device-info` event for every record received (new or already downloaded). */
export const MEASUREMENT_INFO = 'measurement';
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
const NEW_MEASUREMENT: DecodeEvent = Object.freeze({
  kind: 'device-info',
  key: MEASUREMENT_INFO,
  value: 'new',
});
const KNOWN_MEASUREMENT: DecodeEvent = Object.freeze({
  kind: 'device-info',
  key: MEASUREMENT_INFO,
  value: 'already downloaded',
});

/**
 * The device → host bytes of a download. Replies carry no framing: a record starts with 0xAC and
 * is 9 bytes long, anything else is a one-byte reply (handshake 0x55, record count, 0xA9 for an
 * empty slot) whose meaning only the host knows, since it knows what it asked — so those bytes go
 * to the host as `reply-byte` events. Each record yields systolic, diastolic and pulse with the
 * record's own time, once per session: a record seen before (same time and values) is not re-emitted.
 */
export class BeurerBm58Decoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly iso = new IsoTimeFormatter();
  /** Survives `reset()`: a reconnect within the session must not publish a measurement twice. */
  private readonly downloaded = new Set<string>();
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(
    private readonly deviceId: string,
    private readonly utcOffsetMinutes = 0,
  ) {}

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
        i++;
        continue;
      }
      if (i + RECORD_LENGTH > bytes.length) break;
      const parsed = parseRecord(bytes, i);
      if ('kind' in parsed) {
        // Not a record after all: drop only the 0xAC, so a real record right behind it is found.
        this.drop(events, parsed.code, parsed.detail);
        i++;
        continue;
      }
      this.counts.frames++;
      this.emitRecord(parsed, recordKey(bytes, i), events);
      i += RECORD_LENGTH;
    }
    this.remainder.keep(bytes, i);
    return events;
  }

  reset(): void {
    this.remainder.clear();
  }

  /** `key` = the record's bytes: same time and same values ⇔ same key. */
  private emitRecord(m: StoredMeasurement, key: string, events: DecodeEvent[]): void {
    if (this.downloaded.has(key)) {
      events.push(KNOWN_MEASUREMENT);
      return;
    }
    this.downloaded.add(key);
    const time = this.iso.format(measurementTimeMs(m, this.utcOffsetMinutes));
    for (const reading of measurementReadings(this.deviceId, m, time))
      events.push({ kind: 'reading', reading });
    events.push(NEW_MEASUREMENT);
  }

  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }
}

/** The 8 bytes after the header as a string: identifies a measurement (time and values). */
function recordKey(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(
    bytes[at + 1],
    bytes[at + 2],
    bytes[at + 3],
    bytes[at + 4],
    bytes[at + 5],
    bytes[at + 6],
    bytes[at + 7],
    bytes[at + 8],
  );
}
