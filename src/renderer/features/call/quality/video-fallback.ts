import type { QualitySummary } from './stats-summary';

/**
 * Decides when video cannot be sustained and the call should carry audio and vitals only (the
 * OpenTok "audio fallback", reference/market-and-standards.md §A2), with hysteresis so the call
 * does not flap: a few consecutive bad samples to pause video, more good ones to resume it.
 */
export const FALLBACK_RULES = {
  pauseBelowKbps: 150,
  resumeAboveKbps: 400,
  samplesToPause: 3,
  samplesToResume: 5,
};

export class VideoFallback {
  private bad = 0;
  private good = 0;
  paused = false;

  /** Returns the new paused state when it changes, otherwise null. */
  next(summary: QualitySummary): boolean | null {
    const available = summary.availableOutgoingKbps;
    const lossy = (summary.lossPct ?? 0) >= 20;
    const starved = (available !== null && available < FALLBACK_RULES.pauseBelowKbps) || lossy;
    const healthy = available !== null && available > FALLBACK_RULES.resumeAboveKbps && !lossy;
    this.bad = starved ? this.bad + 1 : 0;
    this.good = healthy ? this.good + 1 : 0;
    if (!this.paused && this.bad >= FALLBACK_RULES.samplesToPause) return (this.paused = true);
    if (this.paused && this.good >= FALLBACK_RULES.samplesToResume) return (this.paused = false);
    return null;
  }
}
