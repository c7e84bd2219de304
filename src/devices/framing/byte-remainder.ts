/**
 * Joins the unconsumed tail of the previous chunk with the next chunk, without allocating on the
 * hot path. Streaming decoders keep at most one partial frame between pushes; copying that tail and
 * the new chunk into one reusable buffer keeps the frame scanner a simple loop over contiguous bytes.
 */
export class ByteRemainder {
  private buffer = new Uint8Array(4096);
  private length = 0;

  /** Bytes waiting from earlier chunks. */
  get size(): number {
    return this.length;
  }

  /**
   * The kept bytes followed by `chunk`. When nothing is kept this is `chunk` itself (no copy).
   * The returned view is valid until the next call to `join` or `keep`.
   */
  join(chunk: Uint8Array): Uint8Array {
    if (this.length === 0) return chunk;
    const total = this.length + chunk.length;
    if (total > this.buffer.length) {
      const grown = new Uint8Array(Math.max(total, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    return this.buffer.subarray(0, total);
  }

  /** Keeps `bytes[from..]` for the next `join` (copies: `bytes` may be the caller's chunk). */
  keep(bytes: Uint8Array, from: number): void {
    const tail = bytes.length - Math.max(0, from);
    if (tail <= 0) {
      this.length = 0;
      return;
    }
    if (tail > this.buffer.length) this.buffer = new Uint8Array(tail * 2);
    // copyWithin semantics: `bytes` may be a view of `this.buffer` itself.
    if (bytes.buffer === this.buffer.buffer) {
      this.buffer.copyWithin(
        0,
        bytes.byteOffset - this.buffer.byteOffset + from,
        bytes.byteOffset - this.buffer.byteOffset + bytes.length,
      );
    } else {
      this.buffer.set(bytes.subarray(from));
    }
    this.length = tail;
  }

  clear(): void {
    this.length = 0;
  }
}
