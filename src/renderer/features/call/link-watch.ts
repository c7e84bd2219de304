import { NamedTimers } from './named-timers';
import type { CallClock, ReconnectTiming } from './reconnect-timing';

/**
 * Tells within `linkSilentMs` (+ one sample) that nothing arrives on a peer connection any more:
 * ICE itself only says `disconnected` after several seconds, and a half-open signaling socket
 * says nothing at all. `read` returns what the connection has received so far (bytes), or null
 * when it cannot tell; `changed(true)` when the link falls silent, `changed(false)` when it flows
 * again. One watch per peer: its counters start at zero.
 */
export class LinkWatch {
  private readonly timers: NamedTimers<'sample'>;
  private lastBytes: number | null = null;
  private lastProgressMs: number;
  private silent = false;
  private stopped = false;

  constructor(
    private readonly read: () => Promise<number | null>,
    private readonly changed: (silent: boolean) => void,
    private readonly timing: ReconnectTiming,
    private readonly clock: CallClock,
  ) {
    this.timers = new NamedTimers(clock);
    this.lastProgressMs = clock.now();
  }

  get isSilent(): boolean {
    return this.silent;
  }

  start(): void {
    this.timers.set('sample', this.timing.linkSampleMs, () => void this.sample());
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearAll();
  }

  private async sample(): Promise<void> {
    let bytes: number | null;
    try {
      bytes = await this.read();
    } catch {
      bytes = null;
    }
    if (this.stopped) return;
    const now = this.clock.now();
    if (bytes !== null) {
      if (this.lastBytes === null || bytes > this.lastBytes) {
        this.lastProgressMs = now;
        this.set(false);
      } else if (now - this.lastProgressMs >= this.timing.linkSilentMs) {
        this.set(true);
      }
      this.lastBytes = bytes;
    }
    this.timers.set('sample', this.timing.linkSampleMs, () => void this.sample());
  }

  private set(silent: boolean): void {
    if (this.silent === silent) return;
    this.silent = silent;
    this.changed(silent);
  }
}
