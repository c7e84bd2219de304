import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { FrameTable } from '../framing/frame-table';
import { SampleClock } from '../framing/sample-clock';
import { OXIMETRY_FLAG } from '../oximetry/oximetry-flags';
import { emptyOximetryFrame, OximetryReadingEmitter } from '../oximetry/oximetry-readings';
import { FRAME_LENGTH, FRAMES_PER_S, SYNC_BIT } from './constants';
import { emptyLegacyFrame, readFrame } from './frames';

/**
 * Streaming decoder for the legacy 5-byte stream. Resync on bit 7: a frame starts at a byte with
 * bit 7 set followed by one without; if a byte with bit 7 set turns up inside the next four, the
 * frame was cut short: it is dropped and counted, and scanning resumes at that byte.
 * Two passes per push, as in the V7 decoder: boundaries first, then timed decoding.
 */
export class Cms50LegacyDecoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly clock = new SampleClock(FRAMES_PER_S);
  private readonly readings: OximetryReadingEmitter;
  private readonly fields = emptyLegacyFrame();
  private readonly frame = emptyOximetryFrame();
  /** The frames this push holds (pass 1), for pass 2. */
  private readonly found = new FrameTable(1024);
  private droppedSinceSample = 0;
  private skippedSinceSample = 0;
  /** Where this push's unconsumed tail starts; kept only after pass 2, which still reads `bytes`. */
  private keepFrom = 0;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(deviceId: string) {
    this.readings = new OximetryReadingEmitter(deviceId, FRAMES_PER_S);
  }

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    const { found } = this;
    this.findFrames(bytes, events);
    const firstMs = this.clock.place(atMs, found.slots());
    let slot = 0;
    for (let f = 0; f < found.count; f++) {
      const lost = found.lostBefore[f];
      if (lost > 0) this.readings.endRun(events);
      slot += lost;
      this.decodeFrame(bytes, found.offsets[f], firstMs + slot * this.clock.periodMs, events);
      slot++;
    }
    this.readings.endRun(events);
    this.remainder.keep(bytes, this.keepFrom);
    return events;
  }

  reset(): void {
    this.remainder.clear();
    this.clock.reset();
    this.readings.reset();
    this.droppedSinceSample = 0;
    this.skippedSinceSample = 0;
  }

  /** Pass 1: frame boundaries, into `found`. */
  private findFrames(bytes: Uint8Array, events: DecodeEvent[]): void {
    const end = bytes.length;
    this.found.clear();
    let i = 0;
    let skipped = 0;
    scan: while (i < end) {
      if (!(bytes[i] & SYNC_BIT)) {
        i++;
        skipped++;
        continue;
      }
      if (i + 1 >= end) break;
      if (bytes[i + 1] & SYNC_BIT) {
        i++;
        skipped++;
        continue;
      }
      for (let k = 2; k < FRAME_LENGTH; k++) {
        if (i + k >= end) break scan;
        if (bytes[i + k] & SYNC_BIT) {
          this.droppedSinceSample++;
          this.drop(events, 'malformed', `frame cut short: byte ${k} has the sync bit`);
          i += k;
          continue scan;
        }
      }
      this.skippedSinceSample += skipped;
      this.counts.skippedBytes += skipped;
      skipped = 0;
      this.found.add(i, this.droppedSinceSample + Math.round(this.skippedSinceSample / FRAME_LENGTH));
      this.droppedSinceSample = 0;
      this.skippedSinceSample = 0;
      i += FRAME_LENGTH;
    }
    this.skippedSinceSample += skipped;
    this.counts.skippedBytes += skipped;
    this.keepFrom = i;
  }

  /** Pass 2: one frame measured at `timeMs`. */
  private decodeFrame(bytes: Uint8Array, offset: number, timeMs: number, events: DecodeEvent[]): void {
    const { fields, frame } = this;
    const error = readFrame(bytes, offset, fields);
    if (error !== null) {
      this.readings.endRun(events);
      this.drop(events, 'out-of-range', error);
      return;
    }
    this.counts.frames++;
    // No invalid-value markers are documented for this stream; the device's own flags say when
    // it has no measurement (probe error, searching for a pulse), and then the values are not used.
    // Byte 0 bit 4 is "finger out" to one source and "searching too long" to the other: either
    // way the device has no measurement, so it voids the numbers too (PROTOCOL.md).
    const noMeasurement = fields.probeError || fields.searching || fields.byte0Bit4;
    frame.spo2 = noMeasurement ? null : fields.spo2;
    frame.pulseRate = noMeasurement ? null : fields.pulseRate;
    frame.pleth = fields.probeError ? null : fields.pleth;
    frame.flags =
      (fields.probeError ? OXIMETRY_FLAG.probeOff : 0) |
      (fields.searching ? OXIMETRY_FLAG.searching : 0) |
      (fields.byte0Bit4 ? OXIMETRY_FLAG.searchingTooLong : 0) |
      (fields.spo2Dropping ? OXIMETRY_FLAG.lowSpo2 : 0) |
      (fields.pulseBeep ? OXIMETRY_FLAG.pulseBeep : 0);
    this.readings.add(frame, timeMs, events);
  }

  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }
}
