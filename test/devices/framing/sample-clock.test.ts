import { SampleClock } from '../../../src/devices/framing/sample-clock';

describe('SampleClock', () => {
  const period = 1000 / 60;

  it('anchors the first chunk so its last sample is at the arrival time', () => {
    const clock = new SampleClock(60);
    expect(clock.place(1000, 4)).toBeCloseTo(1000 - 3 * period);
  });

  it('keeps samples evenly spaced across chunks that arrive late but within the drift bound', () => {
    const clock = new SampleClock(60);
    const first = clock.place(1000, 3);
    expect(clock.place(1000 + 3 * period + 40, 3)).toBeCloseTo(first + 3 * period);
    expect(clock.reanchors).toBe(1);
  });

  it('never places a sample after the arrival of its chunk', () => {
    const clock = new SampleClock(60);
    clock.place(1000, 1);
    // 10 samples arrive only 50 ms later: at 60 Hz they cannot all be newer than that.
    const first = clock.place(1050, 10);
    expect(first + 9 * period).toBeLessThanOrEqual(1050 + 1e-9);
  });

  it('re-anchors when samples lag their arrival by more than the bound (a gap)', () => {
    const clock = new SampleClock(60, { maxDriftMs: 250 });
    clock.place(1000, 1);
    expect(clock.place(1000 + period + 200, 1)).toBeCloseTo(1000 + period);
    expect(clock.place(5000, 2)).toBeCloseTo(5000 - period);
    expect(clock.reanchors).toBe(2);
  });

  it('gives the same times for any chunking with consistent arrival times', () => {
    const times = (sizes: number[]): number[] => {
      const clock = new SampleClock(60);
      const out: number[] = [];
      let n = 0;
      for (const size of sizes) {
        n += size;
        const first = clock.place(500 + (n - 1) * period, size);
        for (let i = 0; i < size; i++) out.push(Math.round((first + i * period) * 1e6) / 1e6);
      }
      return out;
    };
    const a = times([10]);
    expect(times([1, 2, 3, 4])).toEqual(a);
    expect(times([5, 0, 5])).toEqual(a);
  });

  it('rejects a bad rate, forgets its anchor on reset, and survives a non-finite arrival', () => {
    expect(() => new SampleClock(0)).toThrow(TypeError);
    const clock = new SampleClock(60);
    clock.place(1000, 1);
    clock.reset();
    expect(clock.place(9000, 1)).toBe(9000);
    // A NaN arrival counts as the previous arrival (9000): the sample cannot be later than that.
    expect(clock.place(Number.NaN, 1)).toBeLessThanOrEqual(9000);
  });
});
