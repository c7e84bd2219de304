import { alignLines } from '../../../../src/renderer/consultant/trends/aligned-lines';

describe('alignLines', () => {
  it('puts lines on one time axis, absent as undefined and invalid as null', () => {
    const aligned = alignLines([
      {
        device: 'ox',
        metric: 'MDC_PULS_OXIM_PULS_RATE',
        episodic: false,
        timesMs: [1000, 2000, 3000],
        values: [70, null, 72],
      },
      { device: 'cuff', metric: 'MDC_PULS_RATE_NON_INV', episodic: true, timesMs: [2500], values: [68] },
    ]);
    expect(aligned).toEqual([
      [1, 2, 2.5, 3],
      [70, null, undefined, 72],
      [undefined, undefined, 68, undefined],
    ]);
  });
});
