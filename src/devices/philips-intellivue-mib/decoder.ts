import { isEpisodic } from '../../shared/domain/metrics';
import type { StatusFlag } from '../../shared/domain/readings';
import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { IsoTimeFormatter } from '../framing/iso-time-formatter';
import { FRAME } from './constants';
import { EpisodeTracker } from './episodes';
import { FrameScanner, type FrameSink } from './frame-scanner';
import { checkFrame } from './frames';
import { parseMessage, type Message, type Observation } from './messages';
import { flagsOfState } from './measurement-flags';
import { mapObservation, type MappedValue } from './observations';

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
  /** The flags last emitted; none are raised before the first status reading. */
  private flagsKey = '';
  /** One object's episodic values, gathered before deciding whether they are a new measurement. */
  private readonly episode: MappedValue[] = [];

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
    this.flagsKey = '';
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
    this.status(observations);
    this.episodes.startPoll(poll.time, this.atMs);
    let arrival: string | null = null;
    for (let i = 0; i < observations.length; i++) {
      const observation = observations[i];
      const mapped = mapObservation(observation);
      if (mapped !== null) {
        if (isEpisodic(mapped.mapping.metric)) this.episode.push(mapped);
        else this.numeric(mapped, (arrival ??= this.iso.format(this.atMs)));
      }
      // The values of one object (a compound NIBP) are consecutive: decide once per object.
      const next = observations[i + 1] as Observation | undefined;
      if (this.episode.length > 0 && next?.handle !== observation.handle) this.endEpisode(observation);
    }
  }

  /** A status reading when the union of the poll's measurement-state flags changes. */
  private status(observations: readonly Observation[]): void {
    let state = 0;
    for (const o of observations) if (mapObservation(o) !== null) state |= o.state;
    const flags: StatusFlag[] = flagsOfState(state);
    const key = flags.join(',');
    if (key === this.flagsKey) return;
    this.flagsKey = key;
    const reading = {
      type: 'status',
      device: this.deviceId,
      flags,
      time: this.iso.format(this.atMs),
    } as const;
    this.events.push({ kind: 'reading', reading });
  }

  private endEpisode(dated: Observation): void {
    const values = this.episode.map((m) => m.value);
    const episode = this.episodes.next(dated.handle, dated, values);
    if (episode !== null) {
      const time = this.iso.format(episode.timeMs);
      for (const mapped of this.episode) this.numeric(mapped, time);
    }
    this.episode.length = 0;
  }

  private numeric(mapped: MappedValue, time: string): void {
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

  private info(key: string, value: string): void {
    this.events.push({ kind: 'device-info', key, value });
  }

  private drop(code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    this.events.push({ kind: 'frame-error', code, detail });
  }
}
