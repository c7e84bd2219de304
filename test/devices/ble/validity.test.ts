import { BLE_CHARACTERISTIC } from '../../../src/devices/ble/uuids';
import { BLE_PROFILES } from '../../../src/devices/ble/profiles';
import { MeasurementMemory } from '../../../src/devices/ble/measurement-memory';
import type { DecodeEvent, Decoder } from '../../../src/devices/driver';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';

/**
 * The reading rules on the BLE decoders as the station runs them (profile.createDecoder: decoder +
 * guard), fed with characteristic values written byte by byte from the SIG field tables
 * (device-protocols §9, little-endian): the impossible values seen in issue 11, the IEEE 11073
 * special values, unit conversion before the range check, and the spot check of an unset clock.
 */
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
const ARRIVAL = '2026-12-05T10:00:00.000Z';

function decoderFor(characteristic: string, memory = new MeasurementMemory()): Decoder {
  const profile = BLE_PROFILES.find((p) => p.characteristic === characteristic);
  if (!profile) throw new Error(characteristic);
  return profile.createDecoder(`${profile.protocol}@test`, { measurementMemory: memory });
}

/** Each event in one line: `metric=value@time`, `status [flags]`, `out-of-range metric value`… */
function summary(events: readonly DecodeEvent[]): string[] {
  return events.map((e) => {
    switch (e.kind) {
      case 'reading':
        readingSchema.parse(e.reading);
        return e.reading.type === 'numeric'
          ? `${e.reading.metric}=${e.reading.value}@${e.reading.time}`
          : e.reading.type === 'status'
            ? `status [${e.reading.flags.join(',')}]`
            : 'waveform';
      case 'value-error':
        return `${e.code} ${e.metric} ${e.value}`;
      case 'frame-error':
        return `frame-error ${e.code}`;
      case 'device-info':
        return `${e.key} ${e.value}`;
    }
  });
}

const push = (decoder: Decoder, hex: string, atMs = T0) => summary(decoder.push(hexToBytes(hex), atMs));

describe('impossible values from the BLE decoders are dropped and counted (issue 11)', () => {
  it('SpO2 184 % (SFLOAT 0x00B8) from a continuous oximeter and from a spot check', () => {
    for (const characteristic of [
      BLE_CHARACTERISTIC.plxContinuousMeasurement,
      BLE_CHARACTERISTIC.plxSpotCheckMeasurement,
    ]) {
      const decoder = decoderFor(characteristic);
      // flags 00 | SpO2 B8 00 = 184 | PR 48 00 = 72
      expect(push(decoder, '00 B8 00 48 00')).toEqual([
        'status []',
        'out-of-range MDC_PULS_OXIM_SAT_O2 184',
        `MDC_PULS_OXIM_PULS_RATE=72@${ARRIVAL}`,
      ]);
      expect(decoder.stats).toMatchObject({ frames: 1, dropped: 0, outOfRange: 1 });
    }
  });

  it('systolic −1 mmHg (SFLOAT 0x0FFF: exponent 0, mantissa −1)', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.bloodPressureMeasurement);
    // flags 00 (mmHg) | SYS FF 0F = −1 | DIA 50 00 = 80 | MAP 5F 00 = 95
    expect(push(decoder, '00 FF 0F 50 00 5F 00')).toEqual([
      'status []',
      'out-of-range MDC_PRESS_BLD_NONINV_SYS -1',
      `MDC_PRESS_BLD_NONINV_DIA=80@${ARRIVAL}`,
      `MDC_PRESS_BLD_NONINV_MEAN=95@${ARRIVAL}`,
    ]);
    expect(decoder.stats.outOfRange).toBe(1);
  });

  it('heart rate 65535 (flags 01: u16 HR FF FF)', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.heartRateMeasurement);
    expect(push(decoder, '01 FF FF')).toEqual(['out-of-range MDC_ECG_HEART_RATE 65535']);
    // The metric table's bound (350 /min) is inclusive: 5E 01 = 350 is kept, 5F 01 = 351 is not.
    expect(push(decoder, '01 5E 01', T0 + 1000)).toEqual(['MDC_ECG_HEART_RATE=350@2026-12-05T10:00:01.000Z']);
    expect(push(decoder, '01 5F 01', T0 + 2000)).toEqual(['out-of-range MDC_ECG_HEART_RATE 351']);
    expect(decoder.stats).toMatchObject({ frames: 3, outOfRange: 2 });
  });

  it('−1e127 °C (FLOAT FF FF FF 7F: exponent 127, mantissa −1)', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.temperatureMeasurement);
    expect(push(decoder, '00 FF FF FF 7F')).toEqual(['out-of-range MDC_TEMP_BODY -1e+127']);
    expect(decoder.stats.outOfRange).toBe(1);
  });
});

