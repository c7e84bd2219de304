import { mergeWaveformRuns } from '../../../src/core/readings/merge-waveforms';
import { isoTimeOf, type Reading } from '../../../src/shared/domain/readings';

const T0 = Date.UTC(2026, 10, 25, 16, 49, 8);
const pleth = (startMs: number, samples: number[], device = 'a'): Reading => ({
  type: 'waveform',
  device,
  metric: 'MDC_PULS_OXIM_PLETH',
  unit: '1',
  rateHz: 50,
  start: isoTimeOf(Math.round(startMs)),
  samples,
});

describe('mergeWaveformRuns', () => {
  it('joins runs that continue one another, and runs stamped with the same time (one reading per frame)', () => {
    expect(mergeWaveformRuns([pleth(T0, [1, 2]), pleth(T0 + 40, [3]), pleth(T0 + 60.4, [4])])).toEqual([
      pleth(T0, [1, 2, 3, 4]),
    ]);
    expect(mergeWaveformRuns([pleth(T0, [1]), pleth(T0, [2]), pleth(T0, [3])])).toEqual([
      pleth(T0, [1, 2, 3]),
    ]);
  });

  it('keeps a run that starts after the previous one ended apart: frames were lost, the gap stays', () => {
    const merged = mergeWaveformRuns([pleth(T0, [1, 2]), pleth(T0 + 60, [4, 5]), pleth(T0 + 100, [6])]);
    expect(merged).toEqual([pleth(T0, [1, 2]), pleth(T0 + 60, [4, 5, 6])]);
  });

  it('keeps devices apart and leaves a lone run as the very same object', () => {
    const lone = pleth(T0, [1], 'b');
    const merged = mergeWaveformRuns([pleth(T0, [1]), lone, pleth(T0 + 20, [2])]);
    expect(merged).toEqual([pleth(T0, [1, 2]), lone]);
    expect(merged[1]).toBe(lone);
  });
});
