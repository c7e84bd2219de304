import { DeviceActivity } from '../../../src/renderer/consultant/device-activity';
import { doctorDeviceState } from '../../../src/renderer/consultant/doctor-device-state';

/**
 * Each device's state on the doctor's page, from the station's session state, the readings' flags
 * and the age of its data on an injected monotonic clock (never the wall clock).
 */
const STALE = 10_000;
const base = { flags: [], dataAgeMs: 1000, staleAfterMs: STALE } as const;

describe('doctorDeviceState', () => {
  it('streaming while data keeps arriving', () => {
    expect(doctorDeviceState(base)).toBe('streaming');
    expect(doctorDeviceState({ ...base, stationState: 'streaming' })).toBe('streaming');
  });

  it('stale once no data came for longer than the bound, or when the station says no data', () => {
    expect(doctorDeviceState({ ...base, dataAgeMs: STALE })).toBe('streaming');
    expect(doctorDeviceState({ ...base, dataAgeMs: STALE + 1 })).toBe('stale');
    expect(doctorDeviceState({ ...base, stationState: 'no-data' })).toBe('stale');
    expect(doctorDeviceState({ ...base, dataAgeMs: null, stationState: 'no-data' })).toBe('stale');
  });

  it('searching before any data, or while the device looks for a pulse', () => {
    expect(doctorDeviceState({ ...base, dataAgeMs: null })).toBe('searching');
    expect(doctorDeviceState({ ...base, dataAgeMs: null, stationState: 'connecting' })).toBe('searching');
    for (const flag of ['searching', 'searching-too-long', 'pulse-lost', 'out-of-track'] as const)
      expect(doctorDeviceState({ ...base, flags: [flag] })).toBe('searching');
  });

  it('probe off before searching, disconnected before everything', () => {
    for (const flag of ['probe-off', 'sensor-disconnected', 'lead-off', 'probe-error'] as const)
      expect(doctorDeviceState({ ...base, flags: ['searching', flag] })).toBe('probe-off');
    for (const stationState of ['disconnected', 'error'] as const)
      expect(doctorDeviceState({ ...base, flags: ['probe-off'], stationState })).toBe('disconnected');
  });

  it('flags that say nothing of the signal leave it streaming', () => {
    expect(doctorDeviceState({ ...base, flags: ['pulse-beep', 'low-battery'] })).toBe('streaming');
  });
});

describe('DeviceActivity', () => {
  const device = 'contec-cms50-v7@/dev/ttyUSB0';
  const time = '2020-01-01T00:00:00.000Z'; // the readings' own times play no part

  it('ages from the last arrival of data on its clock: values and samples count, statuses and nulls do not', () => {
    let now = 5000;
    const activity = new DeviceActivity(() => now);
    expect(activity.dataAgeMs(device)).toBeNull();
    activity.ingest([
      { type: 'status', device, flags: ['searching'], time },
      { type: 'numeric', device, metric: 'MDC_PULS_OXIM_SAT_O2', value: null, unit: '%', time },
      {
        type: 'waveform',
        device,
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: time,
        samples: [],
      },
    ]);
    expect(activity.dataAgeMs(device)).toBeNull();
    activity.ingest([
      {
        type: 'waveform',
        device,
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: time,
        samples: [1],
      },
    ]);
    now = 7500;
    expect(activity.dataAgeMs(device)).toBe(2500);
    activity.ingest([
      { type: 'numeric', device, metric: 'MDC_PULS_OXIM_SAT_O2', value: 97, unit: '%', time },
    ]);
    now = 8000;
    expect(activity.dataAgeMs(device)).toBe(500);
    expect(activity.dataAgeMs('another@device')).toBeNull();
  });
});
