import type { Reading } from '../../../../src/shared/domain/readings';
import { LateFilter } from '../../../../src/renderer/features/call/late-filter';

const DEVICE = 'contec-cms50-v7@/dev/ttyUSB0';
const at = (s: number): string => new Date(Date.UTC(2026, 11, 5, 12, 0, s)).toISOString();
const pleth = (s: number): Reading => ({
  type: 'waveform',
  device: DEVICE,
  metric: 'MDC_PULS_OXIM_PLETH',
  unit: '1',
  rateHz: 60,
  start: at(s),
  samples: [1, 2, 3],
});
const spo2 = (s: number): Reading => ({
  type: 'numeric',
  device: DEVICE,
  metric: 'MDC_PULS_OXIM_SAT_O2',
  value: 97,
  unit: '%',
  time: at(s),
});
const status = (s: number, flags: ('probe-off' | 'searching')[]): Reading => ({
  type: 'status',
  device: DEVICE,
  flags,
  time: at(s),
});

describe('what of a late batch the doctor’s screen takes', () => {
  it('a batch in time goes to the screen whole', () => {
    const batch = [pleth(1), spo2(1), status(1, [])];
    expect(new LateFilter().forScreen(batch, false)).toEqual(batch);
  });

  it('a late batch: numerics yes (the store keeps the newest), waveform samples no (drawn out of place)', () => {
    expect(new LateFilter().forScreen([pleth(1), spo2(1)], true)).toEqual([spo2(1)]);
  });

  it('a late status only if no newer status of that device was shown', () => {
    const filter = new LateFilter();
    filter.forScreen([status(5, ['probe-off'])], false);
    expect(filter.forScreen([status(3, [])], true)).toEqual([]);
    expect(filter.forScreen([status(7, [])], true)).toEqual([status(7, [])]);
  });
});
