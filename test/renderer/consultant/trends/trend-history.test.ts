import type { Reading } from '../../../../src/shared/domain/readings';
import { TrendHistory } from '../../../../src/renderer/consultant/trends/trend-history';

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

function numeric(metric: string, value: number | null, ms: number, device = 'ox'): Reading {
  return {
    type: 'numeric',
    device,
    metric,
    value,
    unit: '1',
    time: new Date(T0 + ms).toISOString(),
  } as Reading;
}

describe('TrendHistory', () => {
  function history(capacity?: number) {
    const pending: (() => void)[] = [];
    const store = new TrendHistory((callback) => pending.push(callback), capacity);
    const flush = (): void => pending.splice(0).forEach((callback) => callback());
    return { store, flush };
  }

  it('groups numerics into their charts, episodic ones as points, and publishes once per tick', () => {
    const { store, flush } = history();
    let notified = 0;
    store.subscribe(() => notified++);
    store.ingest([
      numeric('MDC_PULS_OXIM_SAT_O2', 97, 0),
      numeric('MDC_PULS_OXIM_PULS_RATE', 72, 0),
      numeric('MDC_PULS_OXIM_PERF_REL', 2.1, 0), // no trend for the perfusion index
      numeric('MDC_PRESS_BLD_NONINV_SYS', 128, 0, 'cuff'),
      numeric('MDC_PULS_RATE_NON_INV', 70, 0, 'cuff'),
    ]);
    store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 96, 1000)]);
    expect(notified).toBe(0);
    flush();
    expect(notified).toBe(1);
    const { charts } = store.getSnapshot();
    expect(Object.keys(charts).sort()).toEqual(['bloodPressure', 'pulse', 'spo2']);
    expect(charts.spo2?.[0]?.values).toEqual([97, 96]);
    expect(charts.pulse?.map((line) => [line.device, line.episodic])).toEqual([
      ['cuff', true],
      ['ox', false],
    ]);
    expect(charts.bloodPressure?.[0]?.episodic).toBe(true);
  });

  it('holds at most capacity points per device and metric however long the call', () => {
    const { store, flush } = history(60);
    for (let s = 0; s < 3600; s++) store.ingest([numeric('MDC_PULS_OXIM_SAT_O2', 95 + (s % 3), s * 1000)]);
    flush();
    expect(store.pointCount).toBeLessThanOrEqual(60);
    expect(store.getSnapshot().charts.spo2?.[0]?.timesMs.length).toBeLessThanOrEqual(60);
  });
});
