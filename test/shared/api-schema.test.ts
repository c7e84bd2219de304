import { API_EVENTS, API_METHODS } from '../../src/shared/api';
import { API_EVENT_NAMES, API_METHOD_NAMES } from '../../src/shared/api-names';
import { parseRequest } from '../../src/shared/api-schema';
import { readingSchema } from '../../src/shared/domain/readings';
import { DEFAULT_SETTINGS, parseStoredSettings } from '../../src/shared/domain/settings';

describe('parseRequest', () => {
  it('accepts a known method with valid params and applies nothing extra', () => {
    const result = parseRequest('devices.connect', { path: '/dev/ttyUSB0', protocol: 'contec-cms50-v7' });
    expect(result).toEqual({
      ok: true,
      value: { method: 'devices.connect', params: { path: '/dev/ttyUSB0', protocol: 'contec-cms50-v7' } },
    });
  });

  it('treats missing params of a no-argument method as empty', () => {
    expect(parseRequest('devices.list', undefined).ok).toBe(true);
  });

  it('rejects unknown methods, including prototype keys', () => {
    for (const method of ['nope', '__proto__', 'constructor', 42, null]) {
      const result = parseRequest(method, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknown-method');
    }
  });

  it('rejects extra fields and wrong types with a message naming the field', () => {
    const extra = parseRequest('devices.list', { evil: true });
    expect(extra.ok).toBe(false);
    const wrong = parseRequest('devices.connect', { path: 7, protocol: 'x' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.code).toBe('bad-request');
      expect(wrong.error.message).toContain('path');
    }
  });
});

describe('reading schema', () => {
  it('accepts the design §3 examples', () => {
    const examples = [
      {
        type: 'numeric',
        device: 'contec-cms50-v7@/dev/ttyUSB0',
        metric: 'MDC_PULS_OXIM_SAT_O2',
        value: 97,
        unit: '%',
        time: '2026-11-25T16:49:08.123Z',
      },
      {
        type: 'numeric',
        device: 'd',
        metric: 'MDC_PULS_OXIM_PULS_RATE',
        value: null,
        unit: '/min',
        time: '2026-11-25T16:49:08.123Z',
      },
      {
        type: 'waveform',
        device: 'd',
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: '2026-11-25T16:49:08.123Z',
        samples: [51, 52, 53],
      },
      { type: 'status', device: 'd', flags: ['probe-off'], time: '2026-11-25T16:49:08.123Z' },
    ];
    for (const example of examples) expect(readingSchema.safeParse(example).success).toBe(true);
  });

  it('rejects unknown metrics, NaN values and unknown flags', () => {
    const time = '2026-11-25T16:49:08.123Z';
    expect(
      readingSchema.safeParse({ type: 'numeric', device: 'd', metric: 'MDC_NOPE', value: 1, unit: '%', time })
        .success,
    ).toBe(false);
    expect(
      readingSchema.safeParse({
        type: 'numeric',
        device: 'd',
        metric: 'MDC_PULS_OXIM_SAT_O2',
        value: NaN,
        unit: '%',
        time,
      }).success,
    ).toBe(false);
    expect(readingSchema.safeParse({ type: 'status', device: 'd', flags: ['on-fire'], time }).success).toBe(
      false,
    );
  });
});

describe('parseStoredSettings', () => {
  it('keeps valid fields, drops invalid ones, and fills defaults', () => {
    const { settings, rejected } = parseStoredSettings({
      autoConnect: false,
      noDataTimeoutS: 'soon',
      bogus: 1,
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, autoConnect: false });
    expect(rejected.sort()).toEqual(['bogus', 'noDataTimeoutS']);
  });

  it('survives a store that is not an object at all', () => {
    expect(parseStoredSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings patch', () => {
  it('keeps absent fields absent, so an update never resets the other settings', () => {
    const result = parseRequest('settings.update', { kiosk: true });
    expect(result).toEqual({ ok: true, value: { method: 'settings.update', params: { kiosk: true } } });
  });
});

describe('api names', () => {
  it('list exactly the methods and events the schemas declare', () => {
    expect([...API_METHOD_NAMES].sort()).toEqual(Object.keys(API_METHODS).sort());
    expect([...API_EVENT_NAMES].sort()).toEqual(Object.keys(API_EVENTS).sort());
  });
});
