import type { Page } from 'playwright-core';

/** One vitals batch as the doctor's page received it (the page's `__callProbe` arrivals). */
export interface LabArrival {
  readonly seq: number;
  readonly receivedAt: number;
  readonly newestReadingAt: number;
  /** How old the newest reading was on arrival (the page's wall clock; one machine's clock). */
  readonly ageMs: number;
}

export function readArrivals(doctor: Page): Promise<LabArrival[]> {
  return doctor
    .evaluate<LabArrival[]>(
      `(window.__callProbe?.consultant?.arrivals ?? []).map((a) => ({ seq: a.seq, receivedAt: a.receivedAt, newestReadingAt: a.newestReadingAt, ageMs: a.ageMs }))`,
    )
    .catch(() => []);
}

export interface VitalsFigures {
  readonly batches: number;
  /** Sequence numbers never received (gaps below the highest one received). */
  readonly lost: number;
  readonly duplicated: number;
  /** Out of order: a batch received after one with a higher number. */
  readonly reordered: number;
  /** Latency of the batches whose newest reading was taken inside the window, ms. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  /** How far behind the doctor's newest reading is, at the end (caught up: a second or two). */
  readonly behindAtEndMs: number | null;
}

export function vitalsFigures(
  arrivals: readonly LabArrival[],
  window: { readonly from: number; readonly to: number },
  endedAt: number,
): VitalsFigures {
  const seen = new Set<number>();
  let duplicated = 0;
  let reordered = 0;
  let highest = -1;
  for (const arrival of arrivals) {
    if (seen.has(arrival.seq)) duplicated += 1;
    seen.add(arrival.seq);
    if (arrival.seq < highest) reordered += 1;
    highest = Math.max(highest, arrival.seq);
  }
  const latencies = arrivals
    .filter((a) => a.newestReadingAt >= window.from && a.newestReadingAt <= window.to)
    .map((a) => a.ageMs)
    .sort((a, b) => a - b);
  const at = (q: number): number | null =>
    latencies.length === 0 ? null : latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)];
  const newest = Math.max(...arrivals.map((a) => a.newestReadingAt));
  return {
    batches: arrivals.length,
    lost: highest + 1 - seen.size,
    duplicated,
    reordered,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: latencies.length === 0 ? null : latencies[latencies.length - 1],
    behindAtEndMs: arrivals.length === 0 ? null : endedAt - newest,
  };
}
