import type { ReadingBatch } from '../domain/readings';
import { err, ok, type Result } from '../result';
import { WireError } from './bytes';
import { ClockSync } from './clock-sync';
import { decodeMessage, encodeMessage } from './codec';
import { DecoderDictionary } from './decoder-dictionary';
import { frameLive, sessionTag, unframeLive } from './live-frame';
import type { BatchMessage, HelloMessage } from './messages';
import { ReorderBuffer } from './reorder-buffer';
import {
  DEFAULT_ACK_INTERVAL_MS,
  zeroStats,
  type VitalsReceiverOptions,
  type VitalsReceiverStats,
} from './receiver-options';

export type { VitalsReceiverOptions, VitalsReceiverStats } from './receiver-options';

/**
 * The consultant's end of the vitals channel: exactly once, in order (`onBatch`, the record path);
 * each batch also once at its first arrival on either channel (`onArrival`, the live view);
 * throttled cumulative acks.
 */
export class VitalsReceiver {
  readonly clock: ClockSync;
  private dictionary: DecoderDictionary | null = null;
  private expected = 0;
  private readonly pending: ReorderBuffer;
  private sinceAck = 0;
  private ackDue = false;
  private lastAckMs = Number.NEGATIVE_INFINITY;
  private nextPingMs = Number.NEGATIVE_INFINITY;
  private pingId = 0;
  private delivered: number | null = null;
  /** Highest seq seen in this session (for `late`). */
  private highestSeen = -1;
  /** The current session's live tag (live-frame.ts), null before the first hello. */
  private liveTag: number | null = null;
  readonly stats: VitalsReceiverStats = zeroStats();

  constructor(private readonly options: VitalsReceiverOptions) {
    this.clock = new ClockSync(options.clockWindow);
    this.pending = new ReorderBuffer(
      options.maxPendingBatches ?? 512,
      options.maxPendingBytes ?? 4 * 1024 * 1024,
    );
  }

  /** Seq of the last batch delivered in the current session, or null. */
  get lastSeq(): number | null {
    return this.delivered;
  }

  /** A message from the reliable, ordered channel. */
  receive(bytes: Uint8Array, nowMs: number): Result<void> {
    const decoded = decodeMessage(bytes, this.dictionary);
    if (!decoded.ok) return this.reject(decoded.error.message);
    const message = decoded.value;
    switch (message.kind) {
      case 'hello':
        return this.onHello(message, nowMs);
      case 'dict':
        if (this.dictionary === null) return this.reject('vitals channel: dict before hello');
        try {
          this.dictionary.apply(message.entries);
        } catch (error) {
          return this.reject(`vitals channel: ${error instanceof WireError ? error.message : String(error)}`);
        }
        return ok(undefined);
      case 'batch':
        this.onBatch(message, bytes.length, false);
        this.maybeAck(nowMs);
        return ok(undefined);
      case 'pong':
        this.clock.addExchange(message.pingSentAtMs, message.receivedAtMs, message.sentAtMs, nowMs);
        return ok(undefined);
      case 'ack':
      case 'ping':
        return this.reject(`vitals channel: unexpected ${message.kind} message`);
    }
  }

  /**
   * A message from the latest-value channel (unordered, lossy), used only if it names the session
   * whose hello came last on the reliable channel. Anything unusable here comes reliably anyway,
   * so it is counted (`liveRefused`), never an error.
   */
  receiveLive(framed: Uint8Array, nowMs: number): void {
    const live = unframeLive(framed);
    const decoded =
      live !== null && live.tag === this.liveTag ? decodeMessage(live.message, this.dictionary) : null;
    const message = decoded?.ok === true ? decoded.value : null;
    if (message?.kind === 'batch') {
      this.onBatch(message, framed.length, true);
      this.maybeAck(nowMs);
    } else if (message?.kind === 'dict' && this.dictionary !== null) {
      try {
        this.dictionary.apply(message.entries);
      } catch {
        this.stats.liveRefused++; // overtaken by a later dict: the reliable copy follows in order
      }
    } else if (message?.kind === 'pong') {
      this.clock.addExchange(message.pingSentAtMs, message.receivedAtMs, message.sentAtMs, nowMs);
    } else {
      this.stats.liveRefused++;
    }
  }

