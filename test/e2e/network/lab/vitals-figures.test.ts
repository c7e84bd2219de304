import { liveViewAges, vitalsFigures, type LabArrival } from './vitals-figures';

/** A batch every 100 ms from t = 0, its newest reading at `seq × 100`, on screen `shownAgeMs` later. */
function arrival(seq: number, shownAgeMs: number, late = false): LabArrival {
  const newestReadingAt = seq * 100;
  return {
    seq,
    receivedAt: newestReadingAt + shownAgeMs,
    newestReadingAt,
    shownAgeMs,
    recordAgeMs: shownAgeMs,
    late,
  };
}

describe('the live view', () => {
  it('a batch the backfill brought late is covered by the next one that reached the screen', () => {
    // Batch 2's live copies were dropped: 3 showed 400 ms after its readings, 2 came 2 s late.
    const arrivals = [arrival(0, 10), arrival(1, 10), arrival(3, 400), arrival(2, 2000, true)];
    // Batch 2's readings were on screen (superseded) when 3's were, 300 + 400 ms after them.
    expect(liveViewAges(arrivals)).toEqual([10, 10, 400, 500]);
  });

  it('never reads a later arrival as covering an earlier batch', () => {
    // Batch 0 queued 900 ms; batch 1 overtook it, on screen 150 ms after 0's readings.
    const arrivals = [arrival(0, 900), arrival(1, 50)];
    expect(liveViewAges(arrivals)).toEqual([150, 50]);
  });

  it('the check takes the live view; each batch and the record are measured apart', () => {
    const dropped = (i: number): boolean => i === 50 || i === 70; // the backfill brought them 3 s late
    const arrivals = Array.from({ length: 100 }, (_, i) => arrival(i, dropped(i) ? 3000 : 20, dropped(i)));
    const figures = vitalsFigures(arrivals, { from: 0, to: 99 * 100 }, 99 * 100 + 20);
    expect(figures.maxMs).toBe(120); // batch 51 was on screen 120 ms after 50's readings, 71 after 70's
    expect(figures.eachBatchP99Ms).toBe(3000);
    expect(figures.recordP99Ms).toBe(3000);
    expect(figures.late).toBe(2);
    expect(figures).toMatchObject({ batches: 100, lost: 0, duplicated: 0, reordered: 0 });
  });

  it('a live view that fell behind still fails the bound', () => {
    const arrivals = Array.from({ length: 100 }, (_, i) => arrival(i, 1500));
    expect(vitalsFigures(arrivals, { from: 0, to: 9900 }, 9900).p99Ms).toBe(1500);
  });
});
