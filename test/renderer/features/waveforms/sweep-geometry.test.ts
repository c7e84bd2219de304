import { spansToClear, sweepX, valueToY } from '../../../../src/renderer/features/waveforms/sweep-geometry';

describe('sweep geometry', () => {
  it('places samples left to right and wraps every sweep', () => {
    expect(sweepX(0, 100, 500)).toBe(0);
    expect(sweepX(50, 100, 500)).toBe(250);
    expect(sweepX(150, 100, 500)).toBe(250);
  });

  it('maps the display range top to bottom and clamps outliers', () => {
    expect(valueToY(127, [0, 127], 108, 4)).toBe(4);
    expect(valueToY(0, [0, 127], 108, 4)).toBe(104);
    expect(valueToY(500, [0, 127], 108, 4)).toBe(4);
    expect(valueToY(-5, [0, 127], 108, 4)).toBe(104);
  });

  it('clears the new samples plus the gap ahead, split at the wrap', () => {
    expect(spansToClear(10, 15, 3, 100)).toEqual([[10, 18]]);
    expect(spansToClear(95, 102, 3, 100)).toEqual([
      [95, 100],
      [0, 5],
    ]);
    expect(spansToClear(0, 1000, 3, 100)).toEqual([[0, 100]]);
    expect(spansToClear(10, 7, 2, 100)).toEqual([]);
  });
});
