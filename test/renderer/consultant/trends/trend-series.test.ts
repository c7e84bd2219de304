import { TrendSeries } from '../../../../src/renderer/consultant/trends/trend-series';

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

describe('TrendSeries', () => {
  it('keeps one point per second for a continuous value: the newest in it', () => {
    const series = new TrendSeries('continuous');
    series.add(T0, 97);
    series.add(T0 + 200, 96);
    series.add(T0 + 900, 95);
    series.add(T0 + 1000, 98);
    expect(series.timesMs()).toEqual([T0 + 900, T0 + 1000]);
    expect(series.pointValues()).toEqual([95, 98]);
  });

  it('never goes back in time, and keeps an invalid value as a gap', () => {
    const series = new TrendSeries('continuous');
    series.add(T0 + 5000, 80);
    expect(series.add(T0 + 1000, 70)).toBe(false);
    series.add(T0 + 6000, null);
    expect(series.pointValues()).toEqual([80, null]);
  });

  it('stays within its capacity by doubling the bucket, covering the whole consultation', () => {
    const series = new TrendSeries('continuous', 100);
    for (let s = 0; s < 1000; s++) series.add(T0 + s * 1000, s);
    expect(series.length).toBeLessThanOrEqual(100);
    expect(series.bucketMs).toBe(16_000);
    // The first and the newest seconds are both still there.
    expect(series.timesMs()[0]).toBeLessThan(T0 + 16_000);
    expect(series.pointValues()[series.length - 1]).toBe(999);
    const times = series.timesMs();
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
  });

  it('keeps an episodic value one point per measurement: a held result repeated is not new', () => {
    const series = new TrendSeries('episodic');
    expect(series.add(T0, 120)).toBe(true);
    expect(series.add(T0, 120)).toBe(false);
    expect(series.add(T0 + 300, 118)).toBe(true); // two cuff cycles within a second stay two points
    expect(series.add(T0 + 100, 119)).toBe(true); // a late one goes in its place
    expect(series.add(T0 + 500, null)).toBe(false);
    expect(series.timesMs()).toEqual([T0, T0 + 100, T0 + 300]);
    expect(series.pointValues()).toEqual([120, 119, 118]);
  });

  it('drops the oldest measurement past its capacity', () => {
    const series = new TrendSeries('episodic', 3);
    for (let k = 0; k < 5; k++) series.add(T0 + k * 60_000, 100 + k);
    expect(series.pointValues()).toEqual([102, 103, 104]);
  });

  it('refuses a capacity that cannot hold a line', () => {
    expect(() => new TrendSeries('continuous', 1)).toThrow(TypeError);
  });
});
