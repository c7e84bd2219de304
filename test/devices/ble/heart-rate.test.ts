import { decodeHeartRate, HR_FLAG } from '../../../src/devices/ble/heart-rate';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { ValueWriter } from '../../../src/devices/ble/value-writer';
import { readingSchema } from '../../../src/shared/domain/readings';

const DEVICE = 'ble-heart-rate@Polar H10';
const T = Date.UTC(2026, 10, 25, 17, 0, 0, 250);
const TIME = '2026-11-25T17:00:00.250Z';

describe('Heart Rate Measurement 0x2A37', () => {
  it('16 48 00 04 → contact detected, HR 72, RR 1.000 s (document vector)', () => {
    const result = decodeHeartRate(hexToBytes('16 48 00 04'), T, DEVICE);
    expect(result).toEqual({
      kind: 'decoded',
      fields: { heartRate: 72, contact: true, energyExpendedKj: null, rrIntervalsS: [1] },
      readings: [
        { type: 'status', device: DEVICE, flags: [], time: TIME },
        {
          type: 'numeric',
          device: DEVICE,
          metric: 'MDC_ECG_HEART_RATE',
          value: 72,
          unit: '/min',
          time: TIME,
        },
      ],
    });
  });

  it('every flag combination decodes the fields it announces, and only valid readings', () => {
    for (let flags = 0; flags < 0x20; flags++) {
      const w = new ValueWriter().u8(flags);
      if (flags & HR_FLAG.hrUint16) w.u16(300);
      else w.u8(61);
      if (flags & HR_FLAG.energyExpended) w.u16(1234);
      if (flags & HR_FLAG.rrIntervals) w.u16(512).u16(768);
      const result = decodeHeartRate(w.toBytes(), T, DEVICE);
      if (result.kind !== 'decoded') throw new Error(`flags ${flags}: ${result.detail}`);
      const supported = (flags & HR_FLAG.contactSupported) !== 0;
      const detected = (flags & HR_FLAG.contactDetected) !== 0;
      expect(result.fields).toEqual({
        heartRate: flags & HR_FLAG.hrUint16 ? 300 : 61,
        contact: supported ? detected : null,
        energyExpendedKj: flags & HR_FLAG.energyExpended ? 1234 : null,
        rrIntervalsS: flags & HR_FLAG.rrIntervals ? [0.5, 0.75] : [],
      });
      const numeric = result.readings.find((r) => r.type === 'numeric');
      expect(numeric).toMatchObject({ value: supported && !detected ? null : result.fields.heartRate });
      const status = result.readings.find((r) => r.type === 'status');
      expect(status === undefined ? undefined : status.flags).toEqual(
        supported ? (detected ? [] : ['lead-off']) : undefined,
      );
      for (const r of result.readings) readingSchema.parse(r);
    }
  });

  it('short values and a stray RR byte are malformed frames', () => {
    for (const hex of ['', '00', '01 48', '08 48 00', '10 48 00']) {
      const result = decodeHeartRate(hexToBytes(hex), T, DEVICE);
      expect(result).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    }
    expect(decodeHeartRate(hexToBytes('10 48'), T, DEVICE)).toMatchObject({ kind: 'decoded' });
  });
});
