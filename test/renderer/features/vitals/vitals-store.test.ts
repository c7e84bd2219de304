import type { Reading } from '../../../../src/shared/domain/readings';
import { VitalsStore } from '../../../../src/renderer/features/vitals/vitals-store';

const OXIMETER = 'contec-cms50-v7@/dev/pts/3';
const MONITOR = 'philips-intellivue-mib@/dev/pts/4';

function numeric(
  metric: 'MDC_PULS_OXIM_SAT_O2' | 'MDC_PULS_OXIM_PULS_RATE',
  value: number | null,
  time: string,
  device = OXIMETER,
): Reading {
  return {
    type: 'numeric',
    device,
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
    expect(store.getSnapshot().devices[OXIMETER]?.numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(99);
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
    expect(first.devices[OXIMETER]?.numerics.MDC_PULS_OXIM_PULS_RATE?.value).toBe(72);
  });

  it('keeps null (invalid) values, ignores older readings, and records status flags', () => {
    const frames = manualFrames();
    const store = new VitalsStore(frames.schedule);
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', null, '2026-11-25T10:00:05.000Z')]);
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 95, '2026-11-25T10:00:01.000Z')]); // a late readings.latest
    store.ingest([{ type: 'status', device: 'd', flags: ['probe-off'], time: '2026-11-25T10:00:05.000Z' }]);
    frames.runFrame();
    const snapshot = store.getSnapshot();
    expect(snapshot.devices[OXIMETER]?.numerics.MDC_PULS_OXIM_SAT_O2).toMatchObject({
      value: null,
      timeMs: Date.parse('2026-11-25T10:00:05.000Z'),
    });
    expect(snapshot.devices['d']?.statusFlags).toEqual(['probe-off']);
  });

  it('keeps each device apart: an oximeter and a monitor both sending SpO2 never overwrite each other', () => {
    const frames = manualFrames();
    const store = new VitalsStore(frames.schedule);
    store.ingest([
      numeric('MDC_PULS_OXIM_SAT_O2', 97, '2026-11-25T10:00:00.000Z', OXIMETER),
      numeric('MDC_PULS_OXIM_SAT_O2', 92, '2026-11-25T10:00:01.000Z', MONITOR),
      numeric('MDC_PULS_OXIM_PULS_RATE', 70, '2026-11-25T10:00:01.000Z', MONITOR),
    ]);
    frames.runFrame();
    const first = store.getSnapshot();
    expect(first.devices[OXIMETER]?.numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(97);
    expect(first.devices[OXIMETER]?.numerics.MDC_PULS_OXIM_PULS_RATE).toBeUndefined();
    expect(first.devices[MONITOR]?.numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(92);

    // Only the device that changed gets a new object, so the other group need not re-render.
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 93, '2026-11-25T10:00:02.000Z', MONITOR)]);
    frames.runFrame();
    const second = store.getSnapshot();
    expect(second.devices[OXIMETER]).toBe(first.devices[OXIMETER]);
    expect(second.devices[MONITOR]).not.toBe(first.devices[MONITOR]);
    expect(store.device(MONITOR)?.numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(93);
  });

  it('collects blood-pressure readings into a result per device', () => {
    const frames = manualFrames();
    const store = new VitalsStore(frames.schedule);
    const bp = (
      metric: 'MDC_PRESS_BLD_NONINV_SYS' | 'MDC_PRESS_BLD_NONINV_DIA',
      value: number | null,
    ): Reading => ({
      type: 'numeric',
      device: MONITOR,
      metric,
      value,
      unit: 'mm[Hg]',
      time: '2026-11-25T09:00:00.000Z',
    });
    store.ingest([bp('MDC_PRESS_BLD_NONINV_SYS', null), bp('MDC_PRESS_BLD_NONINV_DIA', null)]);
    frames.runFrame();
    expect(store.device(MONITOR)).toMatchObject({ sendsBloodPressure: true, bloodPressure: null });
    store.ingest([bp('MDC_PRESS_BLD_NONINV_SYS', 128), bp('MDC_PRESS_BLD_NONINV_DIA', 82)]);
    frames.runFrame();
    expect(store.device(MONITOR)?.bloodPressure).toMatchObject({ systolic: 128, diastolic: 82 });
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 97, '2026-11-25T10:00:00.000Z')]);
    frames.runFrame();
    expect(store.device(OXIMETER)).toMatchObject({ sendsBloodPressure: false, bloodPressure: null });
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
