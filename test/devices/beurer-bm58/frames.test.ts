import fc from 'fast-check';
import { askCount, askDescription, askRecord, handshake } from '../../../src/devices/beurer-bm58/commands';
import { encodeDescription, encodeRecord } from '../../../src/devices/beurer-bm58/device-encoder';
import {
  measurementTimeMs,
  parseRecord,
  type StoredMeasurement,
} from '../../../src/devices/beurer-bm58/frames';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';

const M: StoredMeasurement = {
  systolic: 120,
  diastolic: 80,
  pulse: 72,
  year: 2026,
  month: 11,
  day: 25,
  hour: 7,
  minute: 30,
};

describe('Beurer BM58 commands (device-protocols §6.1)', () => {
  it('are the documented single bytes; a record request carries its number', () => {
    expect(bytesToHex(handshake())).toBe('AA');
    expect(bytesToHex(askDescription())).toBe('A4');
    expect(bytesToHex(askCount())).toBe('A2');
    expect(bytesToHex(askRecord(1))).toBe('A3 01');
    expect(bytesToHex(askRecord(60))).toBe('A3 3C');
    expect(() => askRecord(0)).toThrow(RangeError);
    expect(() => askRecord(256)).toThrow(RangeError);
  });
});

describe('Beurer BM58 record: AC, SYS−25, DIA−25, PR, MM, DD, hh, mm, YY−2000', () => {
  it('decodes a hand-built record field by field', () => {
    // SYS 120 → 0x5F, DIA 80 → 0x37, PR 72 → 0x48, 2026-11-25 07:30
    const bytes = hexToBytes('AC 5F 37 48 0B 19 07 1E 1A');
    expect(parseRecord(bytes)).toEqual(M);
    expect(bytesToHex(encodeRecord(M))).toBe('AC 5F 37 48 0B 19 07 1E 1A');
    expect(new Date(measurementTimeMs(M)).toISOString()).toBe('2026-11-25T07:30:00.000Z');
    expect(new Date(measurementTimeMs(M, 60)).toISOString()).toBe('2026-11-25T06:30:00.000Z');
  });
  it.each([
    ['systolic', 'AC 00 37 48 0B 19 07 1E 1A', { systolic: 25 }],
    ['systolic max', 'AC FF 37 48 0B 19 07 1E 1A', { systolic: 280 }],
    ['diastolic', 'AC 5F 00 48 0B 19 07 1E 1A', { diastolic: 25 }],
    ['pulse', 'AC 5F 37 FF 0B 19 07 1E 1A', { pulse: 255 }],
    ['month', 'AC 5F 37 48 01 19 07 1E 1A', { month: 1 }],
    ['day', 'AC 5F 37 48 0B 01 07 1E 1A', { day: 1 }],
    ['hour', 'AC 5F 37 48 0B 19 17 1E 1A', { hour: 23 }],
    ['minute', 'AC 5F 37 48 0B 19 07 3B 1A', { minute: 59 }],
    ['year', 'AC 5F 37 48 0B 19 07 1E 00', { year: 2000 }],
    ['leap day', 'AC 5F 37 48 02 1D 07 1E 1C', { month: 2, day: 29, year: 2028 }],
  ])('%s', (_name, hex, fields) => {
    expect(parseRecord(hexToBytes(hex))).toMatchObject(fields);
  });
  it.each([
    ['month 0', 'AC 5F 37 48 00 19 07 1E 1A'],
    ['month 13', 'AC 5F 37 48 0D 19 07 1E 1A'],
    ['month with bit 7 (a BM55-style flag)', 'AC 5F 37 48 8B 19 07 1E 1A'],
    ['day 0', 'AC 5F 37 48 0B 00 07 1E 1A'],
    ['30 February', 'AC 5F 37 48 02 1E 07 1E 1A'],
    ['hour 24', 'AC 5F 37 48 0B 19 18 1E 1A'],
    ['minute 60', 'AC 5F 37 48 0B 19 07 3C 1A'],
    ['year byte 100', 'AC 5F 37 48 0B 19 07 1E 64'],
  ])('rejects %s as out of range', (_name, hex) => {
    expect(parseRecord(hexToBytes(hex))).toMatchObject({ kind: 'frame-error', code: 'out-of-range' });
  });
  it('rejects a wrong header and a short record as malformed', () => {
    expect(parseRecord(hexToBytes('AD 5F 37 48 0B 19 07 1E 1A'))).toMatchObject({ code: 'malformed' });
    expect(parseRecord(hexToBytes('AC 5F 37 48 0B 19 07 1E'))).toMatchObject({ code: 'malformed' });
  });
  it('round-trips every encodable measurement', () => {
    const arb = fc.record({
      systolic: fc.integer({ min: 25, max: 280 }),
      diastolic: fc.integer({ min: 25, max: 280 }),
      pulse: fc.nat({ max: 255 }),
      year: fc.integer({ min: 2000, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.nat({ max: 23 }),
      minute: fc.nat({ max: 59 }),
    });
    fc.assert(
      fc.property(arb, (m) => void expect(parseRecord(encodeRecord(m))).toEqual(m)),
      { numRuns: 500 },
    );
  });
  it('pads the description to 32 ASCII bytes', () => {
    expect(encodeDescription('BM58')).toEqual(
      Uint8Array.from([0x42, 0x4d, 0x35, 0x38, ...new Array<number>(28).fill(0x20)]),
    );
  });
});
