/**
 * Single use of invite tokens, with one narrow exception for network drops.
 *
 * The rule:
 * 1. A token's `jti` may hold at most one live seat. While its socket is connected, any other join
 *    with the same token is `replayed-token` (a forwarded or stolen link cannot take over a call).
 * 2. When that socket closes WITHOUT a `leave` (a drop: Wi-Fi roam, laptop lid, proxy restart), the
 *    same token may join again within `rejoinGraceMs` of the drop, and only while it has not
 *    expired. This lets the consultant's browser reconnect from the link it already has.
 * 3. After an explicit `leave`, or once the grace window has passed, the token is spent for good.
 *    The station then asks `call.join` for a fresh token; the consultant needs a new invite.
 *
 * Memory is bounded: an entry is forgotten once its token has expired (an expired token fails
 * verification anyway), and when `maxEntries` live entries exist new joins are refused rather
 * than evicting one, which would reopen a spent token.
 */
export interface ReplayGuardOptions {
  readonly maxEntries: number;
  readonly rejoinGraceMs: number;
}

type Entry =
  | { readonly state: 'seated'; readonly expMs: number }
  | { readonly state: 'dropped'; readonly expMs: number; readonly droppedAtMs: number }
  | { readonly state: 'spent'; readonly expMs: number };

export type ClaimResult = 'ok' | 'replayed' | 'full';

export class ReplayGuard {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ReplayGuardOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** Whether `jti` was already used and may not join now (checked before anything else). */
  isReplay(jti: string, nowMs: number): boolean {
    const entry = this.entries.get(jti);
    if (entry === undefined) return false;
    return entry.state !== 'dropped' || nowMs - entry.droppedAtMs > this.options.rejoinGraceMs;
  }

  /** Takes a seat for `jti` (a token whose signature and expiry were already checked). */
  claim(jti: string, expS: number, nowMs: number): ClaimResult {
    if (this.isReplay(jti, nowMs)) return 'replayed';
    if (!this.entries.has(jti) && this.entries.size >= this.options.maxEntries) {
      this.forgetExpired(nowMs);
      if (this.entries.size >= this.options.maxEntries) return 'full';
    }
    this.entries.set(jti, { state: 'seated', expMs: expS * 1000 });
    return 'ok';
  }

  /** The seat's socket went away; `left` says whether the participant said goodbye. */
  release(jti: string, left: boolean, nowMs: number): void {
    const entry = this.entries.get(jti);
    if (entry?.state !== 'seated') return;
    this.entries.set(
      jti,
      left
        ? { state: 'spent', expMs: entry.expMs }
        : { state: 'dropped', expMs: entry.expMs, droppedAtMs: nowMs },
    );
  }

  forgetExpired(nowMs: number): void {
    for (const [jti, entry] of this.entries) if (entry.expMs <= nowMs) this.entries.delete(jti);
  }
}
