import { encodeLine } from '../../../src/devices/ad8232-ascii/device-encoder';
import { parseLine } from '../../../src/devices/ad8232-ascii/frames';
import { ArrivalRateEstimator } from '../../../src/devices/ad8232-ascii/rate-estimator';

describe('AD8232 sketch lines (device-protocols §8; SparkFun Heart_Rate_Display_Arduino.ino)', () => {
  it('println(analogRead(A0)): a decimal 10-bit value per line', () => {
    expect(parseLine('512', 1023)).toEqual({ kind: 'sample', value: 512 });
    expect(parseLine('0', 1023)).toEqual({ kind: 'sample', value: 0 });
    expect(parseLine('1023', 1023)).toEqual({ kind: 'sample', value: 1023 });
    expect(parseLine(' 77\t', 1023)).toEqual({ kind: 'sample', value: 77 });
    expect(parseLine('0042', 1023)).toEqual({ kind: 'sample', value: 42 });
  });
  it("println('!'): a lead is off (LO+ or LO−)", () => {
    expect(parseLine('!', 1023)).toEqual({ kind: 'lead-off' });
    expect(parseLine(' ! ', 1023)).toEqual({ kind: 'lead-off' });
  });
  it('anything else is a frame error; a value above the ADC range is out of range', () => {
    for (const line of ['', ' ', 'abc', '12a', '-5', '5.0', '!!', '1 2', '123456', '+5', '0x10']) {
      expect(parseLine(line, 1023)).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    }
    expect(parseLine('1024', 1023)).toMatchObject({ kind: 'frame-error', code: 'out-of-range' });
    expect(parseLine('4095', 4095)).toEqual({ kind: 'sample', value: 4095 });
  });
  it('the device encoder writes CR LF line ends', () => {
    expect([...encodeLine(512)]).toEqual([0x35, 0x31, 0x32, 0x0d, 0x0a]);
    expect([...encodeLine(null)]).toEqual([0x21, 0x0d, 0x0a]);
  });
});

describe('ArrivalRateEstimator', () => {
  const options = { windowMs: 5000, minSpanMs: 1000, maxGapMs: 1000 };

  it('measures a steady stream once the window spans minSpanMs, whatever the push size', () => {
    for (const [rateHz, pushMs] of [
      [150, 20],
      [250, 16],
      [187.5, 64],
      [900, 1],
    ]) {
      const estimator = new ArrivalRateEstimator(options);
      const perPush = (rateHz * pushMs) / 1000;
      let estimate: number | null = null;
      let carried = 0;
      for (let t = 0; t <= 3000; t += pushMs) {
        carried += perPush;
        const samples = Math.floor(carried);
        carried -= samples;
        estimate = estimator.add(t, samples);
        if (t < 1000) expect(estimate).toBeNull();
      }
      expect(estimate).not.toBeNull();
      expect(Math.abs(estimate! - rateHz) / rateHz).toBeLessThan(0.01);
    }
  });

  it('averages out USB arrival jitter', () => {
    const estimator = new ArrivalRateEstimator(options);
    let estimate: number | null = null;
    let jitter = 7;
    for (let k = 0; k < 500; k++) {
      jitter = (jitter * 31 + 11) % 17; // deterministic 0..16 ms of lateness
      estimate = estimator.add(k * 20 + jitter, 3);
    }
    expect(Math.abs(estimate! - 150)).toBeLessThan(1);
  });

  it('a long gap or time going back restarts the window (a stall is not a slow rate)', () => {
    const estimator = new ArrivalRateEstimator(options);
    for (let t = 0; t <= 2000; t += 20) estimator.add(t, 3);
    expect(estimator.add(4000, 3)).toBeNull();
    for (let t = 4020; t < 5000; t += 20) expect(estimator.add(t, 3)).toBeNull();
    expect(estimator.add(5000, 3)).toBeCloseTo(150, 5);
    expect(estimator.add(100, 3)).toBeNull();
  });

  it('follows a rate change within the window', () => {
    const estimator = new ArrivalRateEstimator(options);
    for (let t = 0; t <= 6000; t += 20) estimator.add(t, 3);
    let estimate: number | null = null;
    for (let t = 6020; t <= 12_000; t += 20) estimate = estimator.add(t, 5);
    expect(estimate).toBeCloseTo(250, 0);
  });

  it('rejects inconsistent options', () => {
    expect(() => new ArrivalRateEstimator({ windowMs: 500, minSpanMs: 1000, maxGapMs: 1000 })).toThrow(
      TypeError,
    );
  });
});
