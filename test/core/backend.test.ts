import { createBackend } from '../../src/core/backend';
import type { Backend } from '../../src/core/backend-types';
import { MemorySettingsStore } from '../../src/core/settings/memory-settings-store';
import { TransportError } from '../../src/core/transports/transport';
import { API_EVENTS, API_METHOD_NAMES, API_METHODS, type ApiMethod } from '../../src/shared/api';
import type { DeviceInfo } from '../../src/shared/domain/devices';
import type { ReadingBatch } from '../../src/shared/domain/readings';
import type { Settings } from '../../src/shared/domain/settings';
import { AppErrorException } from '../../src/shared/result';
import { FakeTransport } from '../helpers/fake-transport';
import { TEST_STOP, testDriver, testFrame } from '../helpers/test-driver';

const PROTOCOL = testDriver.protocol;

function setup() {
  const transports = new Map<string, FakeTransport>();
  const backend = createBackend({
    host: 'node',
    version: '1.2.3',
    settings: new MemorySettingsStore(),
    resolveDriver: (protocol) => (protocol === PROTOCOL ? testDriver : null),
    createTransport: (path) => {
      const transport = new FakeTransport(path);
      if (path === '/dev/missing')
        transport.openError = new TransportError('not-found', `${path}: No such file or directory`);
      if (path === '/dev/locked')
        transport.openError = new TransportError('permission-denied', `${path}: Permission denied`);
      transports.set(path, transport);
      return transport;
    },
  });
  const events = { readings: [] as ReadingBatch[], states: [] as DeviceInfo[], settings: [] as Settings[] };
  backend.on('readings', (b) => events.readings.push(b));
  backend.on('device.state', (d) => events.states.push(d));
  backend.on('settings.changed', (s) => events.settings.push(s));
  return { backend, transports, events };
}

async function rejection(promise: Promise<unknown>): Promise<AppErrorException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppErrorException) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function call(backend: Backend, method: ApiMethod, params: unknown): Promise<unknown> {
  return (backend.api[method] as (p: unknown) => Promise<unknown>)(params);
}

