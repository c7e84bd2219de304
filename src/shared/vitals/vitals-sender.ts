import type { Reading } from '../domain/readings';
import type { Result } from '../result';
import { BatchWriter } from './batch-writer';
import { decodeMessage, encodeDictMessages, encodeMessage } from './codec';
import { EncoderDictionary } from './encoder-dictionary';
import { frameLive, sessionTag, unframeLive } from './live-frame';
import type { AckMessage, DictEntry, SeqRange } from './messages';
import { DEFAULT_ACK_INTERVAL_MS } from './receiver-options';
import { maxEncodedBytes } from './reading-checks';
import { UnackedBuffer } from './unacked-buffer';
import { LIMITS } from './wire-format';

export interface VitalsSenderOptions {
  /** 1–64 characters, unique per sender instance (a station restart is a new session). */
  readonly sessionId: string;
  /** Session start, epoch ms: batch times travel relative to it. */
  readonly epochMs: number;
  /** Sends one message on the current reliable, ordered data channel. */
  readonly send: (bytes: Uint8Array) => void;
  /**
   * Sends one message on the latest-value channel (unordered, no retransmission), or returns false
   * when there is none open. Given, a batch goes out there first and on the reliable channel only
   * if no ack covers it `backfillAfterMs` later (VITALS-CHANNEL.md §4, "Latest-value channel").
   */
  readonly sendLive?: (bytes: Uint8Array) => boolean;
  /** How long a batch sent on the latest-value channel waits for its ack before the backfill (default 1000). */
  readonly backfillAfterMs?: number;
  /**
   * A batch sent on the latest-value channel and not acknowledged this long after (or longer on a
   * long round trip: resendAfterMs) goes there once more (default: never). Its copy was dropped by
   * a congested queue, or is still in it; either way a second copy, later and in another packet,
   * reaches the screen before the backfill could.
   */
  readonly liveResendAfterMs?: number;
  /** Readings pushed within this many ms of a batch's first travel together (default 50; 0 = none). */
  readonly batchWindowMs?: number;
  /** A batch is sent once its body reaches this size (default 16 KiB). */
  readonly maxBatchBytes?: number;
  /**
   * Unacknowledged batches a resume() replays at once, the rest one step per tick() (default: all
   * at once). After a long cut the replay is hundreds of batches: sent in one go it held a busy
   * page's main thread for seconds, the "connected" banner and the heartbeat waiting behind it.
   */
  readonly replayPerStep?: number;
  /** Bounds of the replay buffer (defaults 16 MiB, 30 min): past them the oldest batches are dropped. */
  readonly maxUnackedBytes?: number;
  readonly maxUnackedAgeMs?: number;
  /**
   * The session a reloaded page carries on (sender-snapshot.ts): its dictionary, its numbering and
   * the batches not acknowledged yet, replayed by the next resume(). Its sessionId and epochMs
   * must be the options' own.
   */
  readonly carryOn?: SenderState;
}

/** What a sender must keep to carry on its session in another page (snapshot()). */
export interface SenderState {
  readonly sessionId: string;
  readonly epochMs: number;
  readonly nextSeq: number;
  readonly entries: readonly DictEntry[];
  readonly batches: readonly {
    readonly seq: number;
    readonly bytes: Uint8Array;
    readonly readings: number;
    readonly createdMs: number;
  }[];
}

export interface VitalsSenderStats {
  readonly batches: number;
  readonly readings: number;
  readonly sentBytes: number;
  /** Of sentBytes, what went on the latest-value channel. */
  readonly liveBytes: number;
  /** Batches sent on the reliable channel because their latest-value copy was not acknowledged in time. */
  readonly backfilled: number;
  /** Batches sent a second time on the latest-value channel (liveResendAfterMs). */
  readonly liveResent: number;
  readonly unackedBatches: number;
  readonly unackedBytes: number;
  /** Batches (and their readings) dropped unacknowledged from the full replay buffer. */
  readonly droppedBatches: number;
  readonly droppedReadings: number;
  /** Readings the wire format cannot carry (bad time, too large, full dictionary), left out. */
  readonly unencodable: number;
  /** Received messages refused (malformed, or not meant for a sender). */
  readonly badMessages: number;
}

/**
 * The station's end of the vitals channel. Readings are coalesced into batches (batchWindowMs),
 * numbered 0, 1, 2… and kept until acknowledged. `resume()` on every (re)opened data channel sends
 * `hello`, the whole dictionary and every unacknowledged batch in order, so the receiver ends up
 * with every batch once. Pure: time is passed in; the owner calls `tick()` from its timer.
 */
