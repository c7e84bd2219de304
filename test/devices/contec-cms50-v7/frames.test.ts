import {
  encodeRealtime,
  encodeStorageNotice,
  encodeVersion,
} from '../../../src/devices/contec-cms50-v7/device-encoder';
import { emptyRealtimeFields, parsePackage, restoreData } from '../../../src/devices/contec-cms50-v7/frames';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';

const parse = (hex: string) => parsePackage(hexToBytes(hex));

describe('V7 frames: document vectors (device-protocols §2.3)', () => {
  it('restores bit 7 of each data byte from the high byte', () => {
    expect(restoreData(hexToBytes('01 E0 85 B3 96 C1 E1 FF FF'))).toEqual([
      0x05, 0x33, 0x16, 0x41, 0x61, 0xff, 0xff,
    ]);
  });

  it('01 E0 85 B3 96 C1 E1 FF FF: signal 5, pleth 51, bar 6, PI invalid, PR 65, SpO2 97', () => {
    expect(parse('01 E0 85 B3 96 C1 E1 FF FF')).toEqual({
      kind: 'realtime',
      signalStrength: 5,
      searchingTooLong: false,
      lowSpo2: false,
      pulseBeep: false,
      probeError: false,
      pleth: 51,
      searching: false,
      barGraph: 6,
      piInvalid: true,
      pulseRate: 65,
      spo2: 97,
      perfusionIndex: null,
    });
  });

  it('01 E0 85 D5 9A BD E3 FF FF (MarkMLl nominal): pleth 85, bar 10, PR 61, SpO2 99', () => {
    expect(parse('01 E0 85 D5 9A BD E3 FF FF')).toMatchObject({
      signalStrength: 5,
      pleth: 85,
      barGraph: 10,
      pulseRate: 61,
      spo2: 99,
    });
  });

  it.each([
    ['0C 80', { kind: 'free' }],
    ['06 80 80 87', { kind: 'version', data: [0, 7], version: 7 }],
    [
      '11 80 81 81 80 80 80 80 80',
      { kind: 'device-notice', noticeType: 1, info: [1, 0, 0, 0, 0, 0], storageDataPresent: true },
    ],
    ['0E 80 81', { kind: 'pi-identifier', piSupported: false }],
    ['04 80 F5 F3 E5 F2 A0 A0 A0', { kind: 'device-id', id: 'user   ' }],
    [
      '0F 80 DE C2 DE C2 DE C2',
      { kind: 'storage-samples', samples: [1, 2, 3].map(() => ({ spo2: 94, pulseRate: 66 })) },
    ],
    [
      '07 80 80 80 94 8E 88 92',
      { kind: 'storage-start-date', user: 0, segment: 0, year: 2014, month: 8, day: 18 },
    ],
    [
      '12 80 80 80 82 A6 92 80',
      { kind: 'storage-start-time', user: 0, segment: 0, hour: 2, minute: 38, second: 18 },
    ],
    ['08 80 80 80 A4 81 80 80', { kind: 'storage-length', user: 0, segment: 0, length: 292 }],
  ])('%s', (hex, expected) => {
    expect(parse(hex)).toEqual(expected);
  });
});

describe('V7 frames: every real-time field and flag', () => {
  const base = {
    ...emptyRealtimeFields(),
    pleth: 60,
    pulseRate: 72,
    spo2: 98,
    perfusionIndex: 2.5,
    signalStrength: 4,
    barGraph: 3,
  };
  it.each([
    ['searching too long', { searchingTooLong: true }],
    ['low SpO2', { lowSpo2: true }],
    ['pulse beep', { pulseBeep: true }],
    ['probe error', { probeError: true, pleth: 0x40 }],
    ['searching', { searching: true }],
    ['signal 8, bar 15', { signalStrength: 8, barGraph: 15 }],
    ['pleth 127, PR 254, SpO2 100, PI 22.00', { pleth: 127, pulseRate: 254, spo2: 100, perfusionIndex: 22 }],
    ['PR invalid (0xFF)', { pulseRate: null }],
    ['SpO2 invalid (0x7F)', { spo2: null }],
    ['PI invalid', { perfusionIndex: null, piInvalid: true }],
  ])('%s round-trips through the device encoder', (_name, change) => {
    const fields = { ...base, ...change };
    expect(parsePackage(encodeRealtime(fields))).toEqual({ kind: 'realtime', ...fields });
  });

  it('reads PI as little-endian hundredths and the PI-invalid bit as null even with a value', () => {
    expect(parse('01 80 85 B3 86 C1 E1 FB 80')).toMatchObject({ perfusionIndex: 1.23 }); // 0x007B = 123
    expect(parse('01 80 85 B3 96 C1 E1 FB 80')).toMatchObject({ perfusionIndex: null, piInvalid: true });
    expect(parse('01 C0 85 B3 96 C1 E1 FF FF'.replace('C0', 'E0'))).toMatchObject({ perfusionIndex: null });
  });

  it('encodes the document replies byte for byte', () => {
    expect(bytesToHex(encodeVersion(7))).toBe('06 80 80 87');
    expect(bytesToHex(encodeStorageNotice(true))).toBe('11 80 81 81 80 80 80 80 80');
  });
});

describe('V7 frames: layout and range violations are errors, never values', () => {
  it.each([
    ['too short', '01', 'malformed'],
    ['type with bit 7', '81 80', 'malformed'],
    ['unknown type', '13 80 80 80', 'unknown-type'],
    ['wrong length', '01 E0 85 B3 96 C1 E1 FF', 'malformed'],
    ['high byte without bit 7', '0C 00', 'malformed'],
    ['data byte without bit 7', '01 E0 85 33 96 C1 E1 FF FF', 'malformed'],
    ['high-byte bit for a missing byte', '0C 81', 'malformed'],
    ['SpO2 101', '01 80 85 B3 96 C1 E5 FF FF', 'out-of-range'],
    ['PI 22.01 (2201) while valid', '01 A0 85 B3 86 C1 E1 99 91', 'out-of-range'],
    ['PI identifier 2', '0E 80 82', 'out-of-range'],
  ])('%s', (_name, hex, code) => {
    expect(parse(hex)).toMatchObject({ kind: 'frame-error', code });
  });
});
