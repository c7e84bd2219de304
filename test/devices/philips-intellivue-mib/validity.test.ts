import type { DecodeEvent } from '../../../src/devices/driver';
import { philipsIntellivueMib } from '../../../src/devices/philips-intellivue-mib';
import { IntellivueDecoder } from '../../../src/devices/philips-intellivue-mib/decoder';
import { readingsOf } from '../support';
import { nuValue, observation, pollReply } from './literal-frames';

/**
 * Device flags win and impossible values are refused (PROTOCOL.md "Validity"). Every state bit,
 * FLOAT-Type marker and range is pinned by a frame written from the PROTOCOL.md tables.
 */

const DEVICE = 'philips-intellivue-mib@/dev/ttyUSB0';
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
const SPO2_97 = (state: string) => observation(2, nuValue('4B B8', state, '02 20', '00 00 00 61'));
const HR_72 = (state: string) => observation(1, nuValue('41 82', state, '0A A0', '00 00 00 48'));

const summary = (events: readonly DecodeEvent[]) =>
  readingsOf(events).map((r) =>
    r.type === 'status' ? ['status', ...r.flags] : r.type === 'numeric' ? [r.metric, r.value] : [r.type],
  );

describe('IntelliVue MeasurementState: device flags beat numbers', () => {
  it.each([
    ['80 00', 'INVALID', null, []],
    ['20 00', 'UNAVAILABLE', null, []],
    ['10 00', 'CALIBRATION_ONGOING', null, []],
    ['08 00', 'TEST_DATA', null, ['test-data']],
    ['04 00', 'DEMO_DATA', null, ['test-data']],
    ['40 00', 'QUESTIONABLE', 97, ['questionable']],
    ['00 20', 'MSMT_ONGOING', 97, ['measuring']],
    ['00 02', 'IN_ALARM', 97, ['alarm']],
    ['00 80', 'VALIDATED_DATA', 97, []],
    ['00 40', 'EARLY_INDICATION', 97, []],
    ['00 01', 'AL_INHIBITED', 97, []],
  ])('state %s (%s) → value %s, flags %j, the status before the numbers', (state, _name, value, flags) => {
    const events = new IntellivueDecoder(DEVICE).push(pollReply(0, [SPO2_97(state)]), T0);
    const status = flags.length > 0 ? [['status', ...flags]] : [];
    expect(summary(events)).toEqual([...status, ['MDC_PULS_OXIM_SAT_O2', value]]);
  });

  it('a status reading only when the flags change; all clear is said once', () => {
    const decoder = new IntellivueDecoder(DEVICE);
    const poll = (hrState: string, spo2State: string) =>
      summary(decoder.push(pollReply(0, [HR_72(hrState), SPO2_97(spo2State)]), T0));
    expect(poll('00 00', '00 00')).toEqual([
      ['MDC_ECG_HEART_RATE', 72],
      ['MDC_PULS_OXIM_SAT_O2', 97],
    ]);
    // The flags of a poll are the union over its observations, in a fixed order.
    expect(poll('00 02', '40 00')[0]).toEqual(['status', 'alarm', 'questionable']);
    expect(poll('00 02', '40 00')[0]).toEqual(['MDC_ECG_HEART_RATE', 72]);
    expect(poll('00 00', '00 00')[0]).toEqual(['status']);
    expect(poll('00 00', '00 00')[0]).toEqual(['MDC_ECG_HEART_RATE', 72]);
  });

  it('the state of an observation we do not map raises no flag', () => {
    const unmapped = observation(9, nuValue('50 12', '08 00', '0A A0', '00 00 00 03'));
    expect(summary(new IntellivueDecoder(DEVICE).push(pollReply(0, [unmapped, HR_72('00 00')]), T0))).toEqual(
      [['MDC_ECG_HEART_RATE', 72]],
    );
  });

  it.each([
    ['00 7F FF FF', 'NaN'],
    ['00 80 00 00', 'NRes'],
    ['00 7F FF FE', '+INF'],
    ['00 80 00 02', '−INF'],
    ['00 80 00 01', 'reserved'],
  ])('FLOAT-Type %s (%s) is null, never a number', (float) => {
    const reply = pollReply(0, [observation(1, nuValue('41 82', '00 00', '0A A0', float))]);
    expect(summary(new IntellivueDecoder(DEVICE).push(reply, T0))).toEqual([['MDC_ECG_HEART_RATE', null]]);
  });

  it('through the driver, demo data voids the oximetry values too (the reading rules)', () => {
    const decoder = philipsIntellivueMib.createDecoder(DEVICE);
    const events = decoder.push(pollReply(0, [HR_72('04 00'), SPO2_97('00 00')]), T0);
    expect(summary(events)).toEqual([
      ['status', 'test-data'],
      ['MDC_ECG_HEART_RATE', null],
      ['MDC_PULS_OXIM_SAT_O2', null],
    ]);
  });
});

describe('IntelliVue impossible values: dropped and counted as out-of-range', () => {
  it.each([
    ['4B B8', '02 20', '00 00 00 B8', 'MDC_PULS_OXIM_SAT_O2', 184],
    ['41 82', '0A A0', '00 00 FF FF', 'MDC_ECG_HEART_RATE', 65535],
    ['48 22', '0A A0', '00 00 03 60', 'MDC_PULS_OXIM_PULS_RATE', 864],
    ['4A 05', '0F 20', '00 FF FF FF', 'MDC_PRESS_BLD_NONINV_SYS', -1],
    ['4B 48', '17 A0', '81 FF FF FF', 'MDC_TEMP', -1e-127],
    ['50 0A', '0A E0', '00 00 01 F4', 'MDC_RESP_RATE', 500],
  ])('physio %s unit %s FLOAT %s → %s %s refused', (physio, unit, float, metric, value) => {
    const decoder = philipsIntellivueMib.createDecoder(DEVICE);
    const reply = pollReply(0, [observation(3, nuValue(physio, '00 00', unit, float)), HR_72('00 00')]);
    const events = decoder.push(reply, T0);
    expect(events.filter((e) => e.kind === 'value-error')).toMatchObject([
      { code: 'out-of-range', metric, value },
    ]);
    expect(summary(events)).toEqual([['MDC_ECG_HEART_RATE', 72]]);
    expect(decoder.stats).toMatchObject({ frames: 1, dropped: 0, outOfRange: 1 });
  });
});
