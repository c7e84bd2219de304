import { createPreloadBridge, type RendererIpc } from '../../../src/main/preload/bridge';
import { API_EVENT_NAMES, API_METHOD_NAMES } from '../../../src/shared/api';
import { eventChannel, invokeChannel } from '../../../src/shared/channels';
import { BLUETOOTH_ANSWER_CHANNEL, BLUETOOTH_DEVICES_CHANNEL } from '../../../src/shared/preload-api';
import { FakeIpcRenderer } from '../../helpers/fake-electron';

const asIpc = (fake: FakeIpcRenderer) => fake as unknown as RendererIpc;

describe('preload bridge', () => {
  it('forwards contract methods to their invoke channel and returns the envelope', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createPreloadBridge(asIpc(ipc));
    for (const method of API_METHOD_NAMES) {
      await expect(bridge.invoke(method, { a: 1 })).resolves.toEqual({ ok: true, value: 'pong' });
    }
    expect(ipc.invoked.map((c) => c.channel)).toEqual(API_METHOD_NAMES.map(invokeChannel));
  });

  it('refuses names outside the contract before touching ipcRenderer', async () => {
    const ipc = new FakeIpcRenderer();
    const onSpy = jest.spyOn(ipc, 'on');
    const bridge = createPreloadBridge(asIpc(ipc)) as unknown as {
      invoke(m: unknown, p?: unknown): Promise<unknown>;
      on(e: unknown, l: unknown): () => void;
    };
    for (const name of ['shell.openExternal', 'app:devices.list', '__proto__', 'constructor', '', 42, null]) {
      await expect(bridge.invoke(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
      expect(() => bridge.on(name, () => {})).toThrow(TypeError);
    }
    expect(() => bridge.on('readings', 'not a function')).toThrow(TypeError);
    expect(ipc.invoked).toEqual([]);
    expect(onSpy).not.toHaveBeenCalled();
  });

  it('maps a rejected invoke (no handler yet) to an unavailable envelope', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.reply = () => Promise.reject(new Error("No handler registered for 'app:app.info'"));
    await expect(createPreloadBridge(asIpc(ipc)).invoke('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('delivers only the payload of contract events, never the IPC event object', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createPreloadBridge(asIpc(ipc));
    for (const name of API_EVENT_NAMES) {
      const seen: unknown[][] = [];
      const off = bridge.on(name, (...args: unknown[]) => seen.push(args));
      ipc.emit(eventChannel(name), { sender: 'ipcRenderer internals' }, { n: 1 });
      off();
      off();
      ipc.emit(eventChannel(name), {}, { n: 2 });
      expect(seen).toEqual([[{ n: 1 }]]);
      expect(ipc.listenerCount(eventChannel(name))).toBe(0);
    }
  });

  it('exposes only invoke, on and the Bluetooth chooser, frozen', () => {
    const bridge = createPreloadBridge(asIpc(new FakeIpcRenderer()));
    expect(Object.keys(bridge).sort()).toEqual(['bluetoothChooser', 'invoke', 'on']);
    expect(Object.keys(bridge.bluetoothChooser!).sort()).toEqual(['choose', 'onDevices']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.bluetoothChooser)).toBe(true);
  });
});

describe('preload bridge: Bluetooth chooser', () => {
  const offer = { requestId: 3, devices: [{ deviceId: 'AA:BB', deviceName: 'Oximeter' }] };

  it('relays device offers (payload only, never the IPC event) until unsubscribed', () => {
    const ipc = new FakeIpcRenderer();
    const chooser = createPreloadBridge(asIpc(ipc)).bluetoothChooser!;
    const received: unknown[][] = [];
    const unsubscribe = chooser.onDevices((...args: unknown[]) => received.push(args));
    ipc.emit(BLUETOOTH_DEVICES_CHANNEL, { sender: 'secret' }, offer);
    unsubscribe();
    unsubscribe();
    ipc.emit(BLUETOOTH_DEVICES_CHANNEL, { sender: 'secret' }, offer);
    expect(received).toEqual([[offer]]);
    expect(ipc.listenerCount(BLUETOOTH_DEVICES_CHANNEL)).toBe(0);
  });

  it('sends a well-formed answer on the answer channel only', () => {
    const ipc = new FakeIpcRenderer();
    const chooser = createPreloadBridge(asIpc(ipc)).bluetoothChooser!;
    chooser.choose({ requestId: 3, deviceId: 'AA:BB' });
    chooser.choose({ requestId: 3, deviceId: null });
    expect(ipc.sentMessages).toEqual([
      { channel: BLUETOOTH_ANSWER_CHANNEL, payload: { requestId: 3, deviceId: 'AA:BB' } },
      { channel: BLUETOOTH_ANSWER_CHANNEL, payload: { requestId: 3, deviceId: null } },
    ]);
  });

  it('refuses a malformed answer or listener before touching ipcRenderer', () => {
    const ipc = new FakeIpcRenderer();
    const chooser = createPreloadBridge(asIpc(ipc)).bluetoothChooser as unknown as {
      choose(answer: unknown): void;
      onDevices(listener: unknown): () => void;
    };
    for (const bad of [
      null,
      'AA:BB',
      { requestId: -1, deviceId: 'x' },
      { requestId: 1 },
      { requestId: 1, deviceId: '' },
      { requestId: 1, deviceId: 'x', extra: 1 },
    ]) {
      expect(() => chooser.choose(bad)).toThrow(TypeError);
    }
    expect(() => chooser.onDevices('not a function')).toThrow(TypeError);
    expect(ipc.sentMessages).toEqual([]);
    expect(ipc.listenerCount(BLUETOOTH_DEVICES_CHANNEL)).toBe(0);
  });
});
