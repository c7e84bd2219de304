import type { DecodeEvent, Decoder, DecoderStats } from '../driver';
import type { FrameError } from '../framing/frame-error';
import { LineFramer } from '../framing/line-framer';
import { SampleClock } from '../framing/sample-clock';
import { METRIC } from '../oximetry/oximetry-readings';
import type { MetricId } from '../../shared/domain/metrics';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { LINES_PER_S, MAX_LINE_BYTES } from './constants';
import { CONDITION_BITS, exceptionFlags } from './exceptions';
import { parseLine, type MasimoLine } from './frames';

/**
 * Streaming decoder for Masimo ASCII 1 lines. The line framer splits any chunking into lines and
 * drops lines that are too long or not text; each line must then match the documented grammar
 * (there is no checksum) or it is dropped and counted. Per line: a status reading when the EXC
 * conditions change, the serial number as device info when it changes, and SpO2, pulse rate and
 * PI (when the line has it) as numerics — the device sends one line a second, so every line is
 * both a change and the 1 Hz refresh.
 *
 * Times: the line's own timestamp comes from the monitor's clock, which nobody sets; readings
 * are timed by arrival instead, on a 1 Hz SampleClock so that lines arriving in one burst keep
 * their one-second spacing and any chunking of the stream gives the same times.
 */
export class MasimoAsciiDecoder implements Decoder {
  private readonly framer = new LineFramer({ maxLineBytes: MAX_LINE_BYTES });
  private readonly clock = new SampleClock(LINES_PER_S);
  private readonly iso = new IsoTimeFormatter();
  private framerDropped = 0;
  /** EXC condition bits of the last status reading; -1 before the first. */
  private lastConditions = -1;
  private lastFlags = '';
  private lastSerialNumber = '';
  private counts = { frames: 0, dropped: 0 };

  constructor(private readonly deviceId: string) {}

  get stats(): DecoderStats {
    return { ...this.counts, skippedBytes: this.framer.stats.droppedBytes };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const lines = this.framer.push(chunk);
    this.reportFramerDrops(events);
    if (lines.length === 0) return events;
    const parsed: (MasimoLine | FrameError)[] = [];
    let valid = 0;
    for (const text of lines) {
      const line = parseLine(text);
      parsed.push(line);
      if (!('kind' in line)) valid++;
    }
    const firstMs = this.clock.place(atMs, valid);
    let index = 0;
    for (const line of parsed) {
      if ('kind' in line) {
        this.counts.dropped++;
        events.push({ kind: 'frame-error', code: line.code, detail: line.detail });
      } else {
        this.counts.frames++;
        this.emitLine(line, firstMs + index * this.clock.periodMs, events);
        index++;
      }
    }
    return events;
  }

  reset(): void {
    this.framer.reset();
    this.clock.reset();
    this.lastConditions = -1;
    this.lastFlags = '';
    this.lastSerialNumber = '';
  }

  private emitLine(line: MasimoLine, timeMs: number, events: DecodeEvent[]): void {
    const time = this.iso.format(timeMs);
    const device = this.deviceId;
    // "SN=----------" is a monitor that does not report one: nothing to tell.
    if (line.serialNumber !== this.lastSerialNumber && !line.serialNumber.startsWith('-')) {
      this.lastSerialNumber = line.serialNumber;
      events.push({ kind: 'device-info', key: 'serial-number', value: line.serialNumber });
    }
    const conditions = line.exceptions & CONDITION_BITS;
    if (conditions !== this.lastConditions) {
      const flags = exceptionFlags(conditions);
      const key = flags.join();
      // Two bits can raise the same flag (interference / ambient light): only a change counts.
      if (this.lastConditions < 0 || key !== this.lastFlags) {
        events.push({ kind: 'reading', reading: { type: 'status', device, flags, time } });
      }
      this.lastConditions = conditions;
      this.lastFlags = key;
    }
    numeric(events, device, METRIC.spo2, line.spo2, '%', time);
    numeric(events, device, METRIC.pulseRate, line.pulseRate, '/min', time);
    if (line.perfusionIndex !== undefined) {
      numeric(events, device, METRIC.perfusionIndex, line.perfusionIndex, '%', time);
    }
  }

  /** Lines the framer dropped (too long, not text) are frames that failed validation too. */
  private reportFramerDrops(events: DecodeEvent[]): void {
    const { overlongLines, nonTextLines } = this.framer.stats;
    const dropped = overlongLines + nonTextLines;
    for (; this.framerDropped < dropped; this.framerDropped++) {
      this.counts.dropped++;
      events.push({ kind: 'frame-error', code: 'malformed', detail: 'line too long or not ASCII text' });
    }
  }
}

function numeric(
  events: DecodeEvent[],
  device: string,
  metric: MetricId,
  value: number | null,
  unit: string,
  time: string,
): void {
  events.push({ kind: 'reading', reading: { type: 'numeric', device, metric, value, unit, time } });
}
