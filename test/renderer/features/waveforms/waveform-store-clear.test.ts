import { WaveformStore } from '../../../../src/renderer/features/waveforms/waveform-store';

/** Issue 12 item 1: a consultation's start and end empty every trace; new samples draw normally. */
const OXIMETER = 'contec-cms50-v7@/dev/pts/3';

describe('WaveformStore.clear', () => {
  it('empties every trace into a new buffer and keeps the channels', () => {
    const store = new WaveformStore();
    store.ingest([
      {
        type: 'waveform',
        device: OXIMETER,
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: '2026-11-25T10:00:00.000Z',
        samples: [10, 20, 30],
      },
    ]);
    const keys = store.getSnapshot();
    const before = store.channel(OXIMETER, 'MDC_PULS_OXIM_PLETH')?.buffer;

    store.clear();
    const after = store.channel(OXIMETER, 'MDC_PULS_OXIM_PLETH')?.buffer;
    expect(after).not.toBe(before);
    expect(after?.length).toBe(0);
    expect(after?.capacity).toBe(before?.capacity);
    expect(store.getSnapshot()).toBe(keys);

    store.ingest([
      {
        type: 'waveform',
        device: OXIMETER,
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: '2026-11-25T10:00:01.000Z',
        samples: [40],
      },
    ]);
    expect(Array.from(after?.latest(5) ?? [])).toEqual([40]);
  });
});
