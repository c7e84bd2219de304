import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { SampleClock } from '../framing/sample-clock';
import { NONIN_FLAG } from './flags';
import { ReplyWatch } from './format-reply';
import { FRAMES_PER_S, PacketTracker } from './packet';
import {
  emptyPlethFrameFields,
  PLETH_FRAME_LENGTH,
  STATUS_BIT,
  statusFlags,
  type PlethFrameLayout,
} from './pleth-frame';
import { emptyNoninFrame, NoninReadingEmitter } from './readings';

/**
 * Streaming decoder for formats #2 and #7 (75 frames/s, 25-frame packets). Two passes per push, as
 * in the Contec decoders: frame boundaries first, then decoding with sample-accurate times.
 *
 * Alignment: once aligned, a frame is expected every 5 bytes; one that fails its start test or
 * checksum where it was due is a dropped frame, counted with its reason, and the decoder hunts
 * again. While hunting, one window that passes the checksum is not enough: a misaligned window
 * passes by chance about once in 512 for #7 (whose only start mark is STATUS bit 7), and a real
 * 9560 capture showed one (sample 33322 where the device sent 10752). A window is accepted only
 * with the frames after it as evidence (RESYNC_FRAMES windows in a row pass, with at most one SYNC
 * among them, as real frames have: SYNC marks 1 frame in 25); bytes skipped while hunting are
 * skipped bytes, not frames.
 */
export class NoninPlethDecoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly clock = new SampleClock(FRAMES_PER_S);
  private readonly readings: NoninReadingEmitter;
  private readonly packet = new PacketTracker();
  private readonly fields = emptyPlethFrameFields();
  private readonly frame = emptyNoninFrame();
  private frameOffsets = new Int32Array(1024);
  /** Bytes skipped just before each frame of this push (0: it follows the previous frame). */
  private skippedBefore = new Int32Array(1024);
  private skippedSinceFrame = 0;
  /** Aligned: the last bytes were a frame, so the next 5 should be one too. */
  private aligned = false;
  private readonly replies = new ReplyWatch();
  private keepFrom = 0;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(
    deviceId: string,
    private readonly layout: PlethFrameLayout,
  ) {
    this.readings = new NoninReadingEmitter(deviceId, { plethRateHz: FRAMES_PER_S });
  }

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    const count = this.findFrames(bytes, events);
    let slots = 0;
    for (let f = 0; f < count; f++) slots += lostSlots(this.skippedBefore[f]) + 1;
    const firstMs = this.clock.place(atMs, slots);
    let slot = 0;
    for (let f = 0; f < count; f++) {
      const skipped = this.skippedBefore[f];
      if (skipped > 0) {
        this.readings.endRun(events);
        this.packet.lose();
        slot += lostSlots(skipped);
      }
      this.decodeFrame(bytes, this.frameOffsets[f], firstMs + slot * this.clock.periodMs, events);
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
    this.packet.reset();
    this.skippedSinceFrame = 0;
    this.aligned = false;
    this.replies.reset();
  }

  /** Pass 1: frame boundaries. Returns how many frames were found. */
  private findFrames(bytes: Uint8Array, events: DecodeEvent[]): number {
    const { layout } = this;
    const end = bytes.length;
    let count = 0;
    let i = 0;
    while (i < end) {
      if (this.aligned) {
        if (end - i < PLETH_FRAME_LENGTH) {
          if (layout.couldStart(bytes, i, end)) break;
          this.missedFrame(events, 'malformed');
        } else {
          const error = layout.check(bytes, i);
          if (error === null) {
            if (count === this.frameOffsets.length) this.growFrameTables();
            this.frameOffsets[count] = i;
            this.skippedBefore[count] = this.skippedSinceFrame;
            this.skippedSinceFrame = 0;
            this.replies.frame();
            count++;
            i += PLETH_FRAME_LENGTH;
            continue;
          }
          this.missedFrame(events, error);
        }
      } else {
        const evidence = alignmentEvidence(layout, bytes, i, end);
        if (evidence === WAIT_FOR_BYTES) break;
        if (evidence === ALIGNED) {
          this.aligned = true;
          continue;
        }
      }
      this.skip(bytes[i], events);
      i++;
    }
    this.keepFrom = i;
    return count;
  }

  /** Pass 2: one frame measured at `timeMs`. */
  private decodeFrame(bytes: Uint8Array, offset: number, timeMs: number, events: DecodeEvent[]): void {
    const { fields, frame, packet } = this;
    this.layout.read(bytes, offset, fields);
    if (!packet.frame((fields.status & STATUS_BIT.sync) !== 0, fields.float)) {
      packet.lose();
      this.readings.endRun(events);
      this.drop(events, 'out-of-range', `SpO2 ${fields.float} is neither 0..100 nor the missing marker 127`);
      return;
    }
    this.counts.frames++;
    frame.spo2 = packet.spo2;
    frame.pulseRate = packet.pulseRate;
    frame.flags = statusFlags(fields.status) | (packet.lowBattery ? NONIN_FLAG.lowBattery : 0);
    this.readings.add(frame, timeMs, events, fields.pleth);
  }

  private missedFrame(events: DecodeEvent[], code: FrameErrorCode): void {
    this.aligned = false;
    this.drop(events, code, `format #${this.layout.format}: no valid frame where one was due (${code})`);
  }

  private skip(byte: number, events: DecodeEvent[]): void {
    this.counts.skippedBytes++;
    this.skippedSinceFrame++;
    this.replies.skipped(byte, events);
  }

  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }

  private growFrameTables(): void {
    const offsets = new Int32Array(this.frameOffsets.length * 2);
    offsets.set(this.frameOffsets);
    this.frameOffsets = offsets;
    const skipped = new Int32Array(this.skippedBefore.length * 2);
    skipped.set(this.skippedBefore);
    this.skippedBefore = skipped;
  }
}

/** Frames most likely lost in `skipped` bytes, for the sample clock. */
function lostSlots(skipped: number): number {
  return Math.round(skipped / PLETH_FRAME_LENGTH);
}

/** Consecutive windows that must pass before a hunting decoder takes the first one for a frame. */
export const RESYNC_FRAMES = 3;

const NOT_ALIGNED = 0;
const ALIGNED = 1;
const WAIT_FOR_BYTES = 2;

/**
 * Whether a frame starts at `i` of a stream the decoder is not aligned to: RESYNC_FRAMES windows
 * in a row pass the layout's checks with at most one SYNC among them. WAIT_FOR_BYTES when the
 * windows so far pass and the rest has not arrived (the answer must not depend on the chunking).
 */
function alignmentEvidence(layout: PlethFrameLayout, bytes: Uint8Array, i: number, end: number): number {
  let syncs = 0;
  for (let k = 0; k < RESYNC_FRAMES; k++) {
    const at = i + k * PLETH_FRAME_LENGTH;
    if (at >= end) return WAIT_FOR_BYTES;
    if (end - at < PLETH_FRAME_LENGTH)
      return layout.couldStart(bytes, at, end) ? WAIT_FOR_BYTES : NOT_ALIGNED;
    if (layout.check(bytes, at) !== null) return NOT_ALIGNED;
    if (bytes[at + layout.statusAt] & STATUS_BIT.sync) syncs++;
  }
  return syncs <= 1 ? ALIGNED : NOT_ALIGNED;
}
