import {
  news2Score,
  scoringIntervals,
  type News2Parameter,
  type News2Score,
} from '../../../../src/renderer/consultant/trends/news2-bands';

/**
 * Every band edge of RCP NEWS2 (2017) chart 1, written out from the chart itself rather than from
 * the table under test: each row is a band's lowest and highest value and the points it scores
 * (SpO2 on scale 1). A band's edges and the value just outside them must score as the chart says.
 */
const CHART: Record<News2Parameter, readonly [low: number, high: number, score: News2Score][]> = {
  respiration: [
    [0, 8, 3],
    [9, 11, 1],
    [12, 20, 0],
    [21, 24, 2],
    [25, 60, 3],
  ],
  spo2: [
    [50, 91, 3],
    [92, 93, 2],
    [94, 95, 1],
    [96, 100, 0],
  ],
  systolic: [
    [40, 90, 3],
    [91, 100, 2],
    [101, 110, 1],
    [111, 219, 0],
    [220, 300, 3],
  ],
  pulse: [
    [20, 40, 3],
    [41, 50, 1],
    [51, 90, 0],
    [91, 110, 1],
    [111, 130, 2],
    [131, 250, 3],
  ],
  temperature: [
    [30.0, 35.0, 3],
    [35.1, 36.0, 1],
    [36.1, 38.0, 0],
    [38.1, 39.0, 1],
    [39.1, 43.0, 2],
  ],
};

const cases = Object.entries(CHART).flatMap(([parameter, bands]) =>
  bands.flatMap(([low, high, score]) => [
    [parameter as News2Parameter, low, score] as const,
    [parameter as News2Parameter, high, score] as const,
  ]),
);

describe('NEWS2 band edges, one by one against RCP chart 1', () => {
  it.each(cases)('%s %p scores %p', (parameter, value, score) => {
    expect(news2Score(parameter, value)).toBe(score);
  });

  it('has no gap between bands: the chart’s bands follow each other at its resolution', () => {
    for (const [parameter, bands] of Object.entries(CHART)) {
      const step = parameter === 'temperature' ? 0.1 : 1;
      for (let i = 1; i < bands.length; i += 1) {
        const previousHigh = bands[i - 1]?.[1] ?? NaN;
        expect((bands[i]?.[0] ?? NaN) - previousHigh).toBeCloseTo(step, 5);
      }
    }
  });

  it('scores a temperature between two tenths by the band it rounds into', () => {
    // A thermometer sending 35.04 °C reads 35.0 on the chart: 3 points; 35.06 reads 35.1.
    expect(news2Score('temperature', 35.04)).toBe(3);
    expect(news2Score('temperature', 35.06)).toBe(1);
    expect(news2Score('temperature', 38.04)).toBe(0);
    expect(news2Score('temperature', 39.04)).toBe(1);
    // A monitor averaging a rate (40.4 /min) reads 40: 3 points, not the 41–50 band's 1.
    expect(news2Score('pulse', 40.4)).toBe(3);
    expect(news2Score('respiration', 24.4)).toBe(2);
  });

  it('shades each band up to half a step past its last value, where a reading turns to the next', () => {
    expect(scoringIntervals('temperature')[0]).toEqual({ from: -Infinity, to: 35.05, score: 3 });
    expect(scoringIntervals('respiration').map((band) => [band.from, band.to])).toEqual([
      [-Infinity, 8.5],
      [8.5, 11.5],
      [20.5, 24.5],
      [24.5, Infinity],
    ]);
  });
});
