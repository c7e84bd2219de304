import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { isoTimeOf } from '../../shared/domain/readings';
import { isValidClock, utcOfClock, type DeviceClock } from '../nonin/commands';
import { ETX, OP, STX, TIME_FIELDS } from '../nonin/constants';
import { NONIN_FLAG } from '../nonin/flags';
import { ReplyWatch } from '../nonin/format-reply';
import { emptyNoninFrame, NoninReadingEmitter } from '../nonin/readings';
import {
  MAX_DATA_LENGTH,
  MIN_DATA_LENGTH,
  RECORD_HEADER,
  RECORD_PREFIX_LENGTH,
  RECORD_SUFFIX_LENGTH,
  TIME_REPLY_LENGTH,
} from './constants';
import { dataChecksum, ETX_BYTE, readRecordData } from './frames';

/** What a try at one offset found: a length to consume, or one of these. */
const INCOMPLETE = 0;
const NOT_HERE = -1;

/**
 * Streaming decoder for format #13. Each record becomes SpO2 and pulse-rate numerics stamped with
 * the record's own date and time (a stored measurement keeps the time it was taken), plus a status
 * reading when the low-battery bit changes. Resync: hunt for the 4-byte header; once it matches, a
 * bad length (also one whose span holds the next header), a missing ETX or a bad checksum drops the record (counted) and the hunt resumes one
 * byte later, so a record right behind a corrupted one is still found. The device's reply to
 * "get time" becomes a `device-time` device-info event.
 */
export class NoninDf13Decoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly readings: NoninReadingEmitter;
  private readonly frame = emptyNoninFrame();
  private readonly replies = new ReplyWatch();
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(deviceId: string) {
    this.readings = new NoninReadingEmitter(deviceId, { refreshMs: 0 });
  }

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, _atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i];
      const found =
        b === RECORD_HEADER[0]
          ? this.tryRecord(bytes, i, events)
          : b === STX
            ? this.tryTimeReply(bytes, i, events)
            : NOT_HERE;
      if (found === INCOMPLETE) break;
      if (found > 0) {
        this.replies.frame();
        i += found;
        continue;
      }
      this.skip(b, events);
      i++;
    }
    this.remainder.keep(bytes, i);
    return events;
  }

  reset(): void {
    this.remainder.clear();
    this.readings.reset();
    this.replies.reset();
  }

  private tryRecord(bytes: Uint8Array, i: number, events: DecodeEvent[]): number {
    const end = bytes.length;
    for (let k = 1; k < RECORD_HEADER.length; k++) {
      if (i + k >= end) return INCOMPLETE;
      if (bytes[i + k] !== RECORD_HEADER[k]) return NOT_HERE;
    }
    if (i + RECORD_PREFIX_LENGTH > end) return INCOMPLETE;
    const length = (bytes[i + 4] << 8) | bytes[i + 5];
    if (length < MIN_DATA_LENGTH || length > MAX_DATA_LENGTH) {
      return this.drop(
        events,
        'malformed',
        `record data length ${length} is outside ${MIN_DATA_LENGTH}..${MAX_DATA_LENGTH}`,
      );
    }
    const total = RECORD_PREFIX_LENGTH + length + RECORD_SUFFIX_LENGTH;
    // A corrupted length must not hold back the records behind it until its bytes have arrived.
    if (headerWithin(bytes, i + RECORD_PREFIX_LENGTH, Math.min(end, i + total))) {
      return this.drop(events, 'malformed', `record length ${length} runs into the next record`);
    }
    if (i + total > end) return INCOMPLETE;
    if (bytes[i + total - 1] !== ETX_BYTE)
      return this.drop(events, 'malformed', 'record does not end with ETX');
    const checksum = dataChecksum(bytes, i + RECORD_PREFIX_LENGTH, length);
    if (bytes[i + total - 2] !== checksum) {
      return this.drop(events, 'checksum', `record checksum ${bytes[i + total - 2]}, expected ${checksum}`);
    }
    const record = readRecordData(bytes, i + RECORD_PREFIX_LENGTH);
    if (typeof record === 'string') {
      this.drop(events, 'out-of-range', record);
      return total; // the framing and checksum held: the record is whole, its content impossible
    }
    this.counts.frames++;
    const { frame } = this;
    frame.spo2 = record.spo2;
    frame.pulseRate = record.pulseRate;
    frame.flags = record.lowBattery ? NONIN_FLAG.lowBattery : 0;
    this.readings.add(frame, utcOfClock(record.clock), events);
    return total;
  }

  private tryTimeReply(bytes: Uint8Array, i: number, events: DecodeEvent[]): number {
    const end = bytes.length;
    if (i + 1 < end && bytes[i + 1] !== OP.timeReply) return NOT_HERE;
    if (i + 2 < end && bytes[i + 2] !== TIME_FIELDS) return NOT_HERE;
    if (i + TIME_REPLY_LENGTH > end) return INCOMPLETE;
    if (bytes[i + TIME_REPLY_LENGTH - 1] !== ETX) return NOT_HERE;
    const f = (k: number): number => bytes[i + 3 + k];
    const clock: DeviceClock = {
      year: 2000 + f(0),
      month: f(1),
      day: f(2),
      hour: f(3),
      minute: f(4),
      second: f(5),
    };
    if (!isValidClock(clock)) return this.drop(events, 'out-of-range', 'device time is not a valid date');
    events.push({ kind: 'device-info', key: 'device-time', value: isoTimeOf(utcOfClock(clock)) });
    return TIME_REPLY_LENGTH;
  }

  private skip(byte: number, events: DecodeEvent[]): void {
    this.counts.skippedBytes++;
    this.replies.skipped(byte, events);
  }

  /** Counts a dropped record; the hunt goes on at the next byte. */
  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): number {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
    return NOT_HERE;
  }
}

/** Whether a record header starts in `bytes[from..to)` (and ends before `to`). */
function headerWithin(bytes: Uint8Array, from: number, to: number): boolean {
  for (let p = from; p + RECORD_HEADER.length <= to; p++) {
    if (bytes[p] === 0x00 && bytes[p + 1] === 0x02 && bytes[p + 2] === 0x00 && bytes[p + 3] === 0x0d)
      return true;
  }
  return false;
}
