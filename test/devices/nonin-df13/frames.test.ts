import { encodeRecord } from '../../../src/devices/nonin-df13/device-encoder';
import { parseRecord, type SpotCheckRecord } from '../../../src/devices/nonin-df13/frames';
import { hexToBytes } from '../../../src/devices/framing/hex';

const VECTOR = '00 02 00 0D 00 0E 20 25 11 25 14 30 15 00 02 00 00 48 00 61 7F 03';
const RECORD: SpotCheckRecord = {
  clock: { year: 2025, month: 11, day: 25, hour: 14, minute: 30, second: 15 },
  smartPoint: true,
  noMeasurement: false,
  fromMemory: false,
  lowBattery: false,
  pulseRate: 72,
  spo2: 97,
};

describe('format #13 records (device-protocols §3.4)', () => {
  it('the document vector → 2025-11-25 14:30:15, SPA, HR 72, SpO2 97 [DERIVED]', () => {
    expect(parseRecord(hexToBytes(VECTOR))).toEqual(RECORD);
    expect(encodeRecord(RECORD)).toEqual(hexToBytes(VECTOR));
  });
  it('decodes NOMS, MEM, LOW BAT, 9-bit HR and the missing markers', () => {
    const round = (r: Partial<SpotCheckRecord>) => parseRecord(encodeRecord({ ...RECORD, ...r }));
    expect(round({ noMeasurement: true, smartPoint: false, pulseRate: null, spo2: null })).toMatchObject({
      noMeasurement: true,
      pulseRate: null,
      spo2: null,
    });
    expect(round({ fromMemory: true, lowBattery: true })).toMatchObject({
      fromMemory: true,
      lowBattery: true,
    });
    expect(round({ pulseRate: 300 })).toMatchObject({ pulseRate: 300 });
    expect(round({ pulseRate: null, spo2: null })).toMatchObject({
      pulseRate: null,
      spo2: null,
      noMeasurement: false,
    });
  });
  it('honours a longer length field (the format is expandable)', () => {
    const bytes = hexToBytes(VECTOR);
    const longer = Uint8Array.of(
      ...bytes.subarray(0, 4),
      0,
      16,
      ...bytes.subarray(6, 20),
      0xaa,
      0x55,
      (0x7f + 0xff) & 0xff,
      3,
    );
    expect(parseRecord(longer)).toEqual(RECORD);
  });
  it('rejects a bad checksum, a missing ETX, a bad length, a non-BCD date and SpO2 101..126', () => {
    const changed = (at: number, value: number) => hexToBytes(VECTOR).map((b, i) => (i === at ? value : b));
    expect(parseRecord(changed(20, 0x7e))).toMatchObject({ kind: 'frame-error', code: 'checksum' });
    expect(parseRecord(changed(21, 0x04))).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    expect(parseRecord(changed(5, 0x0d))).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    const fix = (b: Uint8Array) => {
      let sum = 0;
      for (let i = 6; i < 20; i++) sum += b[i];
      b[20] = sum & 0xff;
      return b;
    };
    expect(parseRecord(fix(changed(8, 0x1a)))).toMatchObject({ kind: 'frame-error', code: 'out-of-range' });
    expect(parseRecord(fix(changed(9, 0x31)))).toMatchObject({ kind: 'frame-error', code: 'out-of-range' });
    expect(parseRecord(fix(changed(19, 0x65)))).toMatchObject({ kind: 'frame-error', code: 'out-of-range' });
  });
});
