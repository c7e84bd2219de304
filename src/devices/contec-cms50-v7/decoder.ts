import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { FrameTable } from '../framing/frame-table';
import { SampleClock } from '../framing/sample-clock';
import { OXIMETRY_FLAG } from '../oximetry/oximetry-flags';
import { emptyOximetryFrame, OximetryReadingEmitter } from '../oximetry/oximetry-readings';
import { PACKAGE, REALTIME_PACKAGES_PER_S, UPLINK_LENGTH_BY_TYPE } from './constants';
import { DeviceInfoTracker } from './device-info';
import { decodeValidPackage, emptyRealtimeFields, readRealtime, type RealtimeFields } from './frames';
import { createScanCursor, SCAN_INCOMPLETE, SCAN_MALFORMED, scanPackage } from './package-scanner';

const REALTIME_LENGTH = UPLINK_LENGTH_BY_TYPE[PACKAGE.realtime];

/**
 * Streaming decoder for the V7 uplink. Each push runs in two passes: the first finds package
 * boundaries (handling replies at once and noting where the real-time packages are), the second
 * decodes the real-time packages with sample-accurate times — the sample clock needs to know how
 * many samples a chunk carried before it can place the first one.
 */
export class Cms50V7Decoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly clock = new SampleClock(REALTIME_PACKAGES_PER_S);
  private readonly readings: OximetryReadingEmitter;
  private readonly info = new DeviceInfoTracker();
  private readonly cursor = createScanCursor();
  private readonly fields: RealtimeFields = emptyRealtimeFields();
  private readonly frame = emptyOximetryFrame();
  /** This push's real-time packages (pass 1), for pass 2. */
  private readonly found = new FrameTable(512);
  /** Lost real-time samples since the last good one (dropped packages; skipped bytes / 9). */
  private droppedSinceSample = 0;
  private skippedSinceSample = 0;
  /** Where this push's unconsumed tail starts; kept only after pass 2, which still reads `bytes`. */
  private keepFrom = 0;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };

  constructor(deviceId: string) {
    this.readings = new OximetryReadingEmitter(deviceId, REALTIME_PACKAGES_PER_S);
  }

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    const { found } = this;
    this.findPackages(bytes, events);
    const firstMs = this.clock.place(atMs, found.slots());
    let slot = 0;
    for (let f = 0; f < found.count; f++) {
      const lost = found.lostBefore[f];
      if (lost > 0) this.readings.endRun(events);
      slot += lost;
      this.decodeRealtime(bytes, found.offsets[f], firstMs + slot * this.clock.periodMs, events);
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
    this.info.reset();
    this.droppedSinceSample = 0;
    this.skippedSinceSample = 0;
  }

  /** Pass 1: package boundaries; real-time packages into `found`, the others handled at once. */
  private findPackages(bytes: Uint8Array, events: DecodeEvent[]): void {
    const { cursor } = this;
    this.found.clear();
    let from = 0;
    for (;;) {
      const outcome = scanPackage(bytes, from, UPLINK_LENGTH_BY_TYPE, cursor);
      this.counts.skippedBytes += cursor.skipped;
      this.skippedSinceSample += cursor.skipped;
      if (outcome === SCAN_INCOMPLETE) {
        this.keepFrom = cursor.start;
        return;
      }
      const start = cursor.start;
      from = start + cursor.length;
      if (outcome === SCAN_MALFORMED) {
        if (bytes[start] === PACKAGE.realtime) this.droppedSinceSample++;
        this.drop(
          events,
          'malformed',
          `package type 0x${bytes[start].toString(16)} breaks the bit-7 layout rules`,
        );
      } else if (bytes[start] === PACKAGE.realtime) {
        this.found.add(
          start,
          this.droppedSinceSample + Math.round(this.skippedSinceSample / REALTIME_LENGTH),
        );
        this.droppedSinceSample = 0;
        this.skippedSinceSample = 0;
      } else {
        const parsed = decodeValidPackage(bytes, start);
        if (parsed.kind === 'frame-error') {
          this.drop(events, parsed.code, parsed.detail);
        } else {
          this.counts.frames++;
          this.info.handle(parsed, events);
        }
      }
    }
  }

  /** Pass 2: one real-time package measured at `timeMs`. */
  private decodeRealtime(bytes: Uint8Array, offset: number, timeMs: number, events: DecodeEvent[]): void {
    const { fields, frame } = this;
    const error = readRealtime(bytes, offset, fields);
    if (error !== null) {
      this.readings.endRun(events);
      this.drop(events, 'out-of-range', error);
      return;
    }
    this.counts.frames++;
    frame.spo2 = fields.spo2;
    frame.pulseRate = fields.pulseRate;
    frame.perfusionIndex = fields.perfusionIndex;
    // The device forces the pleth to 0x40 while the probe is in error: that is not a sample.
    frame.pleth = fields.probeError ? null : fields.pleth;
    frame.flags =
      (fields.probeError ? OXIMETRY_FLAG.probeOff : 0) |
      (fields.searching ? OXIMETRY_FLAG.searching : 0) |
      (fields.searchingTooLong ? OXIMETRY_FLAG.searchingTooLong : 0) |
      (fields.lowSpo2 ? OXIMETRY_FLAG.lowSpo2 : 0) |
      (fields.pulseBeep ? OXIMETRY_FLAG.pulseBeep : 0);
    this.readings.add(frame, timeMs, events);
  }

  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }
}
