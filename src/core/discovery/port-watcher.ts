import { ListenerSet } from '../listeners';
import type { DiscoveredPort, PortLister } from './discovered-port';

export interface PortWatcherOptions {
  readonly listers: readonly PortLister[];
  /** Pause between the end of one poll and the start of the next. */
  readonly intervalMs?: number;
  readonly log?: (line: string) => void;
}

export const DEFAULT_POLL_INTERVAL_MS = 2000;

/**
 * Watches the ports of every bus by bounded polling: one poll at a time (the next is scheduled when
 * the previous one finished, so a slow listing never piles up), a pause between polls (no busy
 * loop), and `appeared` / `disappeared` events from the difference of two lists. A port is the
 * same port while its path and serial number stay the same. A lister that fails keeps its previous
 * list, so a hiccup of one bus never reads as every device of that bus unplugged.
 */
export class PortWatcher {
  private readonly appeared = new ListenerSet<[DiscoveredPort]>();
  private readonly disappeared = new ListenerSet<[DiscoveredPort]>();
  private readonly lastByLister: DiscoveredPort[][];
  private known = new Map<string, DiscoveredPort>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private running = false;

  constructor(private readonly options: PortWatcherOptions) {
    this.lastByLister = options.listers.map(() => []);
  }

  onAppeared(listener: (port: DiscoveredPort) => void): () => void {
    return this.appeared.add(listener);
  }

  onDisappeared(listener: (port: DiscoveredPort) => void): () => void {
    return this.disappeared.add(listener);
  }

  /** The ports seen by the last poll. */
  get ports(): DiscoveredPort[] {
    return [...this.known.values()];
  }

  /** Polls now, then every interval until `stop`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.cycle();
  }

  /** Stops polling; resolves once a poll in progress has finished. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** One poll (joins the one in progress, if any); emits the differences. */
  poll(): Promise<void> {
    this.inFlight ??= this.scan().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async cycle(): Promise<void> {
    await this.poll();
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.cycle();
    }, this.options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  }

  private async scan(): Promise<void> {
    const lists = await Promise.all(
      this.options.listers.map(async (lister, index) => {
        try {
          const ports = await lister();
          this.lastByLister[index] = ports;
          return ports;
        } catch (error) {
          this.options.log?.(
            `port listing failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return this.lastByLister[index];
        }
      }),
    );
    const next = new Map<string, DiscoveredPort>();
    for (const port of lists.flat()) next.set(identityOf(port), port);
    const before = this.known;
    this.known = next;
    for (const [key, port] of before) if (!next.has(key)) this.disappeared.emit(port);
    for (const [key, port] of next) if (!before.has(key)) this.appeared.emit(port);
  }
}

function identityOf(port: DiscoveredPort): string {
  return `${port.transport}:${port.path}#${port.serialNumber ?? ''}`;
}
