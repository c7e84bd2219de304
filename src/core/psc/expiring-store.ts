/**
 * A map whose entries expire and whose size is bounded: every store a sign-in keeps on the
 * rendezvous (pending logins, verified identities) is one, so a flood of sign-ins costs a fixed
 * amount of memory and is refused (`set` answers false) rather than remembered.
 */
export class ExpiringStore<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly expiresAtMs: number }>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** False when the store is full of live entries: nothing is stored, nothing is evicted. */
  set(key: string, value: V, expiresAtMs: number, nowMs: number): boolean {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      this.forgetExpired(nowMs);
      if (this.entries.size >= this.maxEntries) return false;
    }
    this.entries.set(key, { value, expiresAtMs });
    return true;
  }

  get(key: string, nowMs: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** One-shot: the entry is gone after this, whether it was still valid or not. */
  take(key: string, nowMs: number): V | undefined {
    const value = this.get(key, nowMs);
    this.entries.delete(key);
    return value;
  }

  /** Live entries whose value passes `test`. */
  count(test: (value: V) => boolean, nowMs: number): number {
    let n = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAtMs <= nowMs) this.entries.delete(key);
      else if (test(entry.value)) n += 1;
    }
    return n;
  }

  forgetExpired(nowMs: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAtMs <= nowMs) this.entries.delete(key);
  }
}
