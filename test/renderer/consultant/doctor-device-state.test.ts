import { DeviceActivity } from '../../../src/renderer/consultant/device-activity';
import { doctorDeviceState } from '../../../src/renderer/consultant/doctor-device-state';

/**
 * Each device's state on the doctor's page, from the station's session state, the readings' flags
 * and their age on an injected clock (never the wall clock).
 */
const NOW = Date.parse('2026-03-01T10:00:00.000Z');
const STALE = 10_000;
const base = { flags: [], lastDataMs: NOW - 1000, nowMs: NOW, staleAfterMs: STALE } as const;

describe('doctorDeviceState', () => {
  it('streaming while data is fresh', () => {
    expect(doctorDeviceState(base)).toBe('streaming');
    expect(doctorDeviceState({ ...base, stationState: 'streaming' })).toBe('streaming');
  });

  it('stale once the newest data is older than the bound, or when the station says no data', () => {
    expect(doctorDeviceState({ ...base, lastDataMs: NOW - STALE })).toBe('streaming');
    expect(doctorDeviceState({ ...base, lastDataMs: NOW - STALE - 1 })).toBe('stale');
    expect(doctorDeviceState({ ...base, stationState: 'no-data' })).toBe('stale');
    expect(doctorDeviceState({ ...base, lastDataMs: null, stationState: 'no-data' })).toBe('stale');
  });

  it('searching before any data, or while the device looks for a pulse', () => {
    expect(doctorDeviceState({ ...base, lastDataMs: null })).toBe('searching');
    expect(doctorDeviceState({ ...base, lastDataMs: null, stationState: 'connecting' })).toBe('searching');
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

  it('keeps the newest data time per device: numerics with a value and the end of a waveform batch', () => {
    const activity = new DeviceActivity();
    expect(activity.lastDataMs(device)).toBeNull();
    activity.ingest([
      { type: 'status', device, flags: ['searching'], time: '2026-03-01T10:00:09.000Z' },
      {
        type: 'numeric',
        device,
        metric: 'MDC_PULS_OXIM_SAT_O2',
        value: null,
        unit: '%',
        time: '2026-03-01T10:00:08.000Z',
      },
    ]);
    expect(activity.lastDataMs(device)).toBeNull();
    activity.ingest([
      {
        type: 'numeric',
        device,
        metric: 'MDC_PULS_OXIM_SAT_O2',
        value: 97,
        unit: '%',
        time: '2026-03-01T10:00:01.000Z',
      },
      {
        type: 'waveform',
        device,
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: '2026-03-01T10:00:02.000Z',
        samples: Array.from({ length: 61 }, () => 1),
      },
    ]);
    expect(activity.lastDataMs(device)).toBe(Date.parse('2026-03-01T10:00:03.000Z'));
  });

  it('an old batch replayed after a cut never makes the device look fresher', () => {
    const activity = new DeviceActivity();
    const at = (time: string) =>
      ({ type: 'numeric', device, metric: 'MDC_PULS_OXIM_SAT_O2', value: 97, unit: '%', time }) as const;
    activity.ingest([at('2026-03-01T10:00:05.000Z')]);
    activity.ingest([at('2026-03-01T09:59:00.000Z')]);
    expect(activity.lastDataMs(device)).toBe(Date.parse('2026-03-01T10:00:05.000Z'));
  });
});
