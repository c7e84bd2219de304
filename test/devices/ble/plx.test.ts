import { decodePlxContinuous } from '../../../src/devices/ble/plx-continuous';
import { decodePlxSpotCheck, PLX_SPOT_FLAG } from '../../../src/devices/ble/plx-spot';
import { PLX_DEVICE, PLX_MEASUREMENT, plxStatusFlags } from '../../../src/devices/ble/plx-status';
import { ValueWriter } from '../../../src/devices/ble/value-writer';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema, type Reading } from '../../../src/shared/domain/readings';

const DEVICE = 'ble-plx-continuous@Nonin 3230';
const T = Date.UTC(2026, 10, 25, 17, 0, 0);

const values = (readings: Reading[]) =>
  Object.fromEntries(readings.flatMap((r) => (r.type === 'numeric' ? [[r.metric, r.value]] : [])));
const flagsOf = (readings: Reading[]) => readings.find((r) => r.type === 'status');

function continuous(hex: string) {
  const result = decodePlxContinuous(hexToBytes(hex), T, DEVICE);
  if (result.kind !== 'decoded') throw new Error(result.detail);
  for (const r of result.readings) readingSchema.parse(r);
  return result;
}

describe('PLX Continuous Measurement 0x2A5F (SpeziBluetooth PLXTests vectors)', () => {
  it('00 E8 F3 84 F3 and 00 64 00 5A 00 → SpO2 100, PR 90', () => {
    for (const hex of ['00 E8 F3 84 F3', '00 64 00 5A 00']) {
      const { readings, fields } = continuous(hex);
      expect(values(readings)).toEqual({ MDC_PULS_OXIM_SAT_O2: 100, MDC_PULS_OXIM_PULS_RATE: 90 });
      expect(fields).toMatchObject({ fast: undefined, slow: undefined, pulseAmplitudeIndex: undefined });
    }
  });

  it('1C 5F 00 5A 00 20 00 00 00 00 57 F0 → SpO2 95, PR 90, ongoing, PAI 8.7', () => {
    const { readings, fields } = continuous('1C 5F 00 5A 00 20 00 00 00 00 57 F0');
    expect(values(readings)).toEqual({
      MDC_PULS_OXIM_SAT_O2: 95,
      MDC_PULS_OXIM_PULS_RATE: 90,
      MDC_PULS_OXIM_PERF_REL: 8.7,
    });
    expect(fields).toMatchObject({ measurementStatus: PLX_MEASUREMENT.ongoing, deviceStatus: 0 });
    expect(flagsOf(readings)).toMatchObject({ flags: [] });
  });

  it('1F … → SpO2 99, PR 97, fast 97/137, slow 98/69, status 0x0120, PAI 8.9', () => {
    const { readings, fields } = continuous('1F DE F3 CA F3 CA F3 5A F5 D4 F3 B2 F2 20 01 00 00 00 7A E3');
    expect(fields).toEqual({
      spo2: 99,
      pulseRate: 97,
      fast: { spo2: 97, pulseRate: 137 },
      slow: { spo2: 98, pulseRate: 69 },
      measurementStatus: 0x0120,
      deviceStatus: 0,
      pulseAmplitudeIndex: 8.9,
    });
    expect(values(readings)).toEqual({
      MDC_PULS_OXIM_SAT_O2: 99,
      MDC_PULS_OXIM_PULS_RATE: 97,
      MDC_PULS_OXIM_PERF_REL: 8.9,
    });
  });

  it('a measurement the device marks invalid or unavailable has null values', () => {
    for (const status of [PLX_MEASUREMENT.invalid, PLX_MEASUREMENT.unavailable]) {
      const bytes = new ValueWriter().u8(0x04).sfloat(97).sfloat(60).u16(status).toBytes();
      const result = decodePlxContinuous(bytes, T, DEVICE);
      expect(result).toMatchObject({ kind: 'decoded', fields: { spo2: null, pulseRate: null } });
    }
  });

  it('every flag combination needs exactly its fields', () => {
    for (let flags = 0; flags < 0x20; flags++) {
      const w = new ValueWriter().u8(flags).sfloat(96).sfloat(70);
      if (flags & 1) w.sfloat(95).sfloat(71);
      if (flags & 2) w.sfloat(94).sfloat(72);
      if (flags & 4) w.u16(0);
      if (flags & 8) w.u24(PLX_DEVICE.lowPerfusion);
      if (flags & 16) w.sfloat(0x7ff);
      const bytes = w.toBytes();
      expect(decodePlxContinuous(bytes.subarray(0, bytes.length - 1), T, DEVICE)).toMatchObject({
        kind: 'frame-error',
      });
      const result = decodePlxContinuous(bytes, T, DEVICE);
      if (result.kind !== 'decoded') throw new Error(result.detail);
      expect(result.fields.fast).toEqual(flags & 1 ? { spo2: 95, pulseRate: 71 } : undefined);
      expect(result.fields.slow).toEqual(flags & 2 ? { spo2: 94, pulseRate: 72 } : undefined);
      expect(result.fields.pulseAmplitudeIndex).toBe(flags & 16 ? null : undefined);
      expect(flagsOf(result.readings)).toMatchObject({ flags: flags & 8 ? ['low-perfusion'] : [] });
    }
  });
});

