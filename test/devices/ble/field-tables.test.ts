import { decodeBloodPressure } from '../../../src/devices/ble/blood-pressure';
import { decodeHeartRate } from '../../../src/devices/ble/heart-rate';
import { decodePlxContinuous } from '../../../src/devices/ble/plx-continuous';
import { decodePlxSpotCheck } from '../../../src/devices/ble/plx-spot';
import { decodeTemperature } from '../../../src/devices/ble/temperature';
import { hexToBytes } from '../../../src/devices/framing/hex';
import type { Reading } from '../../../src/shared/domain/readings';

/**
 * Every flag bit, status bit and invalid marker of the five characteristics, pinned by values
 * written byte by byte from the SIG field tables (oesmith/gatt-xml@4fd2ede1, device-protocols §9),
 * never through our ValueWriter or the decoders' own constants: a wrong bit in the source fails here.
 */
const T = Date.UTC(2026, 11, 5, 10, 0, 0);
const ARRIVAL = '2026-12-05T10:00:00.000Z';

const numerics = (readings: Reading[]) =>
  Object.fromEntries(readings.flatMap((r) => (r.type === 'numeric' ? [[r.metric, r.value]] : [])));
const timeOf = (r: Reading) => (r.type === 'waveform' ? r.start : r.time);
const flags = (readings: Reading[]) => readings.find((r) => r.type === 'status')?.flags;

function decoded<F>(result: { kind: string } & ({ fields: F; readings: Reading[] } | { detail: string })) {
  if (!('fields' in result)) throw new Error(result.detail);
  return result;
}

describe('Heart Rate Measurement 0x2A37 flags', () => {
  const hr = (hex: string) => decoded(decodeHeartRate(hexToBytes(hex), T, 'hr'));
  it.each([
    ['00 48', { heartRate: 72, contact: null, energyExpendedKj: null, rrIntervalsS: [] }, undefined],
    ['01 48 01', { heartRate: 328 }, undefined], // bit 0: HR is u16
    ['02 48', { contact: null }, undefined], // bit 1 alone: "not supported" (bits 1-2 = 1)
    ['04 48', { contact: false }, ['lead-off']], // bit 2: supported, not detected
    ['06 48', { contact: true }, []], // bits 1+2: detected
    ['08 48 D2 04', { energyExpendedKj: 1234 }, undefined], // bit 3: EE u16 kJ
    ['10 48 00 04 00 02', { rrIntervalsS: [1, 0.5] }, undefined], // bit 4: RR in 1/1024 s
  ])('%s', (hex, fields, status) => {
    const result = hr(hex);
    expect(result.fields).toMatchObject(fields);
    expect(flags(result.readings)).toEqual(status);
  });
  it('04 48: contact supported but not detected makes the rate null', () => {
    expect(numerics(hr('04 48').readings)).toEqual({ MDC_ECG_HEART_RATE: null });
  });
});

describe('Blood Pressure Measurement 0x2A35 flags and status bits', () => {
  const bp = (hex: string) => decoded(decodeBloodPressure(hexToBytes(hex), T, 'bp'));
  const BODY = '79 00 50 00 5F 00'; // 121 / 80 / 95

  it('00: mmHg, no optional field', () => {
    expect(bp(`00 ${BODY}`).fields).toMatchObject({
      unit: 'mmHg',
      timestampMs: null,
      pulseRate: undefined,
      userId: undefined,
      measurementStatus: undefined,
    });
  });
  it('01: kPa (×760/101.325, to 0.1 mmHg)', () => {
    expect(bp(`01 ${BODY}`).fields).toMatchObject({ unit: 'kPa', systolicMmHg: 907.6, diastolicMmHg: 600 });
  });
  it('02: Date Time follows MAP; a zero year, month or day means "not known" (arrival time)', () => {
    expect(bp(`02 ${BODY} EA 07 0B 16 08 27 00`).fields.timestampMs).toBe(Date.UTC(2026, 10, 22, 8, 39));
    for (const unknown of ['00 00 0B 16 08 27 00', 'EA 07 00 16 08 27 00', 'EA 07 0B 00 08 27 00']) {
      const result = bp(`02 ${BODY} ${unknown}`);
      expect(result.fields.timestampMs).toBeNull();
      expect(timeOf(result.readings[0])).toBe(ARRIVAL);
    }
  });
  it('04: pulse rate SFLOAT; 08: user id, FF = unknown user', () => {
    expect(numerics(bp(`04 ${BODY} 48 00`).readings)).toMatchObject({ MDC_PULS_RATE_NON_INV: 72 });
    expect(bp(`08 ${BODY} 02`).fields.userId).toBe(2);
    expect(bp(`08 ${BODY} FF`).fields.userId).toBeNull();
  });
  it.each([
    ['01 00', ['body-movement']],
    ['02 00', ['cuff-loose']],
    ['04 00', ['irregular-pulse']],
    ['08 00', ['pulse-out-of-range']], // bits 3-4 = 1: above the upper limit
    ['10 00', ['pulse-out-of-range']], // bits 3-4 = 2: below the lower limit
    ['18 00', []], // bits 3-4 = 3: reserved
    ['20 00', ['improper-position']],
    ['C0 FF', []], // bits 6-15: reserved
  ])('10: measurement status %s', (status, expected) => {
    expect(flags(bp(`10 ${BODY} ${status}`).readings)).toEqual(expected);
  });
});