export class VitalsSender {
  private readonly dictionary: EncoderDictionary;
  private readonly writer: BatchWriter;
  private readonly unacked: UnackedBuffer;
  private readonly windowMs: number;
  private readonly maxBatchBytes: number;
  private readonly epochMs: number;
  private nextSeq = 0;
  private connected = false;
  private pendingSinceMs = 0;
  private readonly backfillAfterMs: number;
  private readonly liveResendAfterMs: number;
  /**
   * Once the acks come back later than a batch is due for its resend (a congested link's full
   * queues), every live batch is resent anyway: its second copy goes this long after the first
   * (one batch window, at least 50 ms), so a copy the queue dropped is replaced ~0.1 s later, not
   * ~0.4 s, for the same bytes (VITALS-CHANNEL.md §4).
   */
  private readonly slowLinkResendAfterMs: number;
  /**
   * How old the newest batch the receiver holds was when its ack came back: the last ack's, and the
   * fastest on this connection (its round trip with empty queues). Null: no ack yet.
   */
  private ackLagMs: number | null = null;
  private fastestAckLagMs: number | null = null;
  private readonly liveTag: number;
  /** Every held batch below this seq went on the reliable channel or was held by the receiver. */
  private backfillFrom = 0;
  /** Every held batch below this seq was considered for its second live copy. */
  private resendFrom = 0;
  private readonly replayPerStep: number;
  /** The next batch the replay sends (null: no replay under way), below `replayEnd`. */
  private replayNext: number | null = null;
  private replayEnd = 0;
  /** Seqs the receiver said it holds out of order (last ack): no need to backfill them. */
  private held: readonly SeqRange[] = [];
  private counts = {
    batches: 0,
    readings: 0,
    sentBytes: 0,
    liveBytes: 0,
    backfilled: 0,
    liveResent: 0,
    unencodable: 0,
    badMessages: 0,
  };

  constructor(private readonly options: VitalsSenderOptions) {
    const { sessionId } = options;
    if (sessionId.length === 0 || sessionId.length > LIMITS.sessionIdChars) {
      throw new RangeError(`vitals sender: session id must have 1–${LIMITS.sessionIdChars} characters`);
    }
    this.epochMs = Math.floor(options.epochMs);
    this.windowMs = options.batchWindowMs ?? 50;
    this.backfillAfterMs = options.backfillAfterMs ?? 1000;
    this.liveResendAfterMs = options.liveResendAfterMs ?? Number.POSITIVE_INFINITY;
    this.slowLinkResendAfterMs = Math.min(this.liveResendAfterMs, Math.max(50, this.windowMs));
    this.liveTag = sessionTag(sessionId);
    this.replayPerStep = Math.max(1, options.replayPerStep ?? Number.POSITIVE_INFINITY);
    this.maxBatchBytes = Math.min(options.maxBatchBytes ?? 16 * 1024, LIMITS.messageBytes - 64);
    this.unacked = new UnackedBuffer({
      maxBytes: options.maxUnackedBytes ?? 16 * 1024 * 1024,
      maxAgeMs: options.maxUnackedAgeMs ?? 30 * 60_000,
    });
    const carried = options.carryOn;
    if (carried !== undefined && (carried.sessionId !== sessionId || carried.epochMs !== this.epochMs))
      throw new RangeError('vitals sender: carries on another session');
    this.dictionary =
      carried === undefined ? new EncoderDictionary() : EncoderDictionary.fromEntries(carried.entries);
    this.writer = new BatchWriter(this.dictionary);
    if (carried !== undefined) {
      this.nextSeq = carried.nextSeq;
      for (const batch of carried.batches)
        this.unacked.add({ ...batch, reliableSent: false, liveResent: false }, batch.createdMs);
    }
  }

  /**
   * What another page needs to carry on this session (a station page that reloads mid-call): the
   * pending readings go into a batch first, so nothing pushed is left behind.
   */
  snapshot(nowMs: number): SenderState {
    this.flush(nowMs);
    return {
      sessionId: this.options.sessionId,
      epochMs: this.epochMs,
      nextSeq: this.nextSeq,
      entries: [...this.dictionary.entries],
      batches: [...this.unacked].map(({ seq, bytes, readings, createdMs }) => ({
        seq,
        bytes,
        readings,
        createdMs,
      })),
    };
  }

  get stats(): VitalsSenderStats {
    return {
      ...this.counts,
      unackedBatches: this.unacked.size,
      unackedBytes: this.unacked.byteLength,
      droppedBatches: this.unacked.droppedBatches,
      droppedReadings: this.unacked.droppedReadings,
    };
  }

