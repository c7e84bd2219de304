import { MAX_SNAPSHOT_CHUNKS, SNAPSHOT_CHUNK_CHARS, type ControlMessage } from './control-messages';

type Chunk = Extract<ControlMessage, { type: 'snapshot-chunk' }>;

export interface SnapshotImage {
  readonly id: string;
  readonly mime: Chunk['mime'];
  readonly width: number;
  readonly height: number;
  readonly base64: string;
}

/** Splits a still into control messages the consultant reassembles. */
export function chunkSnapshot(image: SnapshotImage, chunkChars = SNAPSHOT_CHUNK_CHARS): Chunk[] {
  const total = Math.max(1, Math.ceil(image.base64.length / chunkChars));
  if (total > MAX_SNAPSHOT_CHUNKS) throw new RangeError(`snapshot too large (${total} chunks)`);
  return Array.from({ length: total }, (_, index) => ({
    type: 'snapshot-chunk' as const,
    id: image.id,
    index,
    total,
    mime: image.mime,
    width: image.width,
    height: image.height,
    data: image.base64.slice(index * chunkChars, (index + 1) * chunkChars),
  }));
}

/**
 * Collects chunks per snapshot id. The channel is ordered and reliable, but a reconnect in the
 * middle of a transfer loses the rest: an incomplete snapshot is dropped after `maxPending` newer
 * ones started, so memory stays bounded.
 */
export class SnapshotAssembler {
  private readonly pending = new Map<string, (string | undefined)[]>();

  constructor(private readonly maxPending = 4) {}

  add(chunk: Chunk): SnapshotImage | null {
    let parts = this.pending.get(chunk.id);
    if (parts === undefined || parts.length !== chunk.total) {
      parts = new Array<string | undefined>(chunk.total);
      this.pending.set(chunk.id, parts);
      this.evictOldest();
    }
    if (chunk.index >= chunk.total) return null;
    parts[chunk.index] = chunk.data;
    for (let i = 0; i < parts.length; i++) if (parts[i] === undefined) return null;
    this.pending.delete(chunk.id);
    return {
      id: chunk.id,
      mime: chunk.mime,
      width: chunk.width,
      height: chunk.height,
      base64: parts.join(''),
    };
  }

  private evictOldest(): void {
    while (this.pending.size > this.maxPending) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) return;
      this.pending.delete(oldest);
    }
  }
}