describe('PLX measurement status (u16) and device & sensor status (u24) bits', () => {
  const continuous = (hex: string) => decoded(decodePlxContinuous(hexToBytes(hex), T, 'plx'));
  const BODY = '61 00 48 00'; // SpO2 97, PR 72

  it('measurement status bit 13 (00 20, unavailable) and bit 15 (00 80, invalid) null SpO2 and PR', () => {
    for (const status of ['00 20', '00 80']) {
      expect(numerics(continuous(`04 ${BODY} ${status}`).readings)).toEqual({
        MDC_PULS_OXIM_SAT_O2: null,
        MDC_PULS_OXIM_PULS_RATE: null,
      });
    }
    // Bit 14 (00 40, questionable) keeps the values and says so.
    const questionable = continuous(`04 ${BODY} 00 40`).readings;
    expect(numerics(questionable)).toEqual({ MDC_PULS_OXIM_SAT_O2: 97, MDC_PULS_OXIM_PULS_RATE: 72 });
    expect(flags(questionable)).toEqual(['questionable']);
  });

  it.each([
    ['20 00', []], // 5 ongoing
    ['40 00', []], // 6 early estimate
    ['80 00', []], // 7 validated
    ['00 01', []], // 8 fully qualified
    ['00 02', []], // 9 from storage
    ['00 04', ['test-data']], // 10 demonstration
    ['00 08', ['test-data']], // 11 testing
    ['00 10', ['test-data']], // 12 calibration
  ])('measurement status %s', (status, expected) => {
    expect(flags(continuous(`04 ${BODY} ${status}`).readings)).toEqual(expected);
  });

  it.each([
    ['01 00 00', []], // 0 extended display update
    ['02 00 00', ['device-malfunction']],
    ['04 00 00', ['artifact']], // 2 signal processing irregularity
    ['08 00 00', ['low-signal-quality']], // 3 inadequate signal
    ['10 00 00', ['low-signal-quality']], // 4 poor signal
    ['20 00 00', ['low-perfusion']],
    ['40 00 00', ['artifact']], // 6 erratic
    ['80 00 00', ['artifact']], // 7 non-pulsatile
    ['00 01 00', ['artifact']], // 8 questionable pulse
    ['00 02 00', ['searching']], // 9 signal analysis ongoing
    ['00 04 00', ['artifact']], // 10 sensor interference
    ['00 08 00', ['sensor-disconnected']], // 11 unconnected to user
    ['00 10 00', ['probe-error']], // 12 unknown sensor
    ['00 20 00', ['probe-off']], // 13 displaced
    ['00 40 00', ['probe-error']], // 14 malfunctioning
    ['00 80 00', ['sensor-disconnected']], // 15 disconnected
    ['00 00 FF', []], // 16-23 reserved
  ])('device & sensor status %s', (status, expected) => {
    expect(flags(continuous(`08 ${BODY} ${status}`).readings)).toEqual(expected);
  });

  it('continuous flags: 01 fast pair, 02 slow pair, 10 PAI, in that order after the normal pair', () => {
    const result = continuous(`13 ${BODY} 60 00 49 00 5F 00 47 00 57 F0`);
    expect(result.fields).toMatchObject({
      fast: { spo2: 96, pulseRate: 73 },
      slow: { spo2: 95, pulseRate: 71 },
      pulseAmplitudeIndex: 8.7,
    });
  });

  it('spot-check flags: 01 timestamp, 02 measurement status, 04 device status, 08 PAI, 10 clock not set', () => {
    const spot = (hex: string) => decoded(decodePlxSpotCheck(hexToBytes(hex), T, 'spot'));
    const all = spot(`0F ${BODY} EA 07 0C 05 09 1E 00 00 04 20 00 00 57 F0`);
    expect(all.fields).toMatchObject({
      timestampMs: Date.UTC(2026, 11, 5, 9, 30),
      measurementStatus: 0x0400,
      deviceStatus: 0x20,
      pulseAmplitudeIndex: 8.7,
    });
    expect(flags(all.readings)).toEqual(['low-perfusion', 'test-data']);
    const unset = spot(`1F ${BODY} EA 07 0C 05 09 1E 00 00 04 20 00 00 57 F0`);
    expect(unset.fields.timestampMs).toBeNull();
    expect(unset.readings.every((r) => timeOf(r) === ARRIVAL)).toBe(true);
  });
});

describe('Temperature Measurement 0x2A1C flags', () => {
  const temp = (hex: string) => decoded(decodeTemperature(hexToBytes(hex), T, 'th'));
  it('00 °C; 01 °F; 02 timestamp; 04 temperature type (1 armpit … 9 tympanum, others reserved)', () => {
    expect(temp('00 6E 01 00 FF').fields).toMatchObject({ celsius: 36.6, unit: 'Cel' });
    expect(temp('01 DA 03 00 FF').fields).toMatchObject({ celsius: 37, unit: '[degF]' });
    expect(temp('02 6E 01 00 FF EA 07 0B 19 11 00 00').fields.timestampMs).toBe(Date.UTC(2026, 10, 25, 17));
    expect(temp('04 6E 01 00 FF 01').fields.site).toBe('armpit');
    expect(temp('04 6E 01 00 FF 09').fields.site).toBe('tympanum');
    expect(temp('04 6E 01 00 FF 0A').fields.site).toBeUndefined();
  });
});
