/**
 * Rooms the station has closed (a new consultation, or `call.invite` with `newRoom`): no token for
 * them joins again, so a link sent for an earlier room leads nowhere. A room is remembered for as
 * long as any token for it may still be valid (the longest token lifetime); the table is bounded,
 * and full, it forgets the room closed longest ago. Only the station's signed tokens and its own
 * host close rooms, so nobody else can fill it.
 */
export class RevokedRooms {
  /** Room → when it may be forgotten (epoch ms), oldest first. */
  private readonly rooms = new Map<string, number>();

  constructor(private readonly options: { readonly rememberMs: number; readonly maxEntries: number }) {}

  get size(): number {
    return this.rooms.size;
  }

  revoke(room: string, nowMs: number): void {
    this.rooms.delete(room);
    this.rooms.set(room, nowMs + this.options.rememberMs);
    this.forgetExpired(nowMs);
    while (this.rooms.size > this.options.maxEntries) {
      const oldest = this.rooms.keys().next().value;
      if (oldest === undefined) break;
      this.rooms.delete(oldest);
    }
  }

  isRevoked(room: string, nowMs: number): boolean {
    const until = this.rooms.get(room);
    return until !== undefined && until > nowMs;
  }

  private forgetExpired(nowMs: number): void {
    for (const [room, until] of this.rooms) {
      if (until > nowMs) break; // insertion order is expiry order: the rest is younger
      this.rooms.delete(room);
    }
  }
}
