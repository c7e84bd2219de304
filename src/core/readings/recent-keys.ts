/**
 * The last `capacity` keys seen, for "was this exact reading just sent?": a ring for the order,
 * a set for the lookup, so memory stays fixed however long a device streams.
 */
export class RecentKeys {
  private readonly ring: string[] = [];
  private readonly keys = new Set<string>();
  private oldest = 0;

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`RecentKeys: capacity must be >= 1, got ${capacity}`);
  }

  /** True when `key` is among the recent keys; otherwise remembers it (forgetting the oldest). */
  seen(key: string): boolean {
    if (this.keys.has(key)) return true;
    if (this.ring.length < this.capacity) {
      this.ring.push(key);
    } else {
      this.keys.delete(this.ring[this.oldest]);
      this.ring[this.oldest] = key;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
    this.keys.add(key);
    return false;
  }
}
