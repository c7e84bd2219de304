import type { ApiEvent, ApiMethod } from '../../../src/shared/api';
import type { PreloadBridge } from '../../../src/shared/preload-api';
import type { Result } from '../../../src/shared/result';
import { IpcBackendClient } from '../../../src/renderer/backend-client/ipc-client';
import { apiUrlFor, getBackendClient } from '../../../src/renderer/backend-client/get-backend-client';

/** What the Electron preload exposes, driven by the test. */
class FakePreload implements PreloadBridge {
  readonly invoked: { method: ApiMethod; params: unknown }[] = [];
  readonly listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  reply: Result<unknown> = { ok: true, value: null };

  async invoke(method: ApiMethod, params: unknown): Promise<Result<unknown>> {
    this.invoked.push({ method, params });
    return this.reply;
  }

  on(event: ApiEvent, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }
}

describe('IpcBackendClient', () => {
  it('unwraps ok results and throws the AppError code otherwise', async () => {
    const preload = new FakePreload();
    const client = new IpcBackendClient(preload);
    preload.reply = { ok: true, value: null };
    await expect(client.call('devices.disconnect', { id: 'a' })).resolves.toBeNull();
    expect(preload.invoked).toEqual([{ method: 'devices.disconnect', params: { id: 'a' } }]);
    preload.reply = { ok: false, error: { code: 'forbidden', message: 'no' } };
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'forbidden', message: 'no' });
    expect(client.connection.get()).toBe('open');
  });

  it('subscribes to the preload once per event, validates payloads, and unsubscribes with the last listener', () => {
    const preload = new FakePreload();
    const client = new IpcBackendClient(preload);
    const a = jest.fn();
    const b = jest.fn();
    const offA = client.on('readings', a);
    const offB = client.on('readings', b);
    expect(preload.listeners.get('readings')?.size).toBe(1);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const listener of preload.listeners.get('readings')!) {
      listener({ seq: 1, readings: [] });
      listener({ seq: -1, readings: 'nope' });
    }
    warn.mockRestore();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledWith({ seq: 1, readings: [] });
    offA();
    offB();
    expect(preload.listeners.get('readings')?.size).toBe(0);
  });
});

describe('getBackendClient', () => {
  it('uses the preload bridge when Electron exposed one', () => {
    const fakeWindow = { stationBackend: new FakePreload(), location: { protocol: 'app:', host: 'x' } };
    expect(getBackendClient(fakeWindow as unknown as Window)).toBeInstanceOf(IpcBackendClient);
  });

  it('otherwise talks WebSocket to the origin that served the page', () => {
    expect(apiUrlFor({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api');
    expect(apiUrlFor({ protocol: 'https:', host: 'station.lan' })).toBe('wss://station.lan/api');
  });
});
