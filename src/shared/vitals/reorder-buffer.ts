import type { ReadingBatch } from '../domain/readings';
import type { SeqRange } from './messages';
import { LIMITS } from './wire-format';

/**
 * Batches that arrived ahead of the one the receiver waits for, bounded by count and bytes. A batch
 * refused for lack of room is not lost: it is not acknowledged, so the sender replays it.
 */
export class ReorderBuffer {
  private readonly held = new Map<number, { batch: ReadingBatch; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBatches: number,
    private readonly maxBytes: number,
  ) {}

  has(seq: number): boolean {
    return this.held.has(seq);
  }

  /** Holds a batch; false when full. */
  hold(batch: ReadingBatch, bytes: number): boolean {
    if (this.held.size >= this.maxBatches || this.bytes + bytes > this.maxBytes) return false;
    this.held.set(batch.seq, { batch, bytes });
    this.bytes += bytes;
    return true;
  }

  take(seq: number): ReadingBatch | undefined {
    const entry = this.held.get(seq);
    if (entry === undefined) return undefined;
    this.held.delete(seq);
    this.bytes -= entry.bytes;
    return entry.batch;
  }

  /** Held seqs below `limit`, ascending. */
  seqsBelow(limit: number): number[] {
    return [...this.held.keys()].filter((seq) => seq < limit).sort((a, b) => a - b);
  }

  /** What is held, as ascending inclusive ranges (at most LIMITS.ackRanges, lowest first). */
  ranges(): SeqRange[] {
    const ranges: SeqRange[] = [];
    for (const seq of this.seqsBelow(Number.POSITIVE_INFINITY)) {
      const last = ranges[ranges.length - 1];
      if (last !== undefined && seq === last.to + 1) ranges[ranges.length - 1] = { from: last.from, to: seq };
      else if (ranges.length < LIMITS.ackRanges) ranges.push({ from: seq, to: seq });
      else break;
    }
    return ranges;
  }
}
