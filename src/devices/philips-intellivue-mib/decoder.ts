import type { StatusFlag } from '../../shared/domain/readings';
import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { FRAME } from './constants';
import { EpisodeTracker } from './episodes';
import { FrameScanner, type FrameSink } from './frame-scanner';
import { checkFrame } from './frames';
import { parseMessage, type Message, type Observation } from './messages';
import { FLAG_STATE_BITS, flagsOfState } from './measurement-flags';
import { mappingOf, valueOf, type MetricMapping } from './observations';

type PollResult = Extract<Message, { kind: 'poll-result' }>;

/**
 * Streaming decoder for monitor → station frames. The scanner finds frames byte by byte (so any
 * chunking decodes alike); each frame is checked (FCS first, then header and length), parsed, and
 * turned into events:
 * - poll results → a status reading when the measurement-state flags change (before the numbers,
 *   so the reading rules apply them), then the numerics in the monitor's order: continuous ones
 *   (HR, SpO2, resp, probe temperature) every poll, timed at the arrival of the frame; episodic
 *   ones (NIBP, spot temperature) only when a poll brings a new measurement, timed when the
 *   monitor measured it (episodes.ts);
 * - association results, the MDS create event and errors → `device-info` events the host
 *   protocol acts on (`association`, `mds-create-event` with the invoke id, `poll-result`,
 *   `remote-error`).
 */
export class IntellivueDecoder implements Decoder {
  private readonly scanner = new FrameScanner();
  private readonly iso = new IsoTimeFormatter();
  private readonly episodes = new EpisodeTracker();
  private readonly sink: FrameSink;
  private counts = { frames: 0, dropped: 0 };
  private events: DecodeEvent[] = [];
  private atMs = 0;
  /** The flag-raising state bits last emitted; none are raised before the first status reading. */
  private flagState = 0;
  /** One object's episodic values, gathered before deciding whether they are a new measurement. */
  private episode: MetricMapping[] = [];
  private episodeValues: (number | null)[] = [];

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
    this.episodes.reset();
    this.flagState = 0;
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
        return this.pollResult(message);
      case 'other':
        return;
    }
  }

  private pollResult(poll: PollResult): void {
    const { observations } = poll;
    this.episodes.startPoll(poll.time, this.atMs);
    // The status goes before the poll's numbers, but its flags are known only after reading them.
    const statusAt = this.events.length;
    let state = 0;
    let arrival: string | null = null;
    for (let i = 0; i < observations.length; i++) {
      const observation = observations[i];
      const mapping = mappingOf(observation);
      if (mapping !== null) {
        state |= observation.state;
        if (mapping.episodic) {
          this.episode.push(mapping);
          this.episodeValues.push(valueOf(observation));
        } else this.numeric(mapping, valueOf(observation), (arrival ??= this.iso.format(this.atMs)));
      }
      // The values of one object (a compound NIBP) are consecutive: decide once per object.
      const next = observations[i + 1] as Observation | undefined;
      if (this.episode.length > 0 && next?.handle !== observation.handle) this.endEpisode(observation);
    }
    this.status(state & FLAG_STATE_BITS, statusAt);
  }

  /** A status reading, inserted before the poll's numbers, when the flag-raising state bits change. */
  private status(state: number, at: number): void {
    if (state === this.flagState) return;
    this.flagState = state;
    const flags: StatusFlag[] = flagsOfState(state);
    const reading = {
      type: 'status',
      device: this.deviceId,
      flags,
      time: this.iso.format(this.atMs),
    } as const;
    this.events.splice(at, 0, { kind: 'reading', reading });
  }

  private endEpisode(dated: Observation): void {
    const episode = this.episodes.next(dated.handle, dated, this.episodeValues);
    if (episode !== null) {
      const time = this.iso.format(episode.timeMs);
      this.episode.forEach((mapping, k) => this.numeric(mapping, this.episodeValues[k], time));
    }
    // Fresh arrays: cheaper than truncating these two-to-four-element ones in place.
    this.episode = [];
    this.episodeValues = [];
  }

  private numeric(mapping: MetricMapping, value: number | null, time: string): void {
    this.events.push({
      kind: 'reading',
      reading: {
        type: 'numeric',
        device: this.deviceId,
        metric: mapping.metric,
        value,
        unit: mapping.unit,
        time,
      },
    });
  }

  private info(key: string, value: string): void {
    this.events.push({ kind: 'device-info', key, value });
  }

  private drop(code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    this.events.push({ kind: 'frame-error', code, detail });
  }
}