describe('IEEE 11073 special values (HL7/phd FLOATS.md table)', () => {
  it('SFLOAT NaN FF 07, NRes 00 08, reserved 01 08: the value is null', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.bloodPressureMeasurement);
    expect(push(decoder, '00 FF 07 00 08 01 08')).toEqual([
      'status []',
      `MDC_PRESS_BLD_NONINV_SYS=null@${ARRIVAL}`,
      `MDC_PRESS_BLD_NONINV_DIA=null@${ARRIVAL}`,
      `MDC_PRESS_BLD_NONINV_MEAN=null@${ARRIVAL}`,
    ]);
    expect(decoder.stats.outOfRange).toBe(0);
  });

  it('SFLOAT +INF FE 07 and −INF 02 08: beyond the device range, dropped as out of range', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.plxContinuousMeasurement);
    expect(push(decoder, '00 FE 07 02 08')).toEqual([
      'status []',
      'out-of-range MDC_PULS_OXIM_SAT_O2 Infinity',
      'out-of-range MDC_PULS_OXIM_PULS_RATE -Infinity',
    ]);
    expect(decoder.stats.outOfRange).toBe(2);
  });

  it('FLOAT NaN FF FF 7F 00, NRes 00 00 80 00, reserved 01 00 80 00 → null; ±INF → dropped', () => {
    const memory = new MeasurementMemory();
    const decoder = decoderFor(BLE_CHARACTERISTIC.temperatureMeasurement, memory);
    const at = (i: number) => T0 + i * 60_000;
    expect(push(decoder, '00 FF FF 7F 00', at(0))).toEqual([`MDC_TEMP_BODY=null@${ARRIVAL}`]);
    expect(push(decoder, '00 00 00 80 00', at(1))).toEqual(['MDC_TEMP_BODY=null@2026-12-05T10:01:00.000Z']);
    expect(push(decoder, '00 01 00 80 00', at(2))).toEqual(['MDC_TEMP_BODY=null@2026-12-05T10:02:00.000Z']);
    expect(push(decoder, '00 FE FF 7F 00', at(3))).toEqual(['out-of-range MDC_TEMP_BODY Infinity']);
    expect(push(decoder, '01 02 00 80 00', at(4))).toEqual(['out-of-range MDC_TEMP_BODY -Infinity']);
    expect(decoder.stats.outOfRange).toBe(2);
  });
});

describe('units are converted before the range check', () => {
  it('kPa: 45.0 kPa (C2 F1) is 337.5 mmHg, out of range; 16.1 kPa (A1 F0) is 120.8 mmHg', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.bloodPressureMeasurement);
    // flags 01 (kPa) | SYS 450·10⁻¹ | DIA 107·10⁻¹ (6B F0) | MAP 127·10⁻¹ (7F F0)
    expect(push(decoder, '01 C2 F1 6B F0 7F F0')).toEqual([
      'status []',
      'out-of-range MDC_PRESS_BLD_NONINV_SYS 337.5',
      `MDC_PRESS_BLD_NONINV_DIA=80.3@${ARRIVAL}`,
      `MDC_PRESS_BLD_NONINV_MEAN=95.3@${ARRIVAL}`,
    ]);
    expect(push(decoder, '01 A1 F0 6B F0 7F F0', T0 + 60_000)).toContain(
      'MDC_PRESS_BLD_NONINV_SYS=120.8@2026-12-05T10:01:00.000Z',
    );
  });

  it('°F: 98.6 °F (DA 03 00 FF) is 37 °C; 36.6 °F is 2.56 °C, out of range; 98.6 °C is out of range', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.temperatureMeasurement);
    expect(push(decoder, '01 DA 03 00 FF')).toEqual([`MDC_TEMP_BODY=37@${ARRIVAL}`]);
    expect(push(decoder, '01 6E 01 00 FF', T0 + 1)).toEqual(['out-of-range MDC_TEMP_BODY 2.56']);
    expect(push(decoder, '00 DA 03 00 FF', T0 + 2)).toEqual(['out-of-range MDC_TEMP_BODY 98.6']);
  });
});

