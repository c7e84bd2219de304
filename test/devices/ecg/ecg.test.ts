import type { DecodeEvent } from '../../../src/devices/driver';
import { EcgModel } from '../../../src/devices/ecg/ecg-model';
import { EcgReadingEmitter } from '../../../src/devices/ecg/ecg-readings';
import { createPrng } from '../../../src/devices/framing/prng';
import { readingSchema } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';

describe('EcgModel', () => {
  it('is deterministic per seed and keeps Einthoven exact: II = I + III', () => {
    const a = new EcgModel(createPrng(7), 250);
    const b = new EcgModel(createPrng(7), 250);
    for (let k = 0; k < 2000; k++) {
      const s = a.next();
      expect(b.next()).toEqual(s);
      expect(s.ii).toBeCloseTo(s.i + s.iii, 12);
    }
  });

  it('beats at 60–90 bpm with an R wave near 1 mV in lead II and a quiet baseline', () => {
    for (const seed of [1, 2, 3]) {
      const model = new EcgModel(createPrng(seed), 500);
      const ii = Array.from({ length: 500 * 60 }, () => model.next().ii);
      let beats = 0;
      for (let k = 1; k < ii.length; k++) if (ii[k] >= 0.5 && ii[k - 1] < 0.5) beats++;
      expect(beats).toBeGreaterThanOrEqual(59);
      expect(beats).toBeLessThanOrEqual(91);
      expect(Math.max(...ii)).toBeGreaterThan(0.85);
      expect(Math.max(...ii)).toBeLessThan(1.3);
      const sorted = [...ii].sort((x, y) => x - y);
      expect(Math.abs(sorted[Math.floor(sorted.length / 2)])).toBeLessThan(0.1);
      expect(model.heartRateBpm).toBeGreaterThanOrEqual(60);
      expect(model.heartRateBpm).toBeLessThanOrEqual(90);
    }
  });

  it('rejects a non-positive rate', () => {
    expect(() => new EcgModel(createPrng(1), 0)).toThrow(TypeError);
  });

  it('beats at exactly a fixed rate when asked: every R-R is 60/bpm s, to the sample', () => {
    const model = new EcgModel(createPrng(3), 250, 75);
    const ii = Array.from({ length: 250 * 30 }, () => model.next().ii);
    // R peaks: the highest sample of each excursion above 0.5 mV.
    const peaks: number[] = [];
    for (let k = 1; k < ii.length - 1; k++)
      if (ii[k] > 0.5 && ii[k] >= ii[k - 1] && ii[k] > ii[k + 1]) peaks.push(k);
    expect(peaks.length).toBeGreaterThanOrEqual(36);
    for (let i = 1; i < peaks.length; i++)
      expect(Math.abs(peaks[i] - peaks[i - 1] - 200)).toBeLessThanOrEqual(1);
    expect(model.heartRateBpm).toBe(75);
  });

  it('refuses a fixed rate it cannot draw', () => {
    expect(() => new EcgModel(createPrng(1), 250, 10)).toThrow(TypeError);
    expect(() => new EcgModel(createPrng(1), 250, 400)).toThrow(TypeError);
  });
});

describe('EcgReadingEmitter', () => {
  const leads = [
    { metric: 'MDC_ECG_ELEC_POTL_I', unit: 'mV' },
    { metric: 'MDC_ECG_ELEC_POTL_II', unit: 'mV' },
  ] as const;
  const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);

  it('emits one waveform per lead per run, side by side, and status on change only', () => {
    const emitter = new EcgReadingEmitter('dev', leads, 250);
    const events: DecodeEvent[] = [];
    emitter.setFlags([], T0, events);
    emitter.add([0.1, 0.2], T0);
    emitter.add([0.3, null], T0 + 4);
    emitter.setFlags([], T0 + 4, events);
    emitter.endRun(events);
    emitter.endRun(events);
    emitter.setFlags(['lead-off'], T0 + 8, events);
    emitter.setRate(500, events);
    emitter.add([1, 2], T0 + 8);
    emitter.endRun(events);
    const readings = readingsOf(events);
    readings.forEach((r) => readingSchema.parse(r));
    expect(readings).toEqual([
      { type: 'status', device: 'dev', flags: [], time: '2026-11-25T16:00:00.000Z' },
      {
        type: 'waveform',
        device: 'dev',
        metric: leads[0].metric,
        unit: 'mV',
        rateHz: 250,
        start: '2026-11-25T16:00:00.000Z',
        samples: [0.1, 0.3],
      },
      {
        type: 'waveform',
        device: 'dev',
        metric: leads[1].metric,
        unit: 'mV',
        rateHz: 250,
        start: '2026-11-25T16:00:00.000Z',
        samples: [0.2, null],
      },
      { type: 'status', device: 'dev', flags: ['lead-off'], time: '2026-11-25T16:00:00.008Z' },
      {
        type: 'waveform',
        device: 'dev',
        metric: leads[0].metric,
        unit: 'mV',
        rateHz: 500,
        start: '2026-11-25T16:00:00.008Z',
        samples: [1],
      },
      {
        type: 'waveform',
        device: 'dev',
        metric: leads[1].metric,
        unit: 'mV',
        rateHz: 500,
        start: '2026-11-25T16:00:00.008Z',
        samples: [2],
      },
    ]);
  });

  it('reset drops the partial run and re-sends the flags', () => {
    const emitter = new EcgReadingEmitter('dev', leads, 250);
    const events: DecodeEvent[] = [];
    emitter.setFlags([], T0, events);
    emitter.add([1, 1], T0);
    emitter.reset();
    emitter.endRun(events);
    emitter.setFlags([], T0, events);
    expect(readingsOf(events).map((r) => r.type)).toEqual(['status', 'status']);
  });
});
