import { fitRange, scaleFor, scaleText } from '../../../../src/renderer/features/waveforms/auto-scale';

describe('waveform scaling', () => {
  it('draws ECG in mV on a fixed calibrated scale and autoscales arbitrary units', () => {
    expect(scaleFor('MDC_ECG_ELEC_POTL_II')).toEqual({ kind: 'fixed', range: [-2, 2] });
    expect(scaleText('MDC_ECG_ELEC_POTL_II', scaleFor('MDC_ECG_ELEC_POTL_II'))).toBe('-2 to 2 mV');
    expect(scaleFor('MDC_PULS_OXIM_PLETH')).toEqual({ kind: 'auto' });
    expect(scaleFor('MDC_ECG_ELEC_POTL')).toEqual({ kind: 'auto' }); // raw ADC counts
  });

  it('fits a 16-bit pleth (Nonin #7) as well as a 0–127 one, with head-room', () => {
    const [low, high] = fitRange(0, 127, null)!;
    expect(low).toBeCloseTo(-12.7);
    expect(high).toBeCloseTo(139.7);
    const wide = fitRange(1000, 61000, null);
    expect(wide).toEqual([-5000, 67000]);
  });

  it('keeps the range while the data fit it well, so the trace is not rescaled every frame', () => {
    const current = [0, 100] as const;
    expect(fitRange(10, 90, current)).toBe(current);
    expect(fitRange(10, 120, current)).not.toBe(current); // out of range: grow
    expect(fitRange(40, 50, current)).toEqual([39, 51]); // fills < 40 %: shrink
    expect(fitRange(5, 5, null)).toEqual([4, 6]); // a flat line still gets a span
    expect(fitRange(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, current)).toBe(current); // no samples
  });
});
