import type { MetricId } from '../../../../src/shared/domain/metrics';
import type { Reading } from '../../../../src/shared/domain/readings';
import { WaveformStore } from '../../../../src/renderer/features/waveforms/waveform-store';

const OXIMETER = 'contec-cms50-v7@/dev/pts/3';
const MONITOR = 'philips-intellivue-mib@/dev/pts/4';
const ECG = 'openbci-cyton@/dev/pts/5';

function wave(device: string, metric: MetricId, samples: (number | null)[], rateHz = 60): Reading {
  return { type: 'waveform', device, metric, unit: '1', rateHz, start: '2026-11-25T10:00:00.000Z', samples };
}

describe('WaveformStore', () => {
  it('keeps one trace per device and metric: two pleths are two channels', () => {
    const store = new WaveformStore();
    store.ingest([
      wave(OXIMETER, 'MDC_PULS_OXIM_PLETH', [1, 2, 3]),
      wave(MONITOR, 'MDC_PULS_OXIM_PLETH', [9]),
    ]);
    expect(store.channel(OXIMETER, 'MDC_PULS_OXIM_PLETH')?.buffer.totalWritten).toBe(3);
    expect(store.channel(MONITOR, 'MDC_PULS_OXIM_PLETH')?.buffer.at(0)).toBe(9);
    expect(store.channel(ECG, 'MDC_PULS_OXIM_PLETH')).toBeUndefined();
  });

  it('lists channels in metric-table order and tells subscribers only when a trace appears', () => {
    const store = new WaveformStore();
    const listener = jest.fn();
    store.subscribe(listener);
    store.ingest([
      wave(ECG, 'MDC_ECG_ELEC_POTL_III', [0.1], 250),
      wave(ECG, 'MDC_ECG_ELEC_POTL_I', [0.2], 250),
      wave(ECG, 'MDC_ECG_ELEC_POTL_II', [0.3], 250),
    ]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.metricsOf(ECG)).toEqual([
      'MDC_ECG_ELEC_POTL_I',
      'MDC_ECG_ELEC_POTL_II',
      'MDC_ECG_ELEC_POTL_III',
    ]);
    const keys = store.getSnapshot();
    for (let i = 0; i < 100; i++) store.ingest([wave(ECG, 'MDC_ECG_ELEC_POTL_I', [0.1, 0.2], 250)]);
    expect(listener).toHaveBeenCalledTimes(1); // samples never re-render React
    expect(store.getSnapshot()).toBe(keys);
  });

  it('starts a trace afresh when the rate changes (a new time base)', () => {
    const store = new WaveformStore();
    store.ingest([wave(OXIMETER, 'MDC_PULS_OXIM_PLETH', [1, 2])]);
    const before = store.channel(OXIMETER, 'MDC_PULS_OXIM_PLETH');
    store.ingest([wave(OXIMETER, 'MDC_PULS_OXIM_PLETH', [5], 75)]);
    const after = store.channel(OXIMETER, 'MDC_PULS_OXIM_PLETH');
    expect(after).not.toBe(before);
    expect(after?.buffer.totalWritten).toBe(1);
    expect(after?.rateHz).toBe(75);
  });
});
