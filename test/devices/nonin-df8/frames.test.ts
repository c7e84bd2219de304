import fc from 'fast-check';
import { encodeFrame } from '../../../src/devices/nonin-df8/device-encoder';
import { emptyDf8Frame, parseFrame, type Df8Frame } from '../../../src/devices/nonin-df8/frames';
import { hexToBytes } from '../../../src/devices/framing/hex';

describe('format #8 frames (device-protocols §3.3)', () => {
  it('80 48 61 00 → HR 72, SpO2 97, no flags [DERIVED vector]', () => {
    expect(parseFrame(hexToBytes('80 48 61 00'))).toEqual({ ...emptyDf8Frame(), pulseRate: 72, spo2: 97 });
  });
  it('HR bits 8 and 7 come from STATUS bits 1 and 0; 511 and 127 are the missing markers', () => {
    expect(parseFrame(hexToBytes('82 2C 61 00'))).toMatchObject({ pulseRate: 300 });
    expect(parseFrame(hexToBytes('81 00 61 00'))).toMatchObject({ pulseRate: 128 });
    expect(parseFrame(hexToBytes('83 7F 7F 00'))).toMatchObject({ pulseRate: null, spo2: null });
  });
  it.each([
    ['A0 48 61 00', { outOfTrack: true }],
    ['90 48 61 00', { lowPerfusion: true }],
    ['88 48 61 00', { marginalPerfusion: true }],
    ['84 48 61 00', { artifact: true }],
    ['80 48 61 20', { smartPoint: true }],
    ['80 48 61 08', { sensorAlarm: true }],
    ['80 48 61 01', { lowBattery: true }],
  ])('%s sets one field', (hex, field) => {
    expect(parseFrame(hexToBytes(hex))).toEqual({ ...emptyDf8Frame(), pulseRate: 72, spo2: 97, ...field });
  });
  it('rejects a missing or stray bit 7, a short frame and SpO2 101..126', () => {
    for (const bad of ['00 48 61 00', '80 C8 61 00', '80 48 E1 00', '80 48 61 80', '80 48 61']) {
      expect(parseFrame(hexToBytes(bad))).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    }
    expect(parseFrame(hexToBytes('80 48 65 00'))).toMatchObject({
      kind: 'frame-error',
      code: 'out-of-range',
    });
  });
  it('every field round-trips through the device encoder', () => {
    const arb = fc.record({
      pulseRate: fc.option(fc.nat({ max: 510 }), { nil: null }),
      spo2: fc.option(fc.nat({ max: 100 }), { nil: null }),
      outOfTrack: fc.boolean(),
      lowPerfusion: fc.boolean(),
      marginalPerfusion: fc.boolean(),
      artifact: fc.boolean(),
      smartPoint: fc.boolean(),
      sensorAlarm: fc.boolean(),
      lowBattery: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (f: Df8Frame) => void expect(parseFrame(encodeFrame(f))).toEqual(f)),
      { numRuns: 500 },
    );
  });
});
