import { LeadHistory, MAX_RUNS } from '../../../../src/renderer/consultant/ecg-viewer/lead-history';

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);
const ramp = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

describe('LeadHistory', () => {
  it('times samples from the batch start and the rate, counting samples across contiguous batches', () => {
    const lead = new LeadHistory(250, 10_000);
    lead.push(T0, ramp(0, 50));
    // The next batch starts where the first ends, give or take the ISO millisecond.
    lead.push(T0 + 200.4, ramp(50, 50));
    expect(lead.runCount).toBe(1);
    expect(lead.timeOf(0)).toBe(T0);
    expect(lead.timeOf(75)).toBe(T0 + 300);
    expect(lead.intervalMs(10, 210)).toBeUndefined(); // 210 not pushed yet
    lead.push(T0 + 400, ramp(100, 150));
    expect(lead.intervalMs(10, 210)).toBe(800);
    expect(lead.at(75)).toBe(75);
  });

  it('fills a short gap with NaN, keeping the time scale, and starts a run at the real start', () => {
    const lead = new LeadHistory(100, 1000);
    lead.push(T0, ramp(0, 10)); // 0..90 ms
    lead.push(T0 + 200, ramp(10, 10)); // 100 ms missing: 10 samples
    expect(lead.totalWritten).toBe(30);
    expect(Number.isNaN(lead.at(15)!)).toBe(true);
    expect(lead.at(20)).toBe(10);
    expect(lead.timeOf(20)).toBe(T0 + 200);
    expect(lead.runCount).toBe(2);
  });

  it('starts a new run after a long gap without filling it, and times each side by its own start', () => {
    const lead = new LeadHistory(100, 1000);
    lead.push(T0, ramp(0, 10));
    lead.push(T0 + 60_000, ramp(10, 10));
    expect(lead.totalWritten).toBe(20);
    expect(lead.intervalMs(9, 10)).toBe(60_000 - 90);
  });

  it('keeps only the new part of a batch that overlaps what it holds', () => {
    const lead = new LeadHistory(100, 1000);
    lead.push(T0, ramp(0, 10));
    lead.push(T0 + 50, ramp(5, 10)); // samples 5..9 again, then 10..14
    expect(lead.totalWritten).toBe(15);
    expect(lead.at(14)).toBe(14);
    expect(lead.runCount).toBe(1);
    lead.push(T0, ramp(0, 5)); // wholly old
    expect(lead.totalWritten).toBe(15);
  });

  it('writes a late batch into the hole it left, on the sample clock', () => {
    const lead = new LeadHistory(100, 1000);
    lead.push(T0, ramp(0, 10));
    lead.push(T0 + 200, ramp(20, 10)); // 10..19 went missing
    expect(Number.isNaN(lead.at(12)!)).toBe(true);
    lead.push(T0 + 100, ramp(10, 10)); // the backfill
    expect(Array.from(lead.read(0, 30))).toEqual(ramp(0, 30));
    expect(lead.totalWritten).toBe(30);
    expect(lead.intervalMs(5, 25)).toBe(200);
  });

  it('ignores what is older than everything held', () => {
    const lead = new LeadHistory(100, 1000);
    lead.push(T0 + 1000, ramp(0, 10));
    lead.push(T0, ramp(50, 10));
    expect(Array.from(lead.read(0, 10))).toEqual(ramp(0, 10));
  });

  it('is a ring: the oldest samples and their runs go, memory stays fixed', () => {
    const lead = new LeadHistory(10, 100);
    for (let k = 0; k < 50; k++) lead.push(T0 + k * 2000, ramp(0, 10)); // every batch after a 1 s gap
    expect(lead.oldestIndex).toBe(lead.totalWritten - 100);
    expect(lead.at(lead.oldestIndex - 1)).toBeUndefined();
    expect(lead.timeOf(lead.newestIndex)).toBe(T0 + 49 * 2000 + 900);
    expect(lead.runCount).toBeLessThanOrEqual(6);
    expect(
      lead
        .read(lead.oldestIndex - 2, 4)
        .slice(0, 2)
        .every(Number.isNaN),
    ).toBe(true);
  });

  it('bounds its runs: past MAX_RUNS the oldest samples lose their time and are no longer readable', () => {
    const lead = new LeadHistory(1000, 1_000_000);
    for (let k = 0; k <= MAX_RUNS; k++) lead.push(T0 + k * 60_000, [k]);
    expect(lead.runCount).toBe(MAX_RUNS);
    expect(lead.oldestIndex).toBe(1);
    expect(lead.timeOf(0)).toBeUndefined();
    expect(lead.timeOf(1)).toBe(T0 + 60_000);
  });
});
