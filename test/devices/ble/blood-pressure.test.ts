import {
  BP_FLAG,
  bpStatusFlags,
  decodeBloodPressure,
  decodeIntermediateCuffPressure,
} from '../../../src/devices/ble/blood-pressure';
import { ValueWriter } from '../../../src/devices/ble/value-writer';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema, type Reading } from '../../../src/shared/domain/readings';

const DEVICE = 'ble-blood-pressure@BP7000';
const T = Date.UTC(2026, 10, 25, 17, 0, 0);
const TIME = '2026-11-25T17:00:00.000Z';

const numeric = (metric: string, value: number | null, unit: string, time = TIME): Reading =>
  ({ type: 'numeric', device: DEVICE, metric, value, unit, time }) as Reading;

describe('Blood Pressure Measurement 0x2A35', () => {
  it('04 79 00 50 00 5F 00 48 00 → mmHg 121/80, MAP 95, PR 72 (document vector)', () => {
    const result = decodeBloodPressure(hexToBytes('04 79 00 50 00 5F 00 48 00'), T, DEVICE);
    if (result.kind !== 'decoded') throw new Error(result.detail);
    expect(result.readings).toEqual([
      { type: 'status', device: DEVICE, flags: [], time: TIME },
      numeric('MDC_PRESS_BLD_NONINV_SYS', 121, 'mm[Hg]'),
      numeric('MDC_PRESS_BLD_NONINV_DIA', 80, 'mm[Hg]'),
      numeric('MDC_PRESS_BLD_NONINV_MEAN', 95, 'mm[Hg]'),
      numeric('MDC_PULS_RATE_NON_INV', 72, '/min'),
    ]);
    expect(result.fields).toMatchObject({ unit: 'mmHg', userId: undefined, measurementStatus: undefined });
  });

  it('kPa values are converted to mmHg (0.1 mmHg), with timestamp, user id and status', () => {
    const bytes = new ValueWriter()
      .u8(0x1f)
      .sfloat(161, -1) // 16.1 kPa
      .sfloat(107, -1) // 10.7 kPa
      .sfloat(127, -1)
      .dateTime(2026, 11, 24, 8, 30, 0)
      .sfloat(66)
      .u8(2)
      .u16(0b10_1101) // movement, irregular pulse, PR above range, improper position
      .toBytes();
    const result = decodeBloodPressure(bytes, T, DEVICE, { utcOffsetMinutes: 60 });
    if (result.kind !== 'decoded') throw new Error(result.detail);
    const stamped = '2026-11-24T07:30:00.000Z';
    expect(result.readings).toEqual([
      {
        type: 'status',
        device: DEVICE,
        flags: ['body-movement', 'irregular-pulse', 'pulse-out-of-range', 'improper-position'],
        time: stamped,
      },
      numeric('MDC_PRESS_BLD_NONINV_SYS', 120.8, 'mm[Hg]', stamped),
      numeric('MDC_PRESS_BLD_NONINV_DIA', 80.3, 'mm[Hg]', stamped),
      numeric('MDC_PRESS_BLD_NONINV_MEAN', 95.3, 'mm[Hg]', stamped),
      numeric('MDC_PULS_RATE_NON_INV', 66, '/min', stamped),
    ]);
    expect(result.fields).toMatchObject({ unit: 'kPa', userId: 2, measurementStatus: 0b10_1101 });
  });

  it('maps each measurement-status bit; PR range 3 (reserved) raises nothing', () => {
    expect(bpStatusFlags(0x01)).toEqual(['body-movement']);
    expect(bpStatusFlags(0x02)).toEqual(['cuff-loose']);
    expect(bpStatusFlags(0x04)).toEqual(['irregular-pulse']);
    expect(bpStatusFlags(0x08)).toEqual(['pulse-out-of-range']);
    expect(bpStatusFlags(0x10)).toEqual(['pulse-out-of-range']);
    expect(bpStatusFlags(0x18)).toEqual([]);
    expect(bpStatusFlags(0x20)).toEqual(['improper-position']);
  });

  it('every flag combination needs exactly its fields; NaN/NRes become null, +INF Infinity; user 255 is unknown', () => {
    for (let flags = 0; flags < 0x20; flags++) {
      const w = new ValueWriter().u8(flags).sfloat(0x7ff).sfloat(80).sfloat(0x7fe);
      if (flags & BP_FLAG.timestamp) w.dateTime(0, 0, 0, 0, 0, 0); // unknown: arrival time is used
      if (flags & BP_FLAG.pulseRate) w.sfloat(0x800);
      if (flags & BP_FLAG.userId) w.u8(255);
      if (flags & BP_FLAG.measurementStatus) w.u16(0x02);
      const bytes = w.toBytes();
      expect(decodeBloodPressure(bytes.subarray(0, bytes.length - 1), T, DEVICE)).toMatchObject({
        kind: 'frame-error',
        code: 'malformed',
      });
      const result = decodeBloodPressure(bytes, T, DEVICE);
      if (result.kind !== 'decoded') throw new Error(result.detail);
      const values = result.readings.flatMap((r) => (r.type === 'numeric' ? [r.value] : []));
      const diastolic = flags & BP_FLAG.unitsKpa ? 600 : 80; // 80 kPa = 600.05 mmHg
      const infinity = Number.POSITIVE_INFINITY;
      expect(values).toEqual([null, diastolic, infinity, ...(flags & BP_FLAG.pulseRate ? [null] : [])]);
      expect(result.fields.userId).toBe(flags & BP_FLAG.userId ? null : undefined);
      expect(result.readings[0]).toMatchObject({
        flags: flags & BP_FLAG.measurementStatus ? ['cuff-loose'] : [],
        time: TIME,
      });
      // +INF reaches the reading rules as Infinity (dropped there); everything else is contract-valid.
      for (const r of result.readings)
        if (!(r.type === 'numeric' && r.value === infinity)) readingSchema.parse(r);
    }
  });

  it('an impossible timestamp drops the value', () => {
    const bytes = new ValueWriter().u8(0x02).sfloat(120).sfloat(80).sfloat(93).dateTime(2026, 2, 30, 0, 0, 0);
    expect(decodeBloodPressure(bytes.toBytes(), T, DEVICE)).toMatchObject({ code: 'out-of-range' });
  });
});

describe('Intermediate Cuff Pressure 0x2A36', () => {
  it('is a measuring status at the arrival time; the pressure stays a decoded field', () => {
    const bytes = new ValueWriter().u8(0x11).sfloat(200, -1).sfloat(0x7ff).sfloat(0x7ff).u16(0x01);
    const result = decodeIntermediateCuffPressure(bytes.toBytes(), T, DEVICE);
    expect(result).toMatchObject({
      kind: 'decoded',
      fields: { cuffPressureMmHg: 150 },
      readings: [{ type: 'status', device: DEVICE, flags: ['measuring', 'body-movement'], time: TIME }],
    });
  });
});
