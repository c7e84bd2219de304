import fc from 'fast-check';
import { readDateTime } from '../../../src/devices/ble/ble-time';
import { floatFromRaw, readFloat } from '../../../src/devices/ble/float';
import { readSfloat, sfloatFromRaw } from '../../../src/devices/ble/sfloat';
import { sfloatRaw, ValueWriter } from '../../../src/devices/ble/value-writer';
import { hexToBytes } from '../../../src/devices/framing/hex';

describe('SFLOAT (device-protocols §9)', () => {
  it('decodes the document examples', () => {
    expect(sfloatFromRaw(0xf3e8)).toBe(100);
    expect(sfloatFromRaw(0xe366)).toBe(8.7);
    expect(readSfloat(hexToBytes('57 F0'), 0)).toBe(8.7);
    expect(sfloatFromRaw(0x0064)).toBe(100);
  });

  // Byte literals as they arrive (little-endian), from the special-value table (HL7/phd FLOATS.md).
  it.each([
    ['FF 07', 'NaN'],
    ['00 08', 'NRes'],
    ['01 08', 'reserved'],
  ])('%s (%s) carries no value: null', (hex) => expect(readSfloat(hexToBytes(hex), 0)).toBeNull());

  it('FE 07 (+INF) and 02 08 (−INF) are beyond the device range: ±Infinity, never a finite number', () => {
    expect(readSfloat(hexToBytes('FE 07'), 0)).toBe(Number.POSITIVE_INFINITY);
    expect(readSfloat(hexToBytes('02 08'), 0)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('sign-extends exponent and mantissa', () => {
    expect(sfloatFromRaw(sfloatRaw(-1, 0))).toBe(-1);
    expect(sfloatFromRaw(sfloatRaw(-2048 + 3, 0))).toBe(-2045);
    expect(sfloatFromRaw(sfloatRaw(5, 7))).toBe(50_000_000);
    expect(sfloatFromRaw(sfloatRaw(5, -8))).toBe(5e-8);
    // The special patterns are special only with exponent 0.
    expect(sfloatFromRaw(sfloatRaw(0x7ff, 1))).toBe(20_470);
  });

  it('every 16-bit value is null, a finite number, or ±Infinity for the two INF codes only', () => {
    for (let raw = 0; raw <= 0xffff; raw++) {
      const value = sfloatFromRaw(raw);
      const infinity = raw === 0x07fe || raw === 0x0802;
      if (value !== null && Number.isFinite(value) === infinity) throw new Error(`0x${raw.toString(16)}`);
    }
  });
});

describe('FLOAT (device-protocols §9)', () => {
  it('decodes 6E 01 00 FF as 36.6', () => {
    expect(readFloat(hexToBytes('6E 01 00 FF'), 0)).toBe(36.6);
    expect(floatFromRaw(0xff00016e)).toBe(36.6);
  });

  it.each([
    ['FF FF 7F 00', 'NaN'],
    ['00 00 80 00', 'NRes'],
    ['01 00 80 00', 'reserved'],
  ])('%s (%s) carries no value: null', (hex) => expect(readFloat(hexToBytes(hex), 0)).toBeNull());

  it('FE FF 7F 00 (+INF) and 02 00 80 00 (−INF) are ±Infinity', () => {
    expect(readFloat(hexToBytes('FE FF 7F 00'), 0)).toBe(Number.POSITIVE_INFINITY);
    expect(readFloat(hexToBytes('02 00 80 00'), 0)).toBe(Number.NEGATIVE_INFINITY);
    // The same mantissas with another exponent are plain numbers.
    expect(readFloat(hexToBytes('FE FF 7F 01'), 0)).toBe(83_886_060);
  });

  it('FF FF FF 7F is −1·10¹²⁷: a finite number (the range check, not the format, refuses it)', () => {
    expect(readFloat(hexToBytes('FF FF FF 7F'), 0)).toBe(-1e127);
  });

  it('round-trips mantissa and exponent through the writer, and never gives a non-finite value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -0x7ffffd, max: 0x7ffffd }),
        fc.integer({ min: -128, max: 127 }),
        (mantissa, exponent) => {
          const value = readFloat(new ValueWriter().float(mantissa, exponent).toBytes(), 0);
          expect(value).not.toBeNull();
          expect(Number.isFinite(value)).toBe(true);
          if (exponent === 0) expect(value).toBe(mantissa);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('Date Time', () => {
  const at = (hex: string, offset = 0) => readDateTime(hexToBytes(hex), 0, offset);

  it('reads 2024-11-29 23:08:57 (Spezi spot-check vector) as local time at the given offset', () => {
    expect(at('E8 07 0B 1D 17 08 39')).toBe(Date.UTC(2024, 10, 29, 23, 8, 57));
    expect(at('E8 07 0B 1D 17 08 39', 60)).toBe(Date.UTC(2024, 10, 29, 22, 8, 57));
  });

  it('a zero year, month or day means unknown (null)', () => {
    expect(at('00 00 0B 1D 17 08 39')).toBeNull();
    expect(at('E8 07 00 1D 17 08 39')).toBeNull();
    expect(at('E8 07 0B 00 17 08 39')).toBeNull();
  });

  it('an impossible date is an out-of-range frame error', () => {
    for (const bad of [
      'E8 07 0D 01 00 00 00',
      'E8 07 02 1E 00 00 00',
      'E8 07 01 01 18 00 00',
      '0A 00 01 01 00 00 00',
    ]) {
      expect(at(bad)).toMatchObject({ kind: 'frame-error', code: 'out-of-range' });
    }
  });
});

describe('Date Time arithmetic equals Date.UTC', () => {
  it('for every valid date and time (1582..9999), at any offset', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1582-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -720, max: 840 }),
        (date, offset) => {
          const bytes = new ValueWriter()
            .dateTime(
              date.getUTCFullYear(),
              date.getUTCMonth() + 1,
              date.getUTCDate(),
              date.getUTCHours(),
              date.getUTCMinutes(),
              date.getUTCSeconds(),
            )
            .toBytes();
          const whole = Math.floor(date.getTime() / 1000) * 1000;
          expect(readDateTime(bytes, 0, offset)).toBe(whole - offset * 60_000);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('29 February exists in leap years only', () => {
    const feb29 = (year: number) =>
      readDateTime(new ValueWriter().dateTime(year, 2, 29, 0, 0, 0).toBytes(), 0, 0);
    expect(feb29(2024)).toBe(Date.UTC(2024, 1, 29));
    expect(feb29(2000)).toBe(Date.UTC(2000, 1, 29));
    expect(feb29(1900)).toMatchObject({ kind: 'frame-error' });
    expect(feb29(2026)).toMatchObject({ kind: 'frame-error' });
  });
});
