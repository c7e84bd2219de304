import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { FRAME } from './constants';
import { FrameScanner, type FrameSink } from './frame-scanner';
import { checkFrame } from './frames';
import { parseMessage, type Message } from './messages';
import { mapObservation } from './observations';

/**
 * Streaming decoder for monitor → station frames. The scanner finds frames byte by byte (so any
 * chunking decodes alike); each frame is checked (FCS first, then header and length), parsed, and
 * turned into events:
 * - poll results → one numeric reading per mapped observation, in the monitor's order, timed at
 *   the arrival of the frame (the station polls once a second, so every numeric is refreshed at
 *   1 Hz);
 * - association results, the MDS create event and errors → `device-info` events the host
 *   protocol acts on (`association`, `mds-create-event` with the invoke id, `poll-result`,
 *   `remote-error`).
 */
export class IntellivueDecoder implements Decoder {
  private readonly scanner = new FrameScanner();
  private readonly iso = new IsoTimeFormatter();
  private readonly sink: FrameSink;
  private counts = { frames: 0, dropped: 0 };
  private events: DecodeEvent[] = [];
  private atMs = 0;

  constructor(private readonly deviceId: string) {
    this.sink = {
      frame: (content, length) => this.onFrame(content, length),
      broken: (detail) => this.drop('malformed', detail),
    };
  }

  get stats(): DecoderStats {
    return { ...this.counts, skippedBytes: this.scanner.skippedBytes };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    this.events = events;
    this.atMs = atMs;
    this.scanner.scan(chunk, this.sink);
    this.events = [];
    return events;
  }

  reset(): void {
    this.scanner.reset();
  }

  private onFrame(content: Uint8Array, length: number): void {
    const bodyLength = checkFrame(content, length);
    if (typeof bodyLength !== 'number') return this.drop(bodyLength.code, bodyLength.detail);
    const message = parseMessage(content.subarray(FRAME.headerBytes, FRAME.headerBytes + bodyLength));
    if ('code' in message) return this.drop(message.code, message.detail);
    this.counts.frames++;
    this.handle(message);
  }

  private handle(message: Message): void {
    switch (message.kind) {
      case 'association':
        return this.info('association', message.result);
      case 'release-request':
        return this.info('association', 'release-requested');
      case 'mds-create':
        return this.info('mds-create-event', String(message.invokeId));
      case 'remote-error':
        return this.info('remote-error', `invoke ${message.invokeId}: error ${message.errorValue}`);
      case 'poll-result':
        this.info('poll-result', String(message.pollNumber));
        return this.numerics(message.observations);
      case 'other':
        return;
    }
  }

  private numerics(observations: Extract<Message, { kind: 'poll-result' }>['observations']): void {
    let time: string | null = null;
    for (const observation of observations) {
      const mapped = mapObservation(observation);
      if (mapped === null) continue;
      time ??= this.iso.format(this.atMs);
      this.events.push({
        kind: 'reading',
        reading: {
          type: 'numeric',
          device: this.deviceId,
          metric: mapped.mapping.metric,
          value: mapped.value,
          unit: mapped.mapping.unit,
          time,
        },
      });
    }
  }

  private info(key: string, value: string): void {
    this.events.push({ kind: 'device-info', key, value });
  }

  private drop(code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    this.events.push({ kind: 'frame-error', code, detail });
  }
}
