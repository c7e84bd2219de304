import { mergeWaveformRuns } from '../../../src/core/readings/merge-waveforms';
import { ReadingBus } from '../../../src/core/readings/reading-bus';
import type { Reading, ReadingBatch } from '../../../src/shared/domain/readings';

const T = '2026-11-25T16:49:08.123Z';
const spo2 = (device: string, value: number | null): Reading => ({
  type: 'numeric',
  device,
  metric: 'MDC_PULS_OXIM_SAT_O2',
  value,
  unit: '%',
  time: T,
});
const pleth = (device: string, samples: number[]): Reading => ({
  type: 'waveform',
  device,
  metric: 'MDC_PULS_OXIM_PLETH',
  unit: '1',
  rateHz: 60,
  start: T,
  samples,
});

describe('ReadingBus', () => {
  it('numbers batches in order, fans out, and keeps the latest numeric and status per device', () => {
    const bus = new ReadingBus();
    const seen: ReadingBatch[] = [];
    const off = bus.subscribe((b) => seen.push(b));
    expect(bus.publish([])).toBeNull();
    bus.publish([spo2('a', 97), pleth('a', [1])]);
    bus.publish([
      spo2('a', null),
      spo2('b', 95),
      { type: 'status', device: 'a', flags: ['probe-off'], time: T },
    ]);
    off();
    bus.publish([spo2('b', 96)]);
    expect(seen.map((b) => b.seq)).toEqual([0, 1]);
    expect(bus.latestReadings()).toEqual([
      spo2('a', null),
      { type: 'status', device: 'a', flags: ['probe-off'], time: T },
      spo2('b', 96),
    ]);
    bus.forgetDevice('a');
    expect(bus.latestReadings()).toEqual([spo2('b', 96)]);
  });

  it('bounds what it remembers', () => {
    const bus = new ReadingBus();
    for (let i = 0; i < 5000; i++) bus.publish([spo2(`dev-${i}`, 90)]);
    expect(bus.latestReadings().length).toBeLessThanOrEqual(1024);
    expect(bus.latestReadings().at(-1)).toEqual(spo2('dev-4999', 90));
  });
});

describe('mergeWaveformRuns', () => {
  it('joins waveform samples per device and metric, keeping other readings in order', () => {
    const merged = mergeWaveformRuns([
      pleth('a', [1]),
      spo2('a', 97),
      pleth('a', [2, 3]),
      pleth('b', [9]),
      spo2('a', 98),
      pleth('a', [4]),
    ]);
    expect(merged).toEqual([pleth('a', [1, 2, 3, 4]), spo2('a', 97), pleth('b', [9]), spo2('a', 98)]);
  });
});

describe('ReadingBus as the way out of the host', () => {
  const wave = (start: string, samples: number[]): Reading => ({
    type: 'waveform',
    device: 'a',
    metric: 'MDC_PULS_OXIM_PLETH',
    unit: '1',
    rateHz: 50,
    start,
    samples,
  });

  it('sends no reading twice and no waveform starting inside the previous one, and counts what it fixed', () => {
    const bus = new ReadingBus();
    const seen: Reading[] = [];
    bus.subscribe((b) => seen.push(...b.readings));
    bus.publish([wave('2026-11-25T16:49:08.000Z', [1, 2, 3]), spo2('a', 97)]);
    // Only repeats: no batch at all, so no sequence number is spent on it.
    expect(bus.publish([spo2('a', 97)])).toBeNull();
    const batch = bus.publish([wave('2026-11-25T16:49:08.020Z', [7, 8])]);
    expect(batch).toEqual({ seq: 1, readings: [wave('2026-11-25T16:49:08.060Z', [7, 8])] });
    expect(seen).toHaveLength(3);
    expect(bus.correctionsOf('a')).toEqual({
      duplicates: 1,
      shiftedWaveforms: 1,
      maxShiftMs: 40,
    });
    bus.forgetDevice('a');
    expect(bus.correctionsOf('a').duplicates).toBe(0);
    expect(bus.publish([spo2('a', 97)])).not.toBeNull();
  });
});
