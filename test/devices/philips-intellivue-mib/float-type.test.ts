import { decodeFloatType, encodeFloatType } from '../../../src/devices/philips-intellivue-mib/float-type';

describe('FLOAT-Type (8-bit exponent, 24-bit mantissa)', () => {
  it.each([
    [0x00000048, 72],
    [0xff00016d, 36.5],
    [0xfe002ee0, 120],
    [0x01000007, 70],
    [0x00fffff6, -10],
    [0xfffffffb, -0.5],
    [0x00000000, 0],
  ])('decodes 0x%s', (raw, value) => {
    expect(decodeFloatType(raw)).toBe(value);
  });

  it.each([
    ['NaN', 0x007fffff],
    ['NRes', 0x00800000],
    ['+INF', 0x007ffffe],
    ['-INF', 0x00800002],
    ['reserved', 0x00800001],
  ])('decodes %s to null', (_, raw) => {
    expect(decodeFloatType(raw)).toBeNull();
  });

  it('encodes with the fewest decimals, and null as NaN', () => {
    expect(encodeFloatType(72)).toBe(0x00000048);
    expect(encodeFloatType(36.5)).toBe(0xff00016d);
    expect(encodeFloatType(null)).toBe(0x007fffff);
    for (const value of [0, 1, -1, 98, 36.7, 120.25, -3.125, 1234.5]) {
      expect(decodeFloatType(encodeFloatType(value))).toBe(value);
    }
  });

  it('refuses values a mantissa cannot hold', () => {
    expect(() => encodeFloatType(1e9)).toThrow(RangeError);
  });
});
