import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { SampleClock } from '../framing/sample-clock';
import { ReplyWatch } from '../nonin/format-reply';
import { emptyNoninFrame, NoninReadingEmitter } from '../nonin/readings';
import { FRAME_LENGTH, FRAME_START_BIT, FRAMES_PER_S } from './constants';
import { df8Flags, emptyDf8Frame, readFrame } from './frames';

/**
 * Streaming decoder for format #8. No checksum: resync on bit 7, which only STATUS has. A start
 * byte followed directly by another is skipped; a frame cut short by a bit-7 byte in positions 2..3
 * is dropped and counted, and scanning resumes at that byte. Every frame is a once-a-second report,
 * so its numerics are all emitted; status on change. Frame times come from a 1 Hz SampleClock.
 */
export class NoninDf8Decoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly clock = new SampleClock(FRAMES_PER_S);
  private readonly readings: NoninReadingEmitter;
  private readonly fields = emptyDf8Frame();
  private readonly frame = emptyNoninFrame();
  private frameOffsets: number[] = [];
  private readonly replies = new ReplyWatch();
  private keepFrom = 0;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(deviceId: string) {
    this.readings = new NoninReadingEmitter(deviceId, { refreshMs: 0 });
  }

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    const offsets = this.findFrames(bytes, events);
    const firstMs = this.clock.place(atMs, offsets.length);
    for (let f = 0; f < offsets.length; f++) {
      this.decodeFrame(bytes, offsets[f], firstMs + f * this.clock.periodMs, events);
    }
    this.remainder.keep(bytes, this.keepFrom);
    return events;
  }

  reset(): void {
    this.remainder.clear();
    this.clock.reset();
    this.readings.reset();
    this.replies.reset();
  }

  /** Pass 1: frame boundaries (offsets into `bytes`). */
  private findFrames(bytes: Uint8Array, events: DecodeEvent[]): number[] {
    const offsets = this.frameOffsets;
    offsets.length = 0;
    const end = bytes.length;
    let i = 0;
    scan: while (i < end) {
      if (!(bytes[i] & FRAME_START_BIT)) {
        this.skip(bytes[i], events);
        i++;
        continue;
      }
      if (i + 1 >= end) break;
      if (bytes[i + 1] & FRAME_START_BIT) {
        this.skip(bytes[i], events);
        i++;
        continue;
      }
      for (let k = 2; k < FRAME_LENGTH; k++) {
        if (i + k >= end) break scan;
        if (bytes[i + k] & FRAME_START_BIT) {
          this.drop(events, 'malformed', `format #8 frame cut short: byte ${k} has bit 7`);
          this.counts.skippedBytes += k;
          this.replies.interrupted();
          i += k;
          continue scan;
        }
      }
      offsets.push(i);
      this.replies.frame();
      i += FRAME_LENGTH;
    }
    this.keepFrom = i;
    return offsets;
  }

  private decodeFrame(bytes: Uint8Array, offset: number, timeMs: number, events: DecodeEvent[]): void {
    const { fields, frame } = this;
    const error = readFrame(bytes, offset, fields);
    if (error !== null) {
      this.drop(events, 'out-of-range', error);
      return;
    }
    this.counts.frames++;
    frame.spo2 = fields.spo2;
    frame.pulseRate = fields.pulseRate;
    frame.flags = df8Flags(fields);
    this.readings.add(frame, timeMs, events);
  }

  private skip(byte: number, events: DecodeEvent[]): void {
    this.counts.skippedBytes++;
    this.replies.skipped(byte, events);
  }

  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }
}