describe('createBackend', () => {
  it('answers app.info, and says simulated once a simulated device is connected', async () => {
    const { backend } = setup();
    expect(await backend.api['app.info']({})).toEqual({
      name: 'Teleconsult Station',
      version: '1.2.3',
      host: 'node',
      simulated: false,
    });
    const info = await backend.connectDevice({ path: '/dev/pts/9', protocol: PROTOCOL, simulated: true });
    expect(info).toMatchObject({
      id: `${PROTOCOL}@/dev/pts/9`,
      simulated: true,
      state: 'connecting',
      transport: 'serial',
    });
    expect((await backend.api['app.info']({})).simulated).toBe(true);
    await backend.close();
  });

  it('connects, streams readings as numbered batches, remembers the latest, lists and disconnects', async () => {
    const { backend, transports, events } = setup();
    const info = await backend.api['devices.connect']({ path: '/dev/ttyUSB0', protocol: PROTOCOL });
    expect(API_METHODS['devices.connect'].result.parse(info)).toEqual(info);
    const transport = transports.get('/dev/ttyUSB0')!;
    transport.emitData(testFrame(97, 65, 10), 1000);
    transport.emitData(testFrame(98, 66, 11), 1020);
    expect(events.readings.map((b) => b.seq)).toEqual([0, 1]);
    for (const batch of events.readings) API_EVENTS.readings.parse(batch);
    expect(events.states.map((s) => s.state)).toEqual(['connecting', 'streaming']);

    const latest = await backend.api['readings.latest']({});
    expect(latest.map((r) => (r.type === 'numeric' ? [r.metric, r.value] : r.type))).toEqual([
      ['MDC_PULS_OXIM_SAT_O2', 98],
      ['MDC_PULS_OXIM_PULS_RATE', 66],
    ]);
    expect((await backend.api['devices.list']({})).map((d) => [d.id, d.state, d.lastReadingAt])).toEqual([
      [`${PROTOCOL}@/dev/ttyUSB0`, 'streaming', 1020],
    ]);

    expect(await backend.api['devices.disconnect']({ id: info.id })).toBeNull();
    expect(transport.lastWrite).toEqual(TEST_STOP);
    expect(transport.isOpen).toBe(false);
    expect(await backend.api['devices.list']({})).toEqual([]);
    expect(await backend.api['readings.latest']({})).toEqual([]);
    expect(events.states.at(-1)).toMatchObject({ state: 'disconnected', error: null });
    await backend.close();
  });

  it('runs several devices at once and closes every session on close()', async () => {
    const { backend, transports } = setup();
    await backend.api['devices.connect']({ path: '/dev/a', protocol: PROTOCOL });
    await backend.api['devices.connect']({ path: '/dev/b', protocol: PROTOCOL });
    expect(await backend.api['devices.connect']({ path: '/dev/a', protocol: PROTOCOL })).toMatchObject({
      id: `${PROTOCOL}@/dev/a`,
    });
    expect(await backend.api['devices.list']({})).toHaveLength(2);
    await backend.close();
    expect([...transports.values()].map((t) => t.isOpen)).toEqual([false, false]);
  });

  it('keeps an unplugged device listed as disconnected, and reconnects it on connect', async () => {
    const { backend, transports } = setup();
    const { id } = await backend.api['devices.connect']({ path: '/dev/a', protocol: PROTOCOL });
    transports.get('/dev/a')!.unplug();
    expect(await backend.api['devices.list']({})).toMatchObject([
      { id, state: 'disconnected', error: { code: 'disconnected' } },
    ]);
    expect(await backend.api['devices.connect']({ path: '/dev/a', protocol: PROTOCOL })).toMatchObject({
      id,
      state: 'connecting',
    });
    await backend.close();
  });

  it('rejects unknown protocols, missing drivers and unopenable paths with clear codes', async () => {
    const { backend } = setup();
    const connect = (path: string, protocol: string) =>
      rejection(backend.api['devices.connect']({ path, protocol }));
    expect(await connect('/dev/a', 'no-such-protocol')).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('no-such-protocol') as unknown,
    });
    expect(await connect('/dev/a', 'ble-temperature')).toMatchObject({ code: 'unavailable' });
    expect(await connect('/dev/missing', PROTOCOL)).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('/dev/missing') as unknown,
    });
    expect(await connect('/dev/locked', PROTOCOL)).toMatchObject({ code: 'forbidden' });
    expect(await rejection(backend.api['devices.disconnect']({ id: 'nope@/dev/x' }))).toMatchObject({
      code: 'not-found',
    });
    expect(await rejection(backend.connectDevice({ path: '', protocol: PROTOCOL }))).toMatchObject({
      code: 'bad-request',
    });
    expect(await backend.api['devices.list']({})).toEqual([]);
    await backend.close();
  });

  it('rejects bad params on every method through the contract schema', async () => {
    const { backend } = setup();
    for (const method of API_METHOD_NAMES) {
      const error = await rejection(call(backend, method, { bogus: 1 }));
      expect(error.code).toBe('bad-request');
      expect(error.message).toContain(method);
    }
    expect(await rejection(call(backend, 'devices.connect', { path: 7, protocol: PROTOCOL }))).toMatchObject({
      code: 'bad-request',
    });
    expect(await rejection(call(backend, 'settings.update', { noDataTimeoutS: 0 }))).toMatchObject({
      code: 'bad-request',
    });
    await backend.close();
  });

  it('gets and updates settings, emitting settings.changed, and applies the no-data timeout', async () => {
    jest.useFakeTimers();
    try {
      const { backend, transports, events } = setup();
      expect((await backend.api['settings.get']({})).noDataTimeoutS).toBe(5);
      const updated = await backend.api['settings.update']({ noDataTimeoutS: 2 });
      expect(updated.noDataTimeoutS).toBe(2);
      expect(events.settings).toEqual([updated]);
      await backend.api['devices.connect']({ path: '/dev/a', protocol: PROTOCOL });
      transports.get('/dev/a')!.emitData(testFrame(97, 65, 10), 1);
      await jest.advanceTimersByTimeAsync(2000);
      expect(events.states.at(-1)?.state).toBe('no-data');
      await backend.close();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