  /** Adds the station's readings (one reading-bus batch); sends when the batch window is over. */
  push(readings: readonly Reading[], nowMs: number): void {
    this.tick(nowMs);
    for (const reading of readings) {
      const empty = this.writer.readingCount === 0;
      if (!empty && this.writer.byteLength + maxEncodedBytes(reading) > this.maxBatchBytes) this.flush(nowMs);
      if (this.writer.append(reading) !== null) {
        this.counts.unencodable++;
        continue;
      }
      if (this.writer.byteLength > LIMITS.messageBytes - 64) {
        // Only a lone reading can get here (anything else was flushed first): no message can hold it.
        this.writer.discard();
        this.counts.unencodable++;
        continue;
      }
      if (empty) this.pendingSinceMs = nowMs;
    }
    if (this.windowMs <= 0 || this.writer.byteLength >= this.maxBatchBytes) this.flush(nowMs);
  }

  /**
   * Sends the pending batch if its window is over, backfills on the reliable channel what the
   * latest-value channel did not get acknowledged in time, and applies the replay buffer's bounds.
   */
  tick(nowMs: number): void {
    if (this.writer.readingCount > 0 && nowMs - this.pendingSinceMs >= this.windowMs) this.flush(nowMs);
    this.unacked.evict(nowMs);
    if (!this.connected) return;
    this.replayStep();
    this.resendLive(nowMs);
    this.backfill(nowMs);
  }

  /** Sends the pending batch now. */
  flush(nowMs: number): void {
    if (this.writer.readingCount === 0) return;
    const seq = this.nextSeq++;
    const readings = this.writer.readingCount;
    const bytes = this.writer.finish(seq, this.epochMs);
    const entries = this.dictionary.takeNew();
    const batch = { seq, bytes, readings, createdMs: nowMs, reliableSent: false, liveResent: false };
    if (this.connected) {
      const dicts = encodeDictMessages(entries);
      // The dictionary always goes reliably (a backfilled batch must find it); the live copy lets
      // a new series show at once when the reliable channel is queued behind a congested link.
      for (const dict of dicts) this.transmit(dict);
      const live = dicts.every((dict) => this.transmitLive(dict)) && this.transmitLive(bytes);
      if (!live) {
        this.transmit(bytes);
        batch.reliableSent = true;
      }
    }
    this.counts.batches++;
    this.counts.readings += readings;
    this.unacked.add(batch, nowMs);
  }

  /**
   * A data channel is open (the first, or a new one after a cut): replay everything unacknowledged,
   * in order, `replayPerStep` batches now and as many at each tick(). Batches made meanwhile go as
   * usual (live first); the receiver holds them until the replay has filled the gap before them.
   */
  resume(nowMs: number): void {
    this.connected = true;
    this.unacked.evict(nowMs);
    const firstSeq = this.unacked.firstSeq ?? this.nextSeq;
    this.transmit(
      encodeMessage({ kind: 'hello', sessionId: this.options.sessionId, epochMs: this.epochMs, firstSeq }),
    );
    this.dictionary.takeNew();
    for (const dict of encodeDictMessages(this.dictionary.entries)) this.transmit(dict);
    this.replayNext = firstSeq;
    this.replayEnd = this.nextSeq;
    this.replayStep();
    this.backfillFrom = this.nextSeq;
    this.resendFrom = this.nextSeq;
    this.held = [];
    this.ackLagMs = null;
    this.fastestAckLagMs = null;
  }

  /** The data channel closed: keep numbering and buffering, send nothing until resume(). */
  disconnect(): void {
    this.connected = false;
    this.replayNext = null;
  }

  /** Whether a resume()'s replay still has batches to send. */
  get replaying(): boolean {
    return this.replayNext !== null;
  }

  /** The replay's next step: up to `replayPerStep` batches, skipping what was acknowledged meanwhile. */
  private replayStep(): void {
    if (this.replayNext === null) return;
    let sent = 0;
    let next: number | null = null;
    for (const batch of this.unacked.from(this.replayNext)) {
      if (batch.seq >= this.replayEnd) break;
      if (sent === this.replayPerStep) {
        next = batch.seq;
        break;
      }
      this.transmit(batch.bytes);
      batch.reliableSent = true;
      sent++;
    }
    this.replayNext = next;
  }

  /** A message from the latest-value channel: used only if it names this session (live-frame.ts). */
  receiveLive(framed: Uint8Array, nowMs: number): Result<void> {
    const live = unframeLive(framed);
    if (live === null || live.tag !== this.liveTag) {
      this.counts.badMessages++;
      return {
        ok: false,
        error: { code: 'bad-request', message: 'vitals sender: live message of another session' },
      };
    }
    return this.receive(live.message, nowMs);
  }