  /** Sends an ack that has waited ackIntervalMs, and a clock-sync ping when one is due. */
  tick(nowMs: number): void {
    this.maybeAck(nowMs);
    const interval = this.options.pingIntervalMs ?? 1000;
    if (interval > 0 && this.dictionary !== null && nowMs >= this.nextPingMs) {
      this.ping(nowMs);
      this.nextPingMs = nowMs + interval;
    }
  }

  ping(nowMs: number): void {
    this.sendPreferLive(encodeMessage({ kind: 'ping', id: this.pingId++, sentAtMs: nowMs }));
  }

  private onHello(hello: HelloMessage, nowMs: number): Result<void> {
    this.liveTag = sessionTag(hello.sessionId);
    const current = this.dictionary;
    if (current !== null && current.sessionId === hello.sessionId) {
      if (current.epochMs !== hello.epochMs)
        return this.reject('vitals channel: hello changes the session epoch');
      // Same sender after a reconnect: keep the dictionaries (indices never change within a session).
      this.deliverPendingBelow(hello.firstSeq);
      if (this.expected < hello.firstSeq) this.skipTo(hello.firstSeq);
      this.drain();
    } else {
      if (current !== null) this.deliverPendingBelow(Number.POSITIVE_INFINITY);
      this.stats.sessions++;
      this.dictionary = new DecoderDictionary(hello.sessionId, hello.epochMs);
      this.expected = hello.firstSeq;
      this.delivered = null;
      this.highestSeen = -1;
    }
    this.sendAck(nowMs);
    return ok(undefined);
  }

  private onBatch(message: BatchMessage, bytes: number, live: boolean): void {
    const { seq } = message;
    if (seq < this.expected || this.pending.has(seq)) {
      this.stats.duplicates++;
      this.ackDue = true;
      return;
    }
    const batch = { seq, readings: message.readings };
    if (seq !== this.expected && !this.pending.hold(batch, bytes)) {
      this.stats.overflow++; // not held, not acknowledged: it comes again, and is shown then
      return;
    }
    this.stats.skipped += message.skipped;
    if (live) this.stats.liveFirst++;
    const late = seq < this.highestSeen;
    this.highestSeen = Math.max(this.highestSeen, seq);
    this.options.onArrival?.(batch, late);
    if (seq === this.expected) {
      this.deliver(batch);
      this.drain();
    } else {
      this.stats.outOfOrder++;
      this.ackDue = true;
    }
  }

  private deliver(batch: ReadingBatch): void {
    this.expected = batch.seq + 1;
    this.delivered = batch.seq;
    this.stats.delivered++;
    this.stats.readings += batch.readings.length;
    this.sinceAck++;
    this.ackDue = true;
    this.options.onBatch(batch);
  }

  /** Delivers held batches that became contiguous. */
  private drain(): void {
    const { pending } = this;
    for (let held = pending.take(this.expected); held !== undefined; held = pending.take(this.expected)) {
      this.deliver(held);
    }
  }

  /** Everything below `limit` will not come again: deliver what is held, in order, counting holes. */
  private deliverPendingBelow(limit: number): void {
    for (const seq of this.pending.seqsBelow(limit)) {
      if (seq > this.expected) this.skipTo(seq);
      const held = this.pending.take(seq);
      if (held !== undefined) this.deliver(held);
    }
  }

  private skipTo(seq: number): void {
    this.stats.missing += seq - this.expected;
    this.stats.gaps++;
    this.expected = seq;
  }

  private maybeAck(nowMs: number): void {
    if (this.dictionary === null) return;
    if (this.sinceAck >= (this.options.ackEveryBatches ?? 16)) this.sendAck(nowMs);
    else if (this.ackDue && nowMs - this.lastAckMs >= (this.options.ackIntervalMs ?? DEFAULT_ACK_INTERVAL_MS))
      this.sendAck(nowMs);
  }

  private sendAck(nowMs: number): void {
    this.sendPreferLive(
      encodeMessage({ kind: 'ack', nextSeq: this.expected, ranges: this.pending.ranges() }),
    );
    this.sinceAck = 0;
    this.ackDue = false;
    this.lastAckMs = nowMs;
  }

  /** Acks are cumulative and pings are probes: a lost one is replaced by the next, so the fast path suits them. */
  private sendPreferLive(bytes: Uint8Array): void {
    const sent = this.liveTag !== null && this.options.sendLive?.(frameLive(this.liveTag, bytes)) === true;
    if (!sent) this.options.send(bytes);
  }

  private reject(message: string): Result<void> {
    this.stats.rejected++;
    return err('bad-request', message);
  }
}
