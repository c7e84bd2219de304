import type { ConsultationSummary } from '../../shared/domain/consultation';
import type { ConsultationStore } from './consultation-store';
import type { PendingMeasurements } from './pending-measurements';
import type { Recorder } from './recorder';

/**
 * The active consultation as `consultation.current` and `consultation.changed` give it: the
 * stored summary plus whether its readings reach the disk (`recording`, always present while
 * active) and the measurements from before it waiting for the nurse (`pending`, always present
 * while active, often empty). Neither is stored: the counts and metrics are what was recorded.
 * The last summary read is kept, so a failing disk that also fails reads is still reported to the
 * station rather than hidden behind a second error.
 */
export class LiveSummary {
  private last: ConsultationSummary | null = null;

  constructor(
    private readonly store: ConsultationStore,
    private readonly recorder: () => Recorder,
    private readonly pending?: PendingMeasurements,
  ) {}

  /** Reads the store (throws what it throws). */
  current(): ConsultationSummary | null {
    const summary = this.store.current();
    this.last = summary;
    return this.withRecording(summary);
  }

  /** For a recording health change: the store's summary, or the last one if the store cannot answer. */
  currentOrLast(log: (line: string) => void): ConsultationSummary | null {
    try {
      return this.current();
    } catch (cause) {
      log(
        `consultation summary not readable, last one sent: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
      return this.withRecording(this.last);
    }
  }

  private withRecording(summary: ConsultationSummary | null): ConsultationSummary | null {
    if (summary === null || summary.status !== 'active') return summary;
    return {
      ...summary,
      recording: this.recorder().health(),
      pending: this.pending?.list(summary.id) ?? [],
    };
  }
}
