/**
 * Which stored measurements the station already imported, per device identity, by the device's
 * own record time. A driver keeps one ledger for the whole process, so a record downloaded before
 * an unplug is not imported again after the replug. `snapshot`/`restore` let the core persist it
 * across restarts. Bounded: a device stores at most a few hundred records.
 */
export interface BpRecordLedgerSnapshot {
  readonly [identity: string]: readonly string[];
}

const MAX_TIMES_PER_DEVICE = 1024;

export class BpRecordLedger {
  private readonly times = new Map<string, Set<string>>();
  /** Newest time per identity, kept on `add` so the importer's per-record question is a lookup. */
  private readonly newest = new Map<string, string>();

  has(identity: string, recordTime: string): boolean {
    return this.times.get(identity)?.has(recordTime) ?? false;
  }

  add(identity: string, recordTime: string): void {
    let set = this.times.get(identity);
    if (!set) {
      set = new Set();
      this.times.set(identity, set);
    }
    set.add(recordTime);
    if (recordTime > (this.newest.get(identity) ?? '')) this.newest.set(identity, recordTime);
    // Sets iterate in insertion order: forget the oldest imports first.
    if (set.size > MAX_TIMES_PER_DEVICE) set.delete(set.values().next().value as string);
  }

  /** The newest record time imported for a device, or null. ISO strings sort chronologically. */
  latest(identity: string): string | null {
    return this.newest.get(identity) ?? null;
  }

  snapshot(): BpRecordLedgerSnapshot {
    const out: Record<string, string[]> = {};
    for (const [identity, set] of this.times) out[identity] = [...set];
    return out;
  }

  restore(snapshot: BpRecordLedgerSnapshot): void {
    for (const [identity, times] of Object.entries(snapshot)) {
      for (const time of times) if (typeof time === 'string') this.add(identity, time);
    }
  }

  clear(): void {
    this.times.clear();
    this.newest.clear();
  }
}
