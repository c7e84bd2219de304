import type { Reading } from '../../../../src/shared/domain/readings';
import { VitalsStore } from '../../../../src/renderer/features/vitals/vitals-store';

function numeric(
  metric: 'MDC_PULS_OXIM_SAT_O2' | 'MDC_PULS_OXIM_PULS_RATE',
  value: number | null,
  time: string,
): Reading {
  return {
    type: 'numeric',
    device: 'contec-cms50-v7@/dev/pts/3',
    metric,
    value,
    unit: metric === 'MDC_PULS_OXIM_SAT_O2' ? '%' : '/min',
    time,
  };
}

/** A frame scheduler the test advances by hand. */
function manualFrames() {
  const queued: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => queued.push(callback),
    runFrame: () => queued.splice(0).forEach((callback) => callback()),
    pending: () => queued.length,
  };
}

describe('VitalsStore', () => {
  it('notifies once per display frame however many readings arrived', () => {
    const frames = manualFrames();
    const store = new VitalsStore(frames.schedule);
    const listener = jest.fn();
    store.subscribe(listener);
    for (let i = 0; i < 60; i++)
      store.ingest([
        numeric('MDC_PULS_OXIM_SAT_O2', 90 + (i % 10), `2026-11-25T10:00:00.${String(i).padStart(3, '0')}Z`),
      ]);
    expect(listener).not.toHaveBeenCalled();
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(99);
  });

  it('keeps the snapshot stable between frames (useSyncExternalStore needs that)', () => {
    const frames = manualFrames();
    const store = new VitalsStore(frames.schedule);
    store.ingest([numeric('MDC_PULS_OXIM_PULS_RATE', 72, '2026-11-25T10:00:00.000Z')]);
    frames.runFrame();
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.ingest([numeric('MDC_PULS_OXIM_PULS_RATE', 73, '2026-11-25T10:00:01.000Z')]);
    expect(store.getSnapshot()).toBe(first);
    frames.runFrame();
    expect(store.getSnapshot()).not.toBe(first);
    expect(first.numerics.MDC_PULS_OXIM_PULS_RATE?.value).toBe(72);
  });

  it('keeps null (invalid) values, ignores older readings, and records status flags', () => {
    const frames = manualFrames();
    const store = new VitalsStore(frames.schedule);
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', null, '2026-11-25T10:00:05.000Z')]);
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 95, '2026-11-25T10:00:01.000Z')]); // a late readings.latest
    store.ingest([{ type: 'status', device: 'd', flags: ['probe-off'], time: '2026-11-25T10:00:05.000Z' }]);
    frames.runFrame();
    const snapshot = store.getSnapshot();
    expect(snapshot.numerics.MDC_PULS_OXIM_SAT_O2).toMatchObject({
      value: null,
      timeMs: Date.parse('2026-11-25T10:00:05.000Z'),
    });
    expect(snapshot.statusFlags.d).toEqual(['probe-off']);
  });

  it('does not schedule a frame for readings it does not keep', () => {
    const frames = manualFrames();
    const store = new VitalsStore(frames.schedule);
    store.ingest([
      {
        type: 'waveform',
        device: 'd',
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: '2026-11-25T10:00:00.000Z',
        samples: [1, 2],
      },
    ]);
    expect(frames.pending()).toBe(0);
  });
});
