import { TurnPool, type TurnPoolOptions } from './turn-pool';

/**
 * The TURN pool of the station's own (embedded) rendezvous, whose TURN URLs come from the settings
 * and the host's configuration and may change while it runs. With two coturn servers or more
 * (sharing the one `static-auth-secret`), each is checked as on a standalone rendezvous
 * (turn-pool.ts) and the list is offered best first, a dead server left out; a changed list starts
 * its checks afresh. With a single server there is nothing to order: its URLs are offered as they
 * are and nothing is checked, as before pools existed.
 */
export class FollowingTurnPool {
  private pool: TurnPool | undefined;
  private following: string | undefined;
  private stopped = false;

  constructor(private readonly options: Omit<TurnPoolOptions, 'urls'> = {}) {}

  /** `urls` in the order to offer them (best server first), without the servers found dead. */
  order(urls: readonly string[]): string[] {
    if (this.stopped) return [...urls];
    const key = urls.join('\n');
    if (key !== this.following) {
      this.following = key;
      this.pool?.stop();
      this.pool = poolOf({ ...this.options, urls });
      this.pool?.start();
    }
    return this.pool?.urls() ?? [...urls];
  }

  /** The current pool's servers and their state (empty with fewer than two servers). */
  health(): ReturnType<TurnPool['health']> {
    return this.pool?.health() ?? [];
  }

  stop(): void {
    this.stopped = true;
    this.pool?.stop();
    this.pool = undefined;
  }
}

/** A pool for two servers or more; none for fewer, or for a list it cannot read. */
function poolOf(options: TurnPoolOptions): TurnPool | undefined {
  try {
    const pool = new TurnPool(options);
    return pool.health().length >= 2 ? pool : undefined;
  } catch {
    // A URL the settings let through but the pool cannot parse: offered as configured, unchecked.
    return undefined;
  }
}
