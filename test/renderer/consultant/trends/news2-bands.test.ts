import {
  NEWS2_BANDS,
  news2Score,
  scoringIntervals,
} from '../../../../src/renderer/consultant/trends/news2-bands';

describe('NEWS2 bands (RCP 2017, chart 1)', () => {
  it('scores the 3-point bands of french-rules.md §5', () => {
    expect(news2Score('spo2', 91)).toBe(3);
    expect(news2Score('spo2', 92)).toBe(2);
    expect(news2Score('pulse', 40)).toBe(3);
    expect(news2Score('pulse', 131)).toBe(3);
    expect(news2Score('pulse', 130)).toBe(2);
    expect(news2Score('systolic', 90)).toBe(3);
    expect(news2Score('systolic', 220)).toBe(3);
    expect(news2Score('systolic', 219)).toBe(0);
    expect(news2Score('respiration', 8)).toBe(3);
    expect(news2Score('respiration', 25)).toBe(3);
    expect(news2Score('temperature', 35.0)).toBe(3);
  });

  it('scores the 1- and 2-point bands and the normal range', () => {
    expect(news2Score('respiration', 9)).toBe(1);
    expect(news2Score('respiration', 11)).toBe(1);
    expect(news2Score('respiration', 16)).toBe(0);
    expect(news2Score('respiration', 21)).toBe(2);
    expect(news2Score('spo2', 94)).toBe(1);
    expect(news2Score('spo2', 96)).toBe(0);
    expect(news2Score('systolic', 100)).toBe(2);
    expect(news2Score('systolic', 110)).toBe(1);
    expect(news2Score('pulse', 41)).toBe(1);
    expect(news2Score('pulse', 75)).toBe(0);
    expect(news2Score('pulse', 91)).toBe(1);
    expect(news2Score('pulse', 111)).toBe(2);
    expect(news2Score('temperature', 35.1)).toBe(1);
    expect(news2Score('temperature', 37)).toBe(0);
    expect(news2Score('temperature', 38.1)).toBe(1);
    expect(news2Score('temperature', 39.1)).toBe(2);
  });

  it('lists each table ascending and open-ended', () => {
    for (const bands of Object.values(NEWS2_BANDS)) {
      const limits = bands.map((band) => band.upTo);
      expect([...limits].sort((a, b) => a - b)).toEqual(limits);
      expect(limits[limits.length - 1]).toBe(Infinity);
    }
  });

  it('gives the scoring intervals a chart shades, without the normal range', () => {
    expect(scoringIntervals('pulse')).toEqual([
      { from: -Infinity, to: 40.5, score: 3 },
      { from: 40.5, to: 50.5, score: 1 },
      { from: 90.5, to: 110.5, score: 1 },
      { from: 110.5, to: 130.5, score: 2 },
      { from: 130.5, to: Infinity, score: 3 },
    ]);
    expect(scoringIntervals('spo2').map((band) => band.score)).toEqual([3, 2, 1]);
  });
});
