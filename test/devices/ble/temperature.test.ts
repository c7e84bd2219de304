import { decodeTemperature, TEMPERATURE_FLAG } from '../../../src/devices/ble/temperature';
import { ValueWriter } from '../../../src/devices/ble/value-writer';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';

const DEVICE = 'ble-temperature@TH1';
const T = Date.UTC(2026, 10, 25, 17, 0, 0);

describe('Temperature Measurement 0x2A1C', () => {
  it('04 6E 01 00 FF 06 → 36.6 °C, mouth (document vector)', () => {
    expect(decodeTemperature(hexToBytes('04 6E 01 00 FF 06'), T, DEVICE)).toEqual({
      kind: 'decoded',
      fields: { celsius: 36.6, unit: 'Cel', timestampMs: null, temperatureType: 6, site: 'mouth' },
      readings: [
        {
          type: 'numeric',
          device: DEVICE,
          metric: 'MDC_TEMP_BODY',
          value: 36.6,
          unit: 'Cel',
          time: '2026-11-25T17:00:00.000Z',
        },
      ],
      deviceTimeMs: null,
    });
  });

  it('°F is converted to Cel (0.01 °C); the device timestamp is used', () => {
    const bytes = new ValueWriter().u8(0x03).float(986, -1).dateTime(2026, 11, 25, 9, 15, 0).toBytes();
    const result = decodeTemperature(bytes, T, DEVICE, { utcOffsetMinutes: -300 });
    expect(result).toMatchObject({
      fields: { celsius: 37, unit: '[degF]', temperatureType: undefined },
      readings: [{ value: 37, unit: 'Cel', time: '2026-11-25T14:15:00.000Z' }],
    });
  });

  it.each([0x007fffff, 0x00800000, 0x00800001])(
    'FLOAT NaN, NRes, reserved (raw %i) is a null value, in °C and °F',
    (raw) => {
      for (const flags of [0, TEMPERATURE_FLAG.fahrenheit]) {
        const bytes = new ValueWriter()
          .u8(flags)
          .u16(raw & 0xffff)
          .u16(raw >>> 16)
          .toBytes();
        const result = decodeTemperature(bytes, T, DEVICE);
        expect(result).toMatchObject({ fields: { celsius: null }, readings: [{ value: null }] });
      }
    },
  );

  it('every flag combination needs exactly its fields; reserved types have no site', () => {
    for (let flags = 0; flags < 8; flags++) {
      const w = new ValueWriter().u8(flags).float(370, -1);
      if (flags & TEMPERATURE_FLAG.timestamp) w.dateTime(2026, 1, 1, 0, 0, 0);
      if (flags & TEMPERATURE_FLAG.temperatureType) w.u8(42);
      const bytes = w.toBytes();
      expect(decodeTemperature(bytes.subarray(0, bytes.length - 1), T, DEVICE)).toMatchObject({
        kind: 'frame-error',
        code: 'malformed',
      });
      const result = decodeTemperature(bytes, T, DEVICE);
      if (result.kind !== 'decoded') throw new Error(result.detail);
      expect(result.fields.temperatureType).toBe(flags & 4 ? 42 : undefined);
      expect(result.fields.site).toBeUndefined();
      for (const r of result.readings) readingSchema.parse(r);
    }
  });
});
