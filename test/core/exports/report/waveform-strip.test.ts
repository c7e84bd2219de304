import {
  planStrips,
  polylines,
  stripGeometry,
  type StripPlan,
} from '../../../../src/core/exports/report/waveform-strip';
import { ECG, fixtureConsultation } from '../../../helpers/consultation-fixture';

function plan(samples: (number | null)[], rateHz = 250, unit = 'mV'): StripPlan {
  const channel = {
    device: 'd',
    metric: 'MDC_ECG_ELEC_POTL_II',
    unit,
    rateHz,
    firstSampleAt: new Date(0).toISOString(),
    lastSampleAt: new Date(((samples.length - 1) * 1000) / rateHz).toISOString(),
    samples: samples.length,
  };
  const numbers = samples.filter((s): s is number => s !== null);
  return {
    channel,
    fromMs: 0,
    toMs: 10_000,
    segments: [{ device: 'd', metric: channel.metric, unit, rateHz, startMs: 0, samples }],
    millivoltsPerUnit: unit === 'mV' ? 1 : null,
    range: numbers.length === 0 ? null : [Math.min(...numbers), Math.max(...numbers)],
  };
}

describe('waveform strips', () => {
  it('plans the last 10 s of every channel, ECG leads in print order before the pleth', () => {
    const plans = planStrips(fixtureConsultation({ minutes: 1, ecgLeads: ['V1', 'II', 'I'] }));
    expect(plans.map((p) => p.channel.metric)).toEqual([
      'MDC_ECG_ELEC_POTL_I',
      'MDC_ECG_ELEC_POTL_II',
      'MDC_ECG_ELEC_POTL_V1',
      'MDC_PULS_OXIM_PLETH',
    ]);
    const lead = plans[0];
    expect(lead.channel.device).toBe(ECG);
    expect(lead.toMs - lead.fromMs).toBe(10_000);
    expect(lead.segments.reduce((n, s) => n + s.samples.length, 0)).toBe(2500);
    expect(lead.millivoltsPerUnit).toBe(1);
    expect(plans[3].millivoltsPerUnit).toBeNull();
  });

  it('decimates a 250 Hz lead but keeps every spike at full height', () => {
    const samples = Array.from({ length: 2500 }, (_, i) =>
      i % 200 === 100 ? 1.5 : i % 200 === 103 ? -0.4 : 0,
    );
    const runs = polylines(plan(samples));
    expect(runs).toHaveLength(1);
    const points = runs[0];
    expect(points.length).toBeLessThan(1300);
    expect(points.filter(([, v]) => v === 1.5)).toHaveLength(12);
    expect(points.filter(([, v]) => v === -0.4)).toHaveLength(12);
    // Time order is kept: x never goes back.
    for (let i = 1; i < points.length; i++) expect(points[i][0]).toBeGreaterThanOrEqual(points[i - 1][0]);
    // The strip runs to its end (the last 0.4 mm bucket starts at 249.6 mm).
    expect(points.at(-1)![0]).toBeGreaterThanOrEqual(249.6);
  });

  it('breaks the line where samples are invalid', () => {
    const samples: (number | null)[] = Array.from({ length: 500 }, (_, i) =>
      i >= 200 && i < 250 ? null : 0.1,
    );
    expect(polylines(plan(samples))).toHaveLength(2);
  });

  it('sizes calibrated strips to the signal at 10 mm/mV and scales the others', () => {
    const ecg = stripGeometry(plan([-0.3, 1.2]));
    expect(ecg.heightMm).toBe(25); // 15 mm of signal + margins, whole 5 mm squares
    expect(ecg.yOf(1) - ecg.yOf(0)).toBeCloseTo(10);
    expect(ecg.baselineMm).toBe(ecg.yOf(0));
    const huge = stripGeometry(plan([-5, 5]));
    expect(huge.heightMm).toBe(40);
    const pleth = stripGeometry(plan([10, 90], 60, '1'));
    expect(pleth.heightMm).toBe(20);
    expect(pleth.yOf(10)).toBe(2);
    expect(pleth.yOf(90)).toBe(18);
    expect(pleth.baselineMm).toBeNull();
  });
});
