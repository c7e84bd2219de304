import { isEpisodic } from '../../shared/domain/metrics';
import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { FlagFramer, type FrameSink } from './flag-framer';
import { BASIC_FIELDS, parseRecord, type BasicValues } from './frames';

/** The basic fields that are one measurement each (the NIBP result and its pulse), by index. */
const EPISODIC = BASIC_FIELDS.map((field) => isEpisodic(field.metric));

/**
 * Streaming decoder for the monitor → host direction. A displayed-values record is the monitor's
 * screen at that moment, timed at the record's arrival (the header and subrecord times are the
 * monitor's clock at transmission, which nobody sets, not a measurement time):
 * - continuous fields (HR, SpO2, pulse, temperature, resp) → one numeric each per record, null for
 *   a control code;
 * - the NIBP result (sys, dia, mean, pulse) is shown until the next cuff cycle, so it is emitted
 *   only in the record where it first appears or changes, timed at that record's arrival (the
 *   basic class carries no measurement time: PROTOCOL.md); "no result" (all four control codes)
 *   is emitted once as nulls.
 */
export class GeDatexS5Decoder implements Decoder {
  private readonly framer = new FlagFramer();
  private readonly iso = new IsoTimeFormatter();
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };
  private driLevel = -1;
  /** The NIBP result last emitted, as its four values joined; null before the first record. */
  private lastNibpKey: string | null = null;
  private events: DecodeEvent[] = [];
  private atMs = 0;
  private readonly sink: FrameSink = {
    frame: (bytes, length) => this.handleFrame(bytes, length),
    malformed: (detail) => this.drop('malformed', detail),
  };

  constructor(private readonly deviceId: string) {}

  get stats(): DecoderStats {
    return { ...this.counts };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    this.events = events;
    this.atMs = atMs;
    this.framer.feed(chunk, this.sink);
    this.counts.skippedBytes += this.framer.takeSkipped();
    this.events = [];
    return events;
  }

  reset(): void {
    this.framer.reset();
    this.driLevel = -1;
    this.lastNibpKey = null;
  }

  private handleFrame(bytes: Uint8Array, length: number): void {
    const parsed = parseRecord(bytes, length);
    if (parsed.kind === 'frame-error') {
      this.drop(parsed.code, parsed.detail);
      return;
    }
    this.counts.frames++;
    if (parsed.driLevel !== this.driLevel) {
      this.driLevel = parsed.driLevel;
      this.events.push({ kind: 'device-info', key: 'dri-level', value: String(parsed.driLevel) });
    }
    const time = this.iso.format(this.atMs);
    for (const values of parsed.basic) {
      const nibpIsNew = this.isNewNibp(values);
      BASIC_FIELDS.forEach((field, i) => {
        if (EPISODIC[i] && !nibpIsNew) return;
        this.events.push({
          kind: 'reading',
          reading: {
            type: 'numeric',
            device: this.deviceId,
            metric: field.metric,
            value: values[i],
            unit: field.unit,
            time,
          },
        });
      });
    }
  }

  /** Whether the record's NIBP values differ from the last ones emitted (and records them). */
  private isNewNibp(values: BasicValues): boolean {
    const key = values.filter((_, i) => EPISODIC[i]).join(',');
    if (key === this.lastNibpKey) return false;
    this.lastNibpKey = key;
    return true;
  }

  private drop(code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    this.events.push({ kind: 'frame-error', code, detail });
  }
}
