/**
 * Single use, for invite tokens (their `jti`) and for seats that ended (their resume nonce).
 *
 * An invite seats one participant once: any later join with it is `replayed-token`, whether its
 * holder is still connected, dropped or left. The way back into a call after a drop, a reload or a
 * lost node is the seat's resume token (resume-token.ts), never the invite again. A seat that
 * ended (its participant left, or the seat was given to someone else) is spent the same way, so
 * its resume tokens stop working even where the room itself is no longer remembered.
 *
 * Memory is bounded: an entry is forgotten once the credential it spends has expired (it fails
 * verification anyway), and when `maxEntries` live entries exist new claims are refused rather than
 * evicting one, which would reopen a spent credential.
 */
export interface ReplayGuardOptions {
  readonly maxEntries: number;
}

export type ClaimResult = 'ok' | 'replayed' | 'full';

export class ReplayGuard {
  /** Spent id → when its credential expires (epoch ms). */
  private readonly entries = new Map<string, number>();

  constructor(private readonly options: ReplayGuardOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** Whether `id` was already used (checked before anything else). */
  isReplay(id: string, nowMs: number): boolean {
    const expMs = this.entries.get(id);
    return expMs !== undefined && expMs > nowMs;
  }

  /** Spends `id`, whose credential expires at `expMs` (signature and expiry already checked). */
  claim(id: string, expMs: number, nowMs: number): ClaimResult {
    if (this.isReplay(id, nowMs)) return 'replayed';
    if (this.entries.size >= this.options.maxEntries) {
      this.forgetExpired(nowMs);
      if (this.entries.size >= this.options.maxEntries) return 'full';
    }
    this.entries.set(id, expMs);
    return 'ok';
  }

  /**
   * Spends a seat's nonce as it ends. Never refused: every seat came from an invite that `claim`
   * admitted, so these entries are bounded by the invites, and refusing would leave a seat's resume
   * tokens working after it ended.
   */
  spend(id: string, expMs: number): void {
    this.entries.set(id, expMs);
  }

  forgetExpired(nowMs: number): void {
    for (const [id, expMs] of this.entries) if (expMs <= nowMs) this.entries.delete(id);
  }
}
