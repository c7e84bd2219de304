import type { Page } from 'playwright-core';

/** One vitals batch as the doctor's page received it (the page's `__callProbe` arrivals). */
export interface LabArrival {
  readonly seq: number;
  readonly receivedAt: number;
  /** The batch's newest reading time, on the station host's clock (epoch ms). */
  readonly newestReadingAt: number;
  /** How old that reading was when the doctor's screen took it (live channel or backfill). */
  readonly shownAgeMs: number;
  /** How old it was when the record path delivered it (in order, exactly once). */
  readonly recordAgeMs: number;
  /** It first arrived after a newer batch had reached the screen (a later live copy, or the backfill). */
  readonly late: boolean;
}

export function readArrivals(doctor: Page): Promise<LabArrival[]> {
  return doctor
    .evaluate<LabArrival[]>(
      `(window.__callProbe?.consultant?.arrivals ?? []).map((a) => ({ seq: a.seq, receivedAt: a.receivedAt,
        newestReadingAt: a.newestReadingAt, shownAgeMs: a.shownAgeMs, recordAgeMs: a.recordAgeMs, late: a.late }))`,
    )
    .catch(() => []);
}

export interface VitalsFigures {
  readonly batches: number;
  /** Sequence numbers never received (gaps between the lowest and the highest one received). */
  readonly lost: number;
  /**
   * A reloaded or reopened doctor's page starts afresh: batches numbered between the last one the
   * old page had and the first one the new page got (measured and printed; the station's record
   * has them).
   */
  readonly betweenLoads: number;
  readonly duplicated: number;
  /** Out of order: a batch delivered after one with a higher number. */
  readonly reordered: number;
  /**
   * The live view's latency, ms, over the batches whose newest reading was taken inside the window
   * (above the unimpaired baseline: see deviceClockSkew): for each, how long until the doctor's
   * screen showed its readings or newer ones (liveViewAges). What the doctor sees now.
   */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  /**
   * Each batch's own first arrival on the screen, p99: with a batch whose live copies were all
   * dropped, the hole its samples left in the trace until the backfill filled it.
   */
  readonly eachBatchP99Ms: number | null;
  /** Batches that first arrived after a newer one (a later live copy, or the backfill). */
  readonly late: number;
  /** The same batches' latency into the record (the reliable, ordered stream), p99. */
  readonly recordP99Ms: number | null;
  /** How far behind the doctor's newest reading is, at the end (caught up: a second or two). */
  readonly behindAtEndMs: number | null;
}

/** The nearest-rank quantile of ascending values (the bench's definition). */
function quantile(sorted: readonly number[], q: number): number | null {
  return sorted.length === 0 ? null : (sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null);
}

/**
 * Reading times come from the device's sample clock (a waveform's start is its first sample's
 * time on the driver's timeline), which drifts from the wall clock over a long run: measured here
 * up to a second after ten minutes of a simulated oximeter. The lab takes the smallest age of the
 * batches the doctor's screen took during the unimpaired baseline just before the trouble as the
 * zero: latencies are then what the trouble adds above the link's fastest delivery (a few ms on
 * this veth). The smallest, not the median: queueing (or a page the busy machine stalled) only
 * ever adds age, so the median of a baseline that caught up on a backlog read as seconds of
 * "drift" and took them off every latency. 0 when no batch arrived in the baseline.
 */
export function deviceClockSkew(
  arrivals: readonly LabArrival[],
  baseline: { readonly from: number; readonly to: number },
): number {
  const ages = arrivals
    .filter((a) => a.receivedAt >= baseline.from && a.receivedAt < baseline.to)
    .map((a) => a.shownAgeMs);
  return ages.length === 0 ? 0 : Math.min(...ages);
}

/**
 * For each arrival, how long after its newest reading the doctor's screen showed that reading or a
 * newer one: the "latest-value channel for what the doctor sees now and the reliable
 * channel backfilling the record". A batch whose live copies a full queue dropped is covered by the
 * next batch that got through (its numerics are newer, and the trace moved on past its 100 ms
 * hole); the hole's own fill time is eachBatchP99Ms.
 */
export function liveViewAges(arrivals: readonly LabArrival[]): number[] {
  const byNewest = arrivals
    .map((arrival, index) => ({
      index,
      newest: arrival.newestReadingAt,
      shownAt: arrival.newestReadingAt + arrival.shownAgeMs,
    }))
    .sort((a, b) => b.newest - a.newest);
  const ages = new Array<number>(arrivals.length);
  let firstShown = Number.POSITIVE_INFINITY; // of the batches at least this new
  for (const { index, newest, shownAt } of byNewest) {
    firstShown = Math.min(firstShown, shownAt);
    ages[index] = firstShown - newest;
  }
  return ages;
}

export function vitalsFigures(
  rawArrivals: readonly LabArrival[],
  window: { readonly from: number; readonly to: number },
  endedAt: number,
  /** deviceClockSkew's figure, taken off every age and reading time. */
  skew = 0,
): VitalsFigures {
  const arrivals = rawArrivals.map((a) => ({
    ...a,
    newestReadingAt: a.newestReadingAt + skew,
    shownAgeMs: a.shownAgeMs - skew,
    recordAgeMs: a.recordAgeMs - skew,
  }));
  const seen = new Set<number>();
  let duplicated = 0;
  let reordered = 0;
  let highest = -1;
  let lowest = Number.POSITIVE_INFINITY;
  for (const arrival of arrivals) {
    lowest = Math.min(lowest, arrival.seq);
    if (seen.has(arrival.seq)) duplicated += 1;
    seen.add(arrival.seq);
    if (arrival.seq < highest) reordered += 1;
    highest = Math.max(highest, arrival.seq);
  }
  const liveAges = liveViewAges(arrivals);
  const inWindow = arrivals
    .map((arrival, i) => ({ ...arrival, liveAgeMs: liveAges[i] ?? arrival.shownAgeMs }))
    .filter((a) => a.newestReadingAt >= window.from && a.newestReadingAt <= window.to);
  const live = inWindow.map((a) => a.liveAgeMs).sort((a, b) => a - b);
  const shown = inWindow.map((a) => a.shownAgeMs).sort((a, b) => a - b);
  const recorded = inWindow.map((a) => a.recordAgeMs).sort((a, b) => a - b);
  const newest = Math.max(...arrivals.map((a) => a.newestReadingAt));
  return {
    batches: arrivals.length,
    lost: seen.size === 0 ? 0 : highest - lowest + 1 - seen.size,
    betweenLoads: 0,
    duplicated,
    reordered,
    p50Ms: quantile(live, 0.5),
    p99Ms: quantile(live, 0.99),
    maxMs: quantile(live, 1),
    eachBatchP99Ms: quantile(shown, 0.99),
    late: inWindow.filter((a) => a.late).length,
    recordP99Ms: quantile(recorded, 0.99),
    behindAtEndMs: arrivals.length === 0 ? null : endedAt - newest,
  };
}
