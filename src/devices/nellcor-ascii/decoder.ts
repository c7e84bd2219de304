import type { DecodeEvent, Decoder, DecoderStats } from '../driver';
import type { FrameError } from '../framing/frame-error';
import { LineFramer } from '../framing/line-framer';
import { SampleClock } from '../framing/sample-clock';
import { METRIC } from '../oximetry/oximetry-readings';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { LINES_PER_S, MAX_LINE_BYTES } from './constants';
import { parseLine, type NellcorData, type NellcorLine } from './frames';
import { codeMask, statusFlags } from './status-codes';

/**
 * Streaming decoder for Nellcor N-595 / NPB-290 output lines. The line framer splits any
 * chunking into lines and drops lines that are too long or not text; each line must then match
 * one of the known grammars (there is no checksum) or it is dropped and counted. Data lines give a
 * status reading when the status codes change and SpO2 and pulse rate as numerics on every line
 * (one a second: every line is both a change and the 1 Hz refresh). Header lines give device info
 * when a value changes; the column header and menu lines are skipped.
 *
 * Times: the line's own timestamp is the monitor's clock (often wrong, and without a zone), so
 * readings are timed by arrival on a 1 Hz SampleClock: a burst of lines keeps its one-second
 * spacing and any chunking of the stream gives the same times.
 */
export class NellcorAsciiDecoder implements Decoder {
  private readonly framer = new LineFramer({ maxLineBytes: MAX_LINE_BYTES });
  private readonly clock = new SampleClock(LINES_PER_S);
  private readonly iso = new IsoTimeFormatter();
  private readonly info = new Map<string, string>();
  private framerDropped = 0;
  /** codeMask of the last status reading; -1 before the first. */
  private lastCodes = -1;
  private lastFlags = '';
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
    const parsed: (NellcorLine | FrameError)[] = [];
    let dataLines = 0;
    for (const text of lines) {
      const line = parseLine(text);
      parsed.push(line);
      if (line.kind === 'data') dataLines++;
    }
    const firstMs = this.clock.place(atMs, dataLines);
    let index = 0;
    for (const line of parsed) {
      switch (line.kind) {
        case 'data':
          this.counts.frames++;
          this.emitData(line, firstMs + index * this.clock.periodMs, events);
          index++;
          break;
        case 'info':
          this.counts.frames++;
          for (const [key, value] of line.entries) {
            if (this.info.get(key) === value) continue;
            this.info.set(key, value);
            events.push({ kind: 'device-info', key, value });
          }
          break;
        case 'ignored':
          break;
        case 'frame-error':
          this.counts.dropped++;
          events.push({ kind: 'frame-error', code: line.code, detail: line.detail });
          break;
      }
    }
    return events;
  }

  reset(): void {
    this.framer.reset();
    this.clock.reset();
    this.info.clear();
    this.lastCodes = -1;
    this.lastFlags = '';
  }

  private emitData(line: NellcorData, timeMs: number, events: DecodeEvent[]): void {
    const time = this.iso.format(timeMs);
    const device = this.deviceId;
    const codes = codeMask(line.codes);
    if (codes !== this.lastCodes) {
      const flags = statusFlags(line.codes);
      const key = flags.join();
      // Different codes can raise the same flags (PH / SL: alarm): only a change counts.
      if (this.lastCodes < 0 || key !== this.lastFlags) {
        events.push({ kind: 'reading', reading: { type: 'status', device, flags, time } });
      }
      this.lastCodes = codes;
      this.lastFlags = key;
    }
    const { spo2, pulseRate } = line;
    events.push(
      {
        kind: 'reading',
        reading: { type: 'numeric', device, metric: METRIC.spo2, value: spo2, unit: '%', time },
      },
      {
        kind: 'reading',
        reading: { type: 'numeric', device, metric: METRIC.pulseRate, value: pulseRate, unit: '/min', time },
      },
    );
  }

  /** Lines the framer dropped (too long, not text) are frames that failed validation too. */
  private reportFramerDrops(events: DecodeEvent[]): void {
    const { dropped } = this.framer.stats;
    for (; this.framerDropped < dropped; this.framerDropped++) {
      this.counts.dropped++;
      events.push({ kind: 'frame-error', code: 'malformed', detail: 'line too long or not ASCII text' });
    }
  }
}
