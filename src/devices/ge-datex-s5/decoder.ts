import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { FlagFramer, type FrameSink } from './flag-framer';
import { BASIC_FIELDS, parseRecord } from './frames';

/**
 * Streaming decoder for the monitor → host direction. A displayed-values record is the monitor's
 * screen at that moment, so every record yields one numeric per basic field (null for a control
 * code), timed at the record's arrival: the header time is the monitor's clock, which nobody sets.
 */
export class GeDatexS5Decoder implements Decoder {
  private readonly framer = new FlagFramer();
  private readonly iso = new IsoTimeFormatter();
  private counts = { frames: 0, dropped: 0, skippedBytes: 0 };
  private driLevel = -1;
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
      BASIC_FIELDS.forEach((field, i) => {
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

  private drop(code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    this.events.push({ kind: 'frame-error', code, detail });
  }
}
