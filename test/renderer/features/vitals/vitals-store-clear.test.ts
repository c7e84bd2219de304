import type { Reading } from '../../../../src/shared/domain/readings';
import { VitalsStore } from '../../../../src/renderer/features/vitals/vitals-store';

/**
 * Issue 12 item 1: a consultation's start and end clear the live tiles and traces, so nothing
 * measured before is shown under the new patient's name; what arrives after shows normally.
 */
const OXIMETER = 'contec-cms50-v7@/dev/pts/3';
const CUFF = 'beurer-bm58@/dev/pts/5';

const numeric = (metric: string, value: number, unit: string, time: string, device = OXIMETER): Reading =>
  ({ type: 'numeric', device, metric, value, unit, time }) as Reading;

const bp = (time: string): Reading[] => [
  numeric('MDC_PRESS_BLD_NONINV_SYS', 131, 'mm[Hg]', time, CUFF),
  numeric('MDC_PRESS_BLD_NONINV_DIA', 85, 'mm[Hg]', time, CUFF),
];

function storeWithFrames() {
  const frames: (() => void)[] = [];
  const store = new VitalsStore((callback) => frames.push(callback));
  return { store, runFrame: () => frames.splice(0).forEach((f) => f()) };
}

describe('VitalsStore.clear', () => {
  it('forgets every value and BP result, keeps each tile (showing --) and the device flags', () => {
    const { store, runFrame } = storeWithFrames();
    store.ingest([
      numeric('MDC_PULS_OXIM_SAT_O2', 91, '%', '2026-11-25T10:00:00.000Z'),
      numeric('MDC_PULS_OXIM_PULS_RATE', 88, '/min', '2026-11-25T10:00:00.000Z'),
      { type: 'status', device: OXIMETER, flags: ['probe-off'], time: '2026-11-25T10:00:00.000Z' },
      ...bp('2026-11-25T09:58:00.000Z'),
    ]);
    runFrame();
    expect(store.device(CUFF)?.bloodPressure?.systolic).toBe(131);

    store.clear();
    runFrame();
    const oximeter = store.device(OXIMETER);
    expect(oximeter?.numerics).toEqual({ MDC_PULS_OXIM_SAT_O2: null, MDC_PULS_OXIM_PULS_RATE: null });
    expect(oximeter?.statusFlags).toEqual(['probe-off']);
    expect(store.device(CUFF)?.bloodPressure).toBeNull();
    expect(store.device(CUFF)?.sendsBloodPressure).toBe(true);
  });

  it('shows what arrives after the clear, even a reading older than the forgotten one', () => {
    const { store, runFrame } = storeWithFrames();
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 91, '%', '2026-11-25T10:00:05.000Z')]);
    store.clear();
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 97, '%', '2026-11-25T10:00:06.000Z')]);
    store.ingest(bp('2026-11-25T10:00:06.000Z'));
    runFrame();
    expect(store.device(OXIMETER)?.numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(97);
    expect(store.device(CUFF)?.bloodPressure?.time).toBe('2026-11-25T10:00:06.000Z');
  });

  it('notifies nothing when there is nothing to clear', () => {
    const { store, runFrame } = storeWithFrames();
    const listener = jest.fn();
    store.subscribe(listener);
    store.clear();
    runFrame();
    expect(listener).not.toHaveBeenCalled();
  });
});
