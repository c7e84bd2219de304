import { BleConnector, createBleConnector } from '../../../../src/renderer/features/bluetooth/ble-connector';
import type { BleLinkDeps } from '../../../../src/renderer/features/bluetooth/ble-device-link';
import type { BackendClient } from '../../../../src/renderer/backend-client/backend-client';
import { API_METHODS } from '../../../../src/shared/api';
import type { Reading } from '../../../../src/shared/domain/readings';
import { FakeBluetooth, FakeDevice } from './fake-bluetooth';

const svc = (n: number) => `0000${n.toString(16)}-0000-1000-8000-00805f9b34fb`;
const HR_SERVICE = svc(0x180d);
const HR = svc(0x2a37);
const BP_SERVICE = svc(0x1810);
const BP = svc(0x2a35);
const CUFF = svc(0x2a36);
const T0 = Date.UTC(2026, 10, 25, 17, 0, 0);
const bytes = (hex: string) => Uint8Array.from(hex.split(' ').map((b) => parseInt(b, 16)));

function setup(options: { failSubmit?: boolean; clockZone?: BleLinkDeps['clockZone'] } = {}) {
  const bluetooth = new FakeBluetooth();
  const submitted: Reading[][] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  let now = T0;
  const deps: BleLinkDeps = {
    submit: async (readings) => {
      // Exactly what the backend will accept: the contract's own params schema.
      API_METHODS['readings.submit'].params.parse({ readings });
      if (options.failSubmit) throw new Error('backend gone');
      submitted.push(readings);
    },
    now: () => now,
    utcOffsetMinutes: () => 60,
    clockZone: options.clockZone,
    setTimer: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  };
  const connector = new BleConnector(bluetooth, deps);
  const fireTimers = async () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.run();
    await flush();
  };
  return { bluetooth, connector, submitted, timers, fireTimers, tick: (ms: number) => (now += ms) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BleConnector', () => {
  it('asks the chooser for the four health services and streams a heart-rate strap to readings.submit', async () => {
    const { bluetooth, connector, submitted } = setup();
    const strap = new FakeDevice('AbCdEf0123456789==', 'Polar H10 7A', { [HR_SERVICE]: [HR] });
    bluetooth.next = strap;
    await connector.addDevice();
    const healthServices = [svc(0x1809), svc(0x180d), svc(0x1810), svc(0x1822)];
    expect(bluetooth.requests).toHaveLength(1);
    const [request] = bluetooth.requests;
    expect(request.filters.map((f) => f.services).sort()).toEqual(healthServices.map((s) => [s]));
    expect([...request.optionalServices].sort()).toEqual(healthServices);
    expect(connector.devices.getSnapshot()).toMatchObject([
      { label: 'Polar H10 7A (AbCdEf01)', protocols: ['ble-heart-rate'], state: 'connected', error: null },
    ]);

    strap.characteristic(HR).emit(bytes('16 48 00 04'));
    await flush();
    const device = 'ble-heart-rate@Polar H10 7A (AbCdEf01)';
    expect(submitted).toEqual([
      [
        { type: 'status', device, flags: [], time: '2026-11-25T17:00:00.000Z' },
        {
          type: 'numeric',
          device,
          metric: 'MDC_ECG_HEART_RATE',
          value: 72,
          unit: '/min',
          time: '2026-11-25T17:00:00.000Z',
        },
      ],
    ]);
    expect(connector.devices.getSnapshot()[0].lastReadingAt).toBe(T0);
  });

  it('dates a stored cuff measurement with the clock zone of its own date, else the current offset', async () => {
    // A zone at UTC+2 in summer, UTC+1 otherwise (as central Europe); the fixed offset says +60.
    const clockZone: BleLinkDeps['clockZone'] = {
      toEpochMs: (t) =>
        Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) -
        (t.month >= 4 && t.month <= 10 ? 120 : 60) * 60_000,
      toWallClock: () => {
        throw new Error('not used');
      },
    };
    // flags 02 (timestamp) | 121/80/95 | 2026-07-01 08:00:00 by the cuff's clock
    const stored = bytes('02 79 00 50 00 5F 00 EA 07 07 01 08 00 00');
    const timeOf = async (zone: BleLinkDeps['clockZone'], id: string) => {
      const { bluetooth, connector, submitted } = setup({ clockZone: zone });
      const cuff = new FakeDevice(id, 'BP7000', { [BP_SERVICE]: [BP] });
      bluetooth.next = cuff;
      await connector.addDevice();
      cuff.characteristic(BP).emit(stored);
      await flush();
      return submitted.flat().find((r) => r.type === 'numeric')?.time;
    };
    expect(await timeOf(clockZone, 'cuff-summer-zone')).toBe('2026-07-01T06:00:00.000Z');
    expect(await timeOf(undefined, 'cuff-fixed-offset')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('subscribes to both cuff characteristics, counts a malformed value and submits nothing for it', async () => {
    const { bluetooth, connector, submitted } = setup();
    const cuff = new FakeDevice('cuff-1', 'BP7000', { [BP_SERVICE]: [BP, CUFF] });
    bluetooth.next = cuff;
    await connector.addDevice();
    cuff.characteristic(CUFF).emit(bytes('00 96 00 FF 07 FF 07'));
    cuff.characteristic(BP).emit(bytes('04 79 00 50'));
    cuff.characteristic(BP).emit(bytes('04 79 00 50 00 5F 00 48 00'));
    await flush();
    expect(
      submitted.map((batch) =>
        batch.map((r) => (r.type === 'numeric' ? r.value : r.type === 'status' ? r.flags : r.type)),
      ),
    ).toEqual([[['measuring']], [[], 121, 80, 95, 72]]);
    expect(connector.devices.getSnapshot()[0]).toMatchObject({
      protocols: ['ble-blood-pressure'],
      droppedFrames: 1,
    });
  });

  it('reconnects after the link drops while the user keeps the device, with a growing delay', async () => {
    const { bluetooth, connector, submitted, timers, fireTimers } = setup();
    const strap = new FakeDevice('strap', 'HRM', { [HR_SERVICE]: [HR] });
    bluetooth.next = strap;
    await connector.addDevice();
    strap.dropLink();
    expect(connector.devices.getSnapshot()[0]).toMatchObject({ state: 'reconnecting' });
    strap.gatt.failNextConnect = new DOMException('Connection failed for unknown reason.', 'NetworkError');
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    await fireTimers();
    expect(connector.devices.getSnapshot()[0].error).toEqual({
      kind: 'connect-failed',
      detail: 'Connection failed for unknown reason.',
    });
    expect(timers.map((t) => t.ms)).toEqual([2000]);
    await fireTimers();
    expect(strap.gatt.connects).toBe(3);
    expect(connector.devices.getSnapshot()[0]).toMatchObject({ state: 'connected', error: null });
    strap.characteristic(HR).emit(bytes('00 50'));
    await flush();
    expect(submitted.flat()).toMatchObject([{ metric: 'MDC_ECG_HEART_RATE', value: 80 }]);
  });

  it('a cuff that indicates its stored result again after a reconnect adds no second measurement', async () => {
    const { bluetooth, connector, submitted, fireTimers } = setup();
    const cuff = new FakeDevice('cuff-reconnect', 'BP7000', { [BP_SERVICE]: [BP] });
    bluetooth.next = cuff;
    await connector.addDevice();
    // flags 02 (timestamp) | 121/80/95 | 2026-07-01 08:00:00 by the cuff's clock
    const stored = bytes('02 79 00 50 00 5F 00 EA 07 07 01 08 00 00');
    cuff.characteristic(BP).emit(stored);
    await flush();
    cuff.dropLink();
    await fireTimers();
    expect(connector.devices.getSnapshot()[0]).toMatchObject({ state: 'connected' });
    // The new link has a new decoder; the station's memory still knows this measurement.
    cuff.characteristic(BP).emit(stored);
    await flush();
    const systolic = submitted
      .flat()
      .filter((r) => r.type === 'numeric' && r.metric === 'MDC_PRESS_BLD_NONINV_SYS');
    expect(systolic).toHaveLength(1);
  });

  it('a removed device is disconnected and never reconnected', async () => {
    const { bluetooth, connector, timers } = setup();
    const strap = new FakeDevice('strap', 'HRM', { [HR_SERVICE]: [HR] });
    bluetooth.next = strap;
    await connector.addDevice();
    connector.remove('strap');
    expect(strap.gatt.connected).toBe(false);
    expect(timers).toEqual([]);
    expect(connector.devices.getSnapshot()).toEqual([]);
  });

  it('a device without a standard health measurement is marked unsupported, not retried', async () => {
    const { bluetooth, connector, timers } = setup();
    bluetooth.next = new FakeDevice('x', null, { [HR_SERVICE]: [] });
    await connector.addDevice();
    expect(connector.devices.getSnapshot()).toMatchObject([{ label: 'x', state: 'unsupported' }]);
    expect(connector.devices.getSnapshot()[0].error).toEqual({ kind: 'no-health-service', detail: null });
    expect(timers).toEqual([]);
  });

  it('a closed chooser is not a problem; a refused one is said in words', async () => {
    const { bluetooth, connector } = setup();
    await connector.addDevice();
    expect(connector.problem.getSnapshot()).toBeNull();
    bluetooth.next = new DOMException(
      'Must be handling a user gesture to show a permission request.',
      'SecurityError',
    );
    await connector.addDevice();
    expect(connector.problem.getSnapshot()).toEqual({
      kind: 'chooser-failed',
      detail: 'Must be handling a user gesture to show a permission request.',
    });
    expect(connector.choosing.getSnapshot()).toBe(false);
  });

  it('says so when the backend refuses readings, without throwing', async () => {
    const { bluetooth, connector } = setup({ failSubmit: true });
    const strap = new FakeDevice('strap', 'HRM', { [HR_SERVICE]: [HR] });
    bluetooth.next = strap;
    await connector.addDevice();
    strap.characteristic(HR).emit(bytes('00 50'));
    await flush();
    expect(connector.devices.getSnapshot()[0].error).toEqual({
      kind: 'submit-failed',
      detail: 'backend gone',
    });
  });
});

describe('createBleConnector', () => {
  it('reports Web Bluetooth missing, and submits through the backend client', async () => {
    expect(createBleConnector({} as BackendClient, window).available).toBe(false);
    const bluetooth = new FakeBluetooth();
    const calls: unknown[] = [];
    const client = { call: async (method: string, params: unknown) => calls.push([method, params]) };
    Object.defineProperty(window.navigator, 'bluetooth', { value: bluetooth, configurable: true });
    try {
      const connector = createBleConnector(client as unknown as BackendClient, window);
      expect(connector.available).toBe(true);
      const strap = new FakeDevice('strap', 'HRM', { [HR_SERVICE]: [HR] });
      bluetooth.next = strap;
      await connector.addDevice();
      strap.characteristic(HR).emit(bytes('00 50'));
      await flush();
      expect(calls).toMatchObject([
        ['readings.submit', { readings: [{ device: 'ble-heart-rate@HRM (strap)' }] }],
      ]);
      connector.close();
    } finally {
      delete (window.navigator as { bluetooth?: unknown }).bluetooth;
    }
  });
});
