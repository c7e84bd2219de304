/** One sent (or ready) batch the receiver has not acknowledged yet. */
export interface UnackedBatch {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly readings: number;
  readonly createdMs: number;
  /**
   * Sent on the reliable channel (at once, by a backfill or a replay). A batch that went out on the
   * latest-value channel only waits for its ack, and is backfilled if none comes in time.
   */
  reliableSent: boolean;
  /** Sent a second time on the latest-value channel, its first copy not acknowledged in time. */
  liveResent: boolean;
}

export interface UnackedLimits {
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

/**
 * The sender's replay buffer, in seq order, bounded by total bytes and by age. When a bound is
 * passed the oldest batches are dropped and counted: memory never grows without bound, and the
 * receiver learns of the loss from the next `hello` (its firstSeq), which it counts as a gap.
 */
export class UnackedBuffer {
  private items: UnackedBatch[] = [];
  private head = 0;
  private bytes = 0;
  droppedBatches = 0;
  droppedReadings = 0;

  constructor(private readonly limits: UnackedLimits) {}

  get size(): number {
    return this.items.length - this.head;
  }

  get byteLength(): number {
    return this.bytes;
  }

  /** Lowest seq still held, or undefined when empty. */
  get firstSeq(): number | undefined {
    return this.items[this.head]?.seq;
  }

  add(batch: UnackedBatch, nowMs: number): void {
    this.items.push(batch);
    this.bytes += batch.bytes.length;
    this.evict(nowMs);
  }

  /** Forgets every batch with seq < nextSeq (cumulative acknowledgement). */
  acknowledge(nextSeq: number): void {
    while (this.head < this.items.length && this.items[this.head].seq < nextSeq) this.removeFirst();
    this.compact();
  }

  /** Drops the oldest batches while a bound is passed. */
  evict(nowMs: number): void {
    const oldestAllowed = nowMs - this.limits.maxAgeMs;
    while (this.head < this.items.length) {
      const first = this.items[this.head];
      if (this.bytes <= this.limits.maxBytes && first.createdMs >= oldestAllowed) break;
      this.droppedBatches++;
      this.droppedReadings += first.readings;
      this.removeFirst();
    }
    this.compact();
  }

  /** Held batches from `seq` on (seqs are consecutive: batches are added in order, removed from the front). */
  *from(seq: number): IterableIterator<UnackedBatch> {
    const first = this.firstSeq;
    if (first === undefined) return;
    for (let i = this.head + Math.max(0, seq - first); i < this.items.length; i++) yield this.items[i];
  }

  *[Symbol.iterator](): IterableIterator<UnackedBatch> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i];
  }

  private removeFirst(): void {
    this.bytes -= this.items[this.head].bytes.length;
    this.head++;
  }

  /** Array.shift is O(n); a moving head with occasional compaction keeps acks O(1) amortised. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
