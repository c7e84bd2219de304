/**
 * Fixed-capacity sample history on a typed array: pushing never allocates, so a waveform at
 * hundreds of samples per second costs no garbage. Samples are addressed by their absolute index
 * (0 = first sample ever pushed), which lets a drawing loop ask "what arrived since index N"
 * without copying. A missing sample (the device flagged it invalid) is stored as NaN, a gap.
 */
export class RingBuffer {
  private readonly data: Float32Array;
  private written = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.data = new Float32Array(capacity);
  }

  /** Samples pushed since creation; the absolute index the next sample gets. */
  get totalWritten(): number {
    return this.written;
  }

  /** Samples still held: at most `capacity`. */
  get length(): number {
    return Math.min(this.written, this.capacity);
  }

  /** Absolute index of the oldest sample still held. */
  get oldestIndex(): number {
    return this.written - this.length;
  }

  push(value: number | null): void {
    this.data[this.written % this.capacity] = value ?? Number.NaN;
    this.written += 1;
  }

  pushAll(values: readonly (number | null)[]): void {
    for (const value of values) this.push(value);
  }

  /** The sample at an absolute index, NaN for a gap, undefined if overwritten or not yet pushed. */
  at(absoluteIndex: number): number | undefined {
    if (
      !Number.isInteger(absoluteIndex) ||
      absoluteIndex < this.oldestIndex ||
      absoluteIndex >= this.written
    ) {
      return undefined;
    }
    return this.data[absoluteIndex % this.capacity];
  }

  /** The most recent `count` samples (fewer if not held), oldest first, in a new array. */
  latest(count: number): Float32Array {
    const n = Math.max(0, Math.min(count, this.length));
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.data[(this.written - n + i) % this.capacity] ?? Number.NaN;
    return out;
  }
}