describe('PLX spot check whose device clock is not set (flag bit 4)', () => {
  // flags 11 = timestamp present + clock not set | SpO2 61 00 = 97 | PR 48 00 = 72 | Date Time
  it.each([
    ['2000-01-01 00:00:00, an unset clock counting from its reset', 'D0 07 01 01 00 00 00'],
    ['an impossible date (year 65535, month 255…)', 'FF FF FF FF FF FF FF'],
    ['all zero ("not known")', '00 00 00 00 00 00 00'],
  ])('is kept at its arrival time: %s', (_name, dateTime) => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.plxSpotCheckMeasurement);
    expect(push(decoder, `11 61 00 48 00 ${dateTime}`)).toEqual([
      'status []',
      `MDC_PULS_OXIM_SAT_O2=97@${ARRIVAL}`,
      `MDC_PULS_OXIM_PULS_RATE=72@${ARRIVAL}`,
    ]);
    expect(decoder.stats).toMatchObject({ frames: 1, dropped: 0 });
  });

  it('with the clock set, an impossible date drops the value; a real one stamps it', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.plxSpotCheckMeasurement);
    expect(push(decoder, '01 61 00 48 00 FF FF FF FF FF FF FF')).toEqual(['frame-error out-of-range']);
    expect(push(decoder, '01 61 00 48 00 EA 07 0C 05 09 1E 00')).toEqual([
      'status []',
      'MDC_PULS_OXIM_SAT_O2=97@2026-12-05T09:30:00.000Z',
      'MDC_PULS_OXIM_PULS_RATE=72@2026-12-05T09:30:00.000Z',
    ]);
  });

  it('the spot check status comes first, so a malfunction voids its own values (Spezi vector)', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.plxSpotCheckMeasurement);
    const time = '2024-11-29T23:08:57.000Z';
    expect(push(decoder, '0F AC F3 BE F5 E8 07 0B 1D 17 08 39 20 40 22 00 00 66 E3')).toEqual([
      'status [low-perfusion,device-malfunction,questionable]',
      `MDC_PULS_OXIM_SAT_O2=null@${time}`,
      `MDC_PULS_OXIM_PULS_RATE=null@${time}`,
      `MDC_PULS_OXIM_PERF_REL=null@${time}`,
    ]);
  });
});

describe('an episodic measurement re-sent by the device yields nothing new', () => {
  // flags 06 = timestamp + pulse | 121/80/95 | 2026-11-22 08:39:00 | PR 72
  const BP = '06 79 00 50 00 5F 00 EA 07 0B 16 08 27 00 48 00';
  const TIME = '2026-11-22T08:39:00.000Z';

  it('a blood pressure result: the same stored value again, on the same or a new connection', () => {
    const memory = new MeasurementMemory();
    const first = decoderFor(BLE_CHARACTERISTIC.bloodPressureMeasurement, memory);
    expect(push(first, BP)).toEqual([
      'status []',
      `MDC_PRESS_BLD_NONINV_SYS=121@${TIME}`,
      `MDC_PRESS_BLD_NONINV_DIA=80@${TIME}`,
      `MDC_PRESS_BLD_NONINV_MEAN=95@${TIME}`,
      `MDC_PULS_RATE_NON_INV=72@${TIME}`,
    ]);
    expect(push(first, BP, T0 + 5000)).toEqual([`duplicate-measurement ${TIME}`]);
    first.reset();
    expect(push(first, BP, T0 + 6000)).toEqual([`duplicate-measurement ${TIME}`]);
    // A reconnect makes a new decoder; the cuff indicates its memory again.
    const second = decoderFor(BLE_CHARACTERISTIC.bloodPressureMeasurement, memory);
    expect(push(second, BP, T0 + 60_000)).toEqual([`duplicate-measurement ${TIME}`]);
    // A later measurement (08:45) is new.
    expect(push(second, BP.replace('08 27 00', '08 2D 00'), T0 + 61_000)).toHaveLength(5);
    expect(first.stats).toMatchObject({ frames: 3, dropped: 0 });
  });

  it('a thermometer reading with its device time', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.temperatureMeasurement);
    // flags 02 = timestamp | 36.6 °C | 2026-11-25 17:00:00
    const value = '02 6E 01 00 FF EA 07 0B 19 11 00 00';
    expect(push(decoder, value)).toEqual(['MDC_TEMP_BODY=36.6@2026-11-25T17:00:00.000Z']);
    expect(push(decoder, value, T0 + 1000)).toEqual(['duplicate-measurement 2026-11-25T17:00:00.000Z']);
  });

  it('values without a known device time are each a new measurement, at their arrival', () => {
    const decoder = decoderFor(BLE_CHARACTERISTIC.temperatureMeasurement);
    expect(push(decoder, '00 6E 01 00 FF')).toEqual([`MDC_TEMP_BODY=36.6@${ARRIVAL}`]);
    expect(push(decoder, '00 6E 01 00 FF', T0 + 60_000)).toEqual([
      'MDC_TEMP_BODY=36.6@2026-12-05T10:01:00.000Z',
    ]);
    // Date Time year 0 = "not known": the arrival time, and no memory of it.
    const unknown = '02 6E 01 00 FF 00 00 0B 19 11 00 00';
    expect(push(decoder, unknown, T0 + 120_000)).toEqual(['MDC_TEMP_BODY=36.6@2026-12-05T10:02:00.000Z']);
    expect(push(decoder, unknown, T0 + 180_000)).toEqual(['MDC_TEMP_BODY=36.6@2026-12-05T10:03:00.000Z']);
  });
});
