/**
 * The frames one push of a two-pass stream decoder found: where each starts in the push's bytes and
 * how many samples were lost just before it (dropped frames, skipped garbage). Pass 1 fills it;
 * pass 2 needs the total of time slots before it can place the first frame on the SampleClock,
 * then decodes each frame at its slot. Typed arrays reused across pushes, doubled when a push
 * carries more frames than ever before: no allocation per frame on the hot path.
 */
export class FrameTable {
  count = 0;
  offsets: Int32Array;
  lostBefore: Int32Array;

  constructor(initialCapacity: number) {
    this.offsets = new Int32Array(initialCapacity);
    this.lostBefore = new Int32Array(initialCapacity);
  }

  clear(): void {
    this.count = 0;
  }

  add(offset: number, lostBefore: number): void {
    if (this.count === this.offsets.length) this.grow();
    this.offsets[this.count] = offset;
    this.lostBefore[this.count] = lostBefore;
    this.count++;
  }

  /** The time slots frames `from`… occupy: one each, plus those of the samples lost before each. */
  slots(from = 0): number {
    let slots = 0;
    for (let f = from; f < this.count; f++) slots += this.lostBefore[f] + 1;
    return slots;
  }

  private grow(): void {
    const offsets = new Int32Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const lost = new Int32Array(this.lostBefore.length * 2);
    lost.set(this.lostBefore);
    this.lostBefore = lost;
  }
}
