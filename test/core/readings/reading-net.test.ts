import { ReadingNet } from '../../../src/core/readings/reading-net';
import { RecentKeys } from '../../../src/core/readings/recent-keys';
import type {
  NumericReading,
  Reading,
  StatusReading,
  WaveformReading,
} from '../../../src/shared/domain/readings';

const T = '2026-11-25T16:49:08.000Z';
const T2 = '2026-11-25T16:49:09.000Z';
const spo2 = (device: string, value: number | null, time = T): NumericReading => ({
  type: 'numeric',
  device,
  metric: 'MDC_PULS_OXIM_SAT_O2',
  value,
  unit: '%',
  time,
});
const status = (device: string, flags: StatusReading['flags'], time = T): StatusReading => ({
  type: 'status',
  device,
  flags,
  time,
});
const pleth = (device: string, start: string, samples: number[]): WaveformReading => ({
  type: 'waveform',
  device,
  metric: 'MDC_PULS_OXIM_PLETH',
  unit: '1',
  rateHz: 50,
  start,
  samples,
});

describe('ReadingNet', () => {
  it('drops a numeric or status reading identical to one already sent, per device, and counts it', () => {
    const net = new ReadingNet();
    const first: Reading[] = [spo2('a', 97), status('a', ['probe-off']), spo2('b', 97)];
    expect(net.admit(first)).toEqual(first);
    expect(net.admit([spo2('a', 97), status('a', ['probe-off']), spo2('b', 97)])).toEqual([]);
    expect(net.correctionsOf('a').duplicates).toBe(2);
    expect(net.correctionsOf('b').duplicates).toBe(1);
  });

  it('lets through what differs in value, flags, unit or time', () => {
    const net = new ReadingNet();
    net.admit([spo2('a', 97), status('a', [])]);
    const different: Reading[] = [
      spo2('a', 98),
      spo2('a', null),
      { ...spo2('a', 97), unit: '1' },
      spo2('a', 97, T2),
      status('a', ['searching']),
      status('a', [], T2),
    ];
    expect(net.admit(different)).toEqual(different);
    expect(net.correctionsOf('a').duplicates).toBe(0);
  });

  it('recognises a repeat among the recent readings, not only the last one (a re-sent memory)', () => {
    const net = new ReadingNet();
    const stored = [91, 92, 93, 94].map((v) => spo2('bp', v));
    net.admit(stored);
    expect(net.admit(stored)).toEqual([]);
    expect(net.correctionsOf('bp').duplicates).toBe(4);
  });

  it('keeps each channel of each device on its own timeline', () => {
    const net = new ReadingNet();
    expect(net.admit([pleth('a', T, [1, 2]), pleth('b', T, [1, 2])])).toHaveLength(2);
    expect(net.admit([pleth('a', T, [1, 2])])).toEqual([]);
    expect(net.correctionsOf('a').duplicates).toBe(1);
    expect(net.correctionsOf('b').duplicates).toBe(0);
  });

  it('forgets a device: its counts and timelines start afresh', () => {
    const net = new ReadingNet();
    net.admit([pleth('a', T, [1, 2]), spo2('a', 97)]);
    net.admit([spo2('a', 97)]);
    net.forgetDevice('a');
    expect(net.correctionsOf('a').duplicates).toBe(0);
    expect(net.admit([pleth('a', T, [1, 2]), spo2('a', 97)])).toHaveLength(2);
  });

  it('bounds its memory however many devices it has seen', () => {
    const net = new ReadingNet();
    for (let i = 0; i < 3000; i++) net.admit([spo2(`d${i}`, 90), pleth(`d${i}`, T, [1])]);
    // The oldest channels were forgotten: their repeat passes, the newest one's does not.
    expect(net.admit([spo2('d0', 90)])).toHaveLength(1);
    expect(net.admit([spo2('d2999', 90)])).toEqual([]);
  });
});

describe('RecentKeys', () => {
  it('remembers the last `capacity` keys', () => {
    const keys = new RecentKeys(2);
    expect([keys.seen('a'), keys.seen('b'), keys.seen('a')]).toEqual([false, false, true]);
    expect(keys.seen('c')).toBe(false); // forgets 'a'
    expect([keys.seen('a'), keys.seen('c')]).toEqual([false, true]);
    expect(() => new RecentKeys(0)).toThrow(RangeError);
  });
});