describe('PLX Spot-check Measurement 0x2A5E', () => {
  const SPEZI = '0F AC F3 BE F5 E8 07 0B 1D 17 08 39 20 40 22 00 00 66 E3';

  it(`${SPEZI} → SpO2 94, PR 147, 2024-11-29 23:08:57, questionable, malfunction + low perfusion, PAI 8.7`, () => {
    const result = decodePlxSpotCheck(hexToBytes(SPEZI), T, 'ble-plx-spot@X');
    if (result.kind !== 'decoded') throw new Error(result.detail);
    expect(result.fields).toEqual({
      spo2: 94,
      pulseRate: 147,
      timestampMs: Date.UTC(2024, 10, 29, 23, 8, 57),
      measurementStatus: 0x4020,
      deviceStatus: 0x22,
      pulseAmplitudeIndex: 8.7,
    });
    const time = '2024-11-29T23:08:57.000Z';
    expect(result.readings).toEqual([
      {
        type: 'status',
        device: 'ble-plx-spot@X',
        flags: ['low-perfusion', 'device-malfunction', 'questionable'],
        time,
      },
      {
        type: 'numeric',
        device: 'ble-plx-spot@X',
        metric: 'MDC_PULS_OXIM_SAT_O2',
        value: 94,
        unit: '%',
        time,
      },
      {
        type: 'numeric',
        device: 'ble-plx-spot@X',
        metric: 'MDC_PULS_OXIM_PULS_RATE',
        value: 147,
        unit: '/min',
        time,
      },
      {
        type: 'numeric',
        device: 'ble-plx-spot@X',
        metric: 'MDC_PULS_OXIM_PERF_REL',
        value: 8.7,
        unit: '%',
        time,
      },
    ]);
  });

  it('ignores the timestamp of a device whose clock is not set', () => {
    const bytes = hexToBytes(SPEZI);
    bytes[0] |= PLX_SPOT_FLAG.clockNotSet;
    const result = decodePlxSpotCheck(bytes, T, 'ble-plx-spot@X');
    if (result.kind !== 'decoded') throw new Error(result.detail);
    expect(result.fields.timestampMs).toBeNull();
    for (const r of result.readings) expect(r).toMatchObject({ time: '2026-11-25T17:00:00.000Z' });
  });

  it('every flag combination needs exactly its fields', () => {
    for (let flags = 0; flags < 0x20; flags++) {
      const w = new ValueWriter().u8(flags).sfloat(96).sfloat(70);
      if (flags & 1) w.dateTime(2026, 1, 2, 3, 4, 5);
      if (flags & 2) w.u16(PLX_MEASUREMENT.demo);
      if (flags & 4) w.u24(PLX_DEVICE.sensorDisconnected);
      if (flags & 8) w.sfloat(25, -1);
      const bytes = w.toBytes();
      expect(decodePlxSpotCheck(bytes.subarray(0, bytes.length - 1), T, 'd')).toMatchObject({
        kind: 'frame-error',
      });
      const result = decodePlxSpotCheck(bytes, T, 'd');
      if (result.kind !== 'decoded') throw new Error(result.detail);
      expect(result.fields.timestampMs).toBe(
        flags & 1 && !(flags & 16) ? Date.UTC(2026, 0, 2, 3, 4, 5) : null,
      );
      expect(result.fields.pulseAmplitudeIndex).toBe(flags & 8 ? 2.5 : undefined);
      expect(flagsOf(result.readings)).toMatchObject({
        flags: [...(flags & 4 ? ['sensor-disconnected'] : []), ...(flags & 2 ? ['test-data'] : [])],
      });
    }
  });
});

describe('PLX status bits → flags', () => {
  it('maps each device & sensor bit', () => {
    const expected: Record<number, string[]> = {
      0: [],
      1: ['device-malfunction'],
      2: ['artifact'],
      3: ['low-signal-quality'],
      4: ['low-signal-quality'],
      5: ['low-perfusion'],
      6: ['artifact'],
      7: ['artifact'],
      8: ['artifact'],
      9: ['searching'],
      10: ['artifact'],
      11: ['sensor-disconnected'],
      12: ['probe-error'],
      13: ['probe-off'],
      14: ['probe-error'],
      15: ['sensor-disconnected'],
    };
    for (const [bit, flags] of Object.entries(expected))
      expect(plxStatusFlags(0, 1 << Number(bit))).toEqual(flags);
  });

  it('maps demo/testing/calibration to test-data and questionable; routine bits raise nothing', () => {
    for (const bit of [10, 11, 12]) expect(plxStatusFlags(1 << bit, 0)).toEqual(['test-data']);
    expect(plxStatusFlags(PLX_MEASUREMENT.questionable, 0)).toEqual(['questionable']);
    expect(plxStatusFlags(0x1e0, 0)).toEqual([]);
  });
});
