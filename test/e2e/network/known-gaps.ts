/**
 * Issue 14's thresholds the call does not meet yet.
 *
 * KNOWN_GAPS: checks that failed on every run here, by scenario id; the spec measures and prints
 * them without asserting (near its bound, one may hold on a lucky run), and notes when one holds.
 *
 * Empty: every check of every scenario is asserted. The last to leave was the vitals latency at
 * 150 kbit/s (cap-150), 2026-12-06: the live view's p99 was 504–827 ms on ten 20 s runs and 464
 * and 685 ms on two 60 s runs, once a slow link's second live copy went a batch window after the
 * first (src/shared/vitals/batching.ts) and the lab measured the live view, as the issue defines
 * it (vitals-figures.ts, liveViewAges). docs/call-resilience.md has the runs.
 */
export const KNOWN_GAPS: Readonly<Record<string, readonly string[]>> = {};