  /** A message from the receiver: an ack, or a clock-sync ping (answered at once). */
  receive(bytes: Uint8Array, nowMs: number): Result<void> {
    const decoded = decodeMessage(bytes, null);
    if (!decoded.ok) {
      this.counts.badMessages++;
      return decoded;
    }
    const message = decoded.value;
    if (message.kind === 'ack') return this.onAck(message, nowMs);
    if (message.kind === 'ping') {
      const { id, sentAtMs } = message;
      if (this.connected) {
        const pong = encodeMessage({
          kind: 'pong',
          id,
          pingSentAtMs: sentAtMs,
          receivedAtMs: nowMs,
          sentAtMs: nowMs,
        });
        // Clock sync trusts its fastest exchange: the latest-value channel never queues behind a replay.
        if (!this.transmitLive(pong)) this.transmit(pong);
      }
      return { ok: true, value: undefined };
    }
    this.counts.badMessages++;
    return {
      ok: false,
      error: { code: 'bad-request', message: `vitals sender: unexpected ${message.kind} message` },
    };
  }

  private onAck(ack: AckMessage, nowMs: number): Result<void> {
    if (ack.nextSeq > this.nextSeq) {
      this.counts.badMessages++;
      return {
        ok: false,
        error: { code: 'bad-request', message: `vitals sender: ack of unsent seq ${ack.nextSeq - 1}` },
      };
    }
    this.measureAckLag(ack, nowMs);
    // Selective ranges are advisory (the receiver may be a new page that lost them): batches are
    // kept until the cumulative ack covers them, so a replay never leaves a hole.
    this.unacked.acknowledge(ack.nextSeq);
    this.held = ack.ranges;
    return { ok: true, value: undefined };
  }

  /** The age of the newest batch this ack says the receiver holds, if that batch is still here. */
  private measureAckLag(ack: AckMessage, nowMs: number): void {
    const newest = ack.ranges.reduce((seq, range) => Math.max(seq, range.to), ack.nextSeq - 1);
    for (const batch of this.unacked.from(newest)) {
      if (batch.seq === newest) {
        this.ackLagMs = nowMs - batch.createdMs;
        this.fastestAckLagMs = Math.min(this.fastestAckLagMs ?? this.ackLagMs, this.ackLagMs);
      }
      break;
    }
  }

  /**
   * When a batch sent live is overdue: liveResendAfterMs, or on a longer round trip the fastest ack
   * seen plus what the receiver lets an ack wait and a batch window (at 200 ms round trip a flat
   * 400 ms sent a third of the batches twice on a clean link).
   */
  private resendAfterMs(): number {
    const roundTrip = this.fastestAckLagMs ?? 0;
    return Math.max(this.liveResendAfterMs, roundTrip + DEFAULT_ACK_INTERVAL_MS + this.windowMs);
  }

  /**
   * Batches sent live only, overdue (resendAfterMs) and neither acknowledged nor held by the
   * receiver: a second live copy. On a clean link the ack comes first, so only a congested link
   * pays for it; once the acks themselves come back later than that (the queues are full), every
   * batch is resent anyway, and the copy goes sooner (slowLinkResendAfterMs).
   */
  private resendLive(nowMs: number): void {
    const first = this.unacked.firstSeq;
    if (first === undefined) return;
    const overdue = this.resendAfterMs();
    const slow = this.ackLagMs !== null && this.ackLagMs > overdue;
    const after = slow ? this.slowLinkResendAfterMs : overdue;
    this.resendFrom = Math.max(this.resendFrom, first);
    for (const batch of this.unacked.from(this.resendFrom)) {
      if (nowMs - batch.createdMs < after) break;
      this.resendFrom = batch.seq + 1;
      if (batch.reliableSent || batch.liveResent || this.isHeld(batch.seq)) continue;
      if (!this.transmitLive(batch.bytes)) return;
      batch.liveResent = true;
      this.counts.liveResent++;
    }
  }

  private isHeld(seq: number): boolean {
    return this.held.some((r) => r.from <= seq && seq <= r.to);
  }

  /** Batches sent live only, older than backfillAfterMs and not held by the receiver: send them reliably. */
  private backfill(nowMs: number): void {
    const first = this.unacked.firstSeq;
    if (first === undefined) return;
    this.backfillFrom = Math.max(this.backfillFrom, first);
    for (const batch of this.unacked.from(this.backfillFrom)) {
      if (nowMs - batch.createdMs < this.backfillAfterMs) break;
      this.backfillFrom = batch.seq + 1;
      if (batch.reliableSent || this.isHeld(batch.seq)) continue;
      this.transmit(batch.bytes);
      batch.reliableSent = true;
      this.counts.backfilled++;
    }
  }

  private transmit(bytes: Uint8Array): void {
    this.counts.sentBytes += bytes.length;
    this.options.send(bytes);
  }

  private transmitLive(bytes: Uint8Array): boolean {
    if (this.options.sendLive?.(frameLive(this.liveTag, bytes)) !== true) return false;
    this.counts.sentBytes += bytes.length;
    this.counts.liveBytes += bytes.length;
    return true;
  }
}
