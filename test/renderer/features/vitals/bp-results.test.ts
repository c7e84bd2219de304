import type { NumericReading } from '../../../../src/shared/domain/readings';
import { BpResultCollector, isBpMetric } from '../../../../src/renderer/features/vitals/bp-results';

const DEVICE = 'beurer-bm58@/dev/ttyUSB0';

function reading(metric: NumericReading['metric'], value: number | null, time: string): NumericReading {
  return {
    type: 'numeric',
    device: DEVICE,
    metric,
    value,
    unit: metric.includes('PRESS') ? 'mm[Hg]' : '/min',
    time,
  };
}

/** The four readings of one BP result, all with the device's measurement time. */
function result(
  time: string,
  sys: number,
  dia: number,
  mean: number | null,
  pulse: number,
): NumericReading[] {
  return [
    reading('MDC_PRESS_BLD_NONINV_SYS', sys, time),
    reading('MDC_PRESS_BLD_NONINV_DIA', dia, time),
    ...(mean === null ? [] : [reading('MDC_PRESS_BLD_NONINV_MEAN', mean, time)]),
    reading('MDC_PULS_RATE_NON_INV', pulse, time),
  ];
}

const T1 = '2026-11-24T07:46:00.000Z';
const T2 = '2026-11-25T14:32:00.000Z';

describe('BpResultCollector', () => {
  it('groups readings with the same time into one result, mean and pulse included', () => {
    const collector = new BpResultCollector();
    for (const r of result(T2, 128, 82, 97, 71)) collector.add(r);
    expect(collector.result).toEqual({
      systolic: 128,
      diastolic: 82,
      mean: 97,
      pulse: 71,
      time: T2,
      timeMs: Date.parse(T2),
    });
  });

  it('has no result until systolic and diastolic of one time are both known, in any order', () => {
    const collector = new BpResultCollector();
    expect(collector.add(reading('MDC_PULS_RATE_NON_INV', 70, T2))).toBe(false);
    expect(collector.add(reading('MDC_PRESS_BLD_NONINV_DIA', 80, T2))).toBe(false);
    expect(collector.add(reading('MDC_PRESS_BLD_NONINV_SYS', 120, T1))).toBe(false); // another time
    expect(collector.result).toBeNull();
    expect(collector.add(reading('MDC_PRESS_BLD_NONINV_SYS', 121, T2))).toBe(true);
    expect(collector.result).toMatchObject({ systolic: 121, diastolic: 80, mean: null, pulse: 70 });
  });

  it('treats null (invalid) pressures as no result, and a late pulse joins its result', () => {
    const collector = new BpResultCollector();
    collector.add(reading('MDC_PRESS_BLD_NONINV_SYS', null, T1));
    collector.add(reading('MDC_PRESS_BLD_NONINV_DIA', null, T1));
    expect(collector.result).toBeNull();
    collector.add(reading('MDC_PRESS_BLD_NONINV_SYS', 130, T2));
    collector.add(reading('MDC_PRESS_BLD_NONINV_DIA', 85, T2));
    expect(collector.result?.pulse).toBeNull();
    expect(collector.add(reading('MDC_PULS_RATE_NON_INV', 66, T2))).toBe(true);
    expect(collector.result?.pulse).toBe(66);
  });

  it('keeps the newest result whichever order a download delivers stored results in', () => {
    const newestFirst = new BpResultCollector();
    for (const r of [...result(T2, 128, 82, null, 71), ...result(T1, 140, 90, null, 80)]) newestFirst.add(r);
    const oldestFirst = new BpResultCollector();
    for (const r of [...result(T1, 140, 90, null, 80), ...result(T2, 128, 82, null, 71)]) oldestFirst.add(r);
    expect(newestFirst.result).toMatchObject({ systolic: 128, time: T2 });
    expect(oldestFirst.result).toEqual(newestFirst.result);
  });

  it('ignores other metrics and knows which metrics are BP', () => {
    const collector = new BpResultCollector();
    expect(collector.add(reading('MDC_PULS_OXIM_SAT_O2', 97, T2))).toBe(false);
    expect(isBpMetric('MDC_PRESS_BLD_NONINV_MEAN')).toBe(true);
    expect(isBpMetric('MDC_PULS_OXIM_PULS_RATE')).toBe(false);
  });
});
