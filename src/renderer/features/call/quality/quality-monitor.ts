import { ValueStore } from '../../value-store';
import type { CallSession } from '../call-session';
import { summarizeStats, type QualitySummary, type StatsSample } from './stats-summary';

/**
 * Polls getStats every second while connected and publishes a summary for the badges and the
 * quality ladder (which needs two samples to step down: 2 s, not 4, of a congested link).
 */
export const QUALITY_INTERVAL_MS = 1000;

export class QualityMonitor {
  readonly summary = new ValueStore<QualitySummary | null>(null);
  private previous: StatsSample | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    private readonly call: CallSession,
    /** Receiver track ids carrying the stethoscope (consultant side). */
    private readonly stethoscopeTracks: () => ReadonlySet<string> = () => new Set(),
    private readonly onSummary: (summary: QualitySummary) => void = () => undefined,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), QUALITY_INTERVAL_MS);
    this.unsubscribes.push(
      this.call.events.on('disconnected', () => {
        this.previous = null; // a new peer starts its counters at zero
        this.summary.set(null);
      }),
    );
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private async sample(): Promise<void> {
    let now: StatsSample | null;
    try {
      now = await this.call.stats();
    } catch {
      return; // a peer torn down mid-call: the next sample comes from its successor
    }
    if (now === null) return;
    const summary = summarizeStats(now, this.previous, this.stethoscopeTracks());
    this.previous = now;
    this.summary.set(summary);
    this.onSummary(summary);
  }
}
