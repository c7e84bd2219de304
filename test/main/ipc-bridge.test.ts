import type { WebContents } from 'electron';
import { forwardEvents, isTrustedSender, registerBackend } from '../../src/main/ipc-bridge';
import { API_METHOD_NAMES } from '../../src/shared/api';
import { eventChannel, invokeChannel } from '../../src/shared/channels';
import { DEFAULT_SETTINGS } from '../../src/shared/domain/settings';
import { AppErrorException } from '../../src/shared/result';
import { fakeBackend } from './fake-backend';
import {
  FakeIpcMain,
  FakeWebContents,
  fakeFrame,
  invokeEvent,
  recordingLog,
  trustedEvent,
} from '../helpers/fake-electron';

function setup() {
  const ipcMain = new FakeIpcMain();
  const backend = fakeBackend();
  const log = recordingLog();
  const dispose = registerBackend(ipcMain, backend, isTrustedSender, log);
  const call = (method: string, params: unknown, event = trustedEvent()) =>
    ipcMain.invoke(`app:${method}`, event, params);
  return { ipcMain, backend, log, dispose, call };
}

describe('registerBackend', () => {
  it('registers exactly one handler per contract method, and nothing else', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHOD_NAMES.map(invokeChannel).sort());
  });

  it('answers a trusted call with the ok envelope', async () => {
    const { call, backend } = setup();
    await expect(call('devices.list', {})).resolves.toMatchObject({
      ok: true,
      value: [{ protocol: 'contec-cms50-v7' }],
    });
    await expect(call('settings.get', undefined)).resolves.toEqual({ ok: true, value: DEFAULT_SETTINGS });
    await call('devices.connect', { path: '/dev/ttyUSB0', protocol: 'contec-cms50-v7' });
    expect(backend.api['devices.connect']).toHaveBeenCalledWith({
      path: '/dev/ttyUSB0',
      protocol: 'contec-cms50-v7',
    });
  });

  it.each([
    ['another origin', invokeEvent(fakeFrame({ url: 'https://evil.example/' }))],
    ['a file: page', invokeEvent(fakeFrame({ url: 'file:///tmp/index.html' }))],
    ['a look-alike host', invokeEvent(fakeFrame({ url: 'app://station.evil/index.html' }))],
    [
      'a subframe of our page',
      invokeEvent(fakeFrame({ url: 'app://station/index.html', isMainFrame: false })),
    ],
    ['a missing senderFrame', invokeEvent(null)],
  ])('refuses %s with forbidden, logs it, and never reaches the backend', async (_name, event) => {
    const { call, backend, log } = setup();
    const result = await call('devices.list', {}, event);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(backend.api['devices.list']).not.toHaveBeenCalled();
    expect(log.warnings).toEqual([expect.stringMatching(/refused/)]);
  });

  it('refuses a sender whose frame cannot be inspected', async () => {
    const { call } = setup();
    const event = Object.defineProperty({}, 'senderFrame', {
      get() {
        throw new Error('Render frame was disposed');
      },
    });
    await expect(call('app.info', {}, event as never)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('answers bad params with bad-request naming the field, without calling the backend', async () => {
    const { call, backend } = setup();
    const bad = await call('devices.connect', { path: '', protocol: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(bad)).toMatch(/devices\.connect: path/);
    await expect(call('devices.list', { extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    await expect(call('settings.update', { noDataTimeoutS: 'soon' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    await expect(call('devices.disconnect', 42)).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(backend.api['devices.connect']).not.toHaveBeenCalled();
    expect(backend.api['settings.update']).not.toHaveBeenCalled();
  });

  it('never registers an unknown channel', async () => {
    const { ipcMain } = setup();
    await expect(ipcMain.invoke('app:shell.openExternal', trustedEvent(), {})).rejects.toThrow(/No handler/);
    await expect(ipcMain.invoke('app:__proto__', trustedEvent(), {})).rejects.toThrow(/No handler/);
  });

  it('turns a backend exception into an error envelope, keeping an AppErrorException code', async () => {
    const { call, backend } = setup();
    backend.api['devices.list'].mockRejectedValueOnce(new Error('port exploded'));
    await expect(call('devices.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'port exploded' },
    });
    backend.api['devices.disconnect'].mockRejectedValueOnce(
      new AppErrorException('not-found', 'no such device'),
    );
    await expect(call('devices.disconnect', { id: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no such device' },
    });
  });

  it('dispose removes every handler it registered', () => {
    const { ipcMain, dispose } = setup();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  const batch = { seq: 1, readings: [] };

  it('sends each contract event on its channel to the registered window only', () => {
    const backend = fakeBackend();
    const ours = new FakeWebContents();
    const other = new FakeWebContents();
    forwardEvents(backend, ours as unknown as WebContents, recordingLog());
    backend.emit('readings', batch);
    backend.emit('settings.changed', DEFAULT_SETTINGS);
    expect(ours.sent).toEqual([
      { channel: eventChannel('readings'), payload: batch },
      { channel: eventChannel('settings.changed'), payload: DEFAULT_SETTINGS },
    ]);
    expect(other.sent).toEqual([]);
  });

  it('stops when the window closes (contents destroyed)', () => {
    const backend = fakeBackend();
    const contents = new FakeWebContents();
    forwardEvents(backend, contents as unknown as WebContents, recordingLog());
    expect(backend.listenerCount()).toBeGreaterThan(0);
    contents.destroy();
    expect(backend.listenerCount()).toBe(0);
    expect(() => backend.emit('readings', batch)).not.toThrow();
    expect(contents.sent).toEqual([]);
  });

  it('stops when the returned function is called', () => {
    const backend = fakeBackend();
    const contents = new FakeWebContents();
    const stop = forwardEvents(backend, contents as unknown as WebContents, recordingLog());
    stop();
    stop();
    backend.emit('readings', batch);
    expect(contents.sent).toEqual([]);
    expect(backend.listenerCount()).toBe(0);
  });

  it('sends nothing while the window shows anything but our page', () => {
    const backend = fakeBackend();
    const contents = new FakeWebContents('https://evil.example/');
    forwardEvents(backend, contents as unknown as WebContents, recordingLog());
    backend.emit('readings', batch);
    expect(contents.sent).toEqual([]);
  });

  it('reports a failed send once per event and keeps going', () => {
    const backend = fakeBackend();
    const contents = new FakeWebContents();
    const log = recordingLog();
    jest.spyOn(contents, 'send').mockImplementation(() => {
      throw new Error('An object could not be cloned');
    });
    forwardEvents(backend, contents as unknown as WebContents, log);
    backend.emit('readings', batch);
    backend.emit('readings', batch);
    expect(log.errors).toHaveLength(1);
  });
});
