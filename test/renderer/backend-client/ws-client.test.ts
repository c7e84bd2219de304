import { BackendCallError } from '../../../src/renderer/backend-client/backend-client';
import { WsBackendClient } from '../../../src/renderer/backend-client/ws-client';
import { FakeSocket } from './fake-socket';

const device = {
  id: 'contec-cms50-v7@/dev/pts/3',
  protocol: 'contec-cms50-v7',
  name: 'Contec',
  transport: 'serial',
  path: '/dev/pts/3',
  state: 'streaming',
  error: null,
  simulated: true,
  lastReadingAt: null,
  droppedFrames: 0,
};

function setup(options: { callTimeoutMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const client = new WsBackendClient('ws://station/api', {
    socketFactory: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    initialBackoffMs: 100,
    maxBackoffMs: 400,
    random: () => 1,
    ...options,
  });
  const last = (): FakeSocket => sockets[sockets.length - 1];
  return { client, sockets, last };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('WsBackendClient', () => {
  it('waits for the socket, sends {id, method, params}, and resolves with the checked result', async () => {
    const { client, last } = setup();
    const listed = client.call('devices.list', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([{ id: 1, method: 'devices.list', params: {} }]);
    last().receive({ id: 1, result: { ok: true, value: [device] } });
    await expect(listed).resolves.toEqual([device]);
    expect(client.connection.get()).toBe('open');
  });

  it('rejects with the AppError code from an error reply', async () => {
    const { client, last } = setup();
    last().open();
    const call = client.call('devices.connect', { path: '/dev/x', protocol: 'p' });
    last().receive({ id: 1, result: { ok: false, error: { code: 'not-found', message: 'no such port' } } });
    const error = (await call.catch((e: unknown) => e)) as BackendCallError;
    expect(error).toBeInstanceOf(BackendCallError);
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('no such port');
  });

  it('rejects a reply that does not match the contract', async () => {
    const { client, last } = setup();
    last().open();
    const call = client.call('devices.list', {});
    last().receive({ id: 1, result: { ok: true, value: [{ id: 42 }] } });
    await expect(call).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers valid events to listeners, drops invalid ones and survives garbage', () => {
    const { client, last } = setup();
    last().open();
    const states: unknown[] = [];
    const unsubscribe = client.on('device.state', (payload) => states.push(payload));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    last().receive('{garbage');
    last().receive({ event: 'device.state', payload: { ...device, state: 'exploded' } });
    last().receive({ event: 'no.such.event', payload: {} });
    last().receive({ event: 'device.state', payload: device });
    expect(states).toEqual([device]);
    unsubscribe();
    last().receive({ event: 'device.state', payload: device });
    expect(states).toHaveLength(1);
    warn.mockRestore();
  });

  it('times out a call with no reply', async () => {
    const { client, last } = setup({ callTimeoutMs: 1000 });
    last().open();
    const call = client.call('app.info', {});
    jest.advanceTimersByTime(1000);
    await expect(call).rejects.toMatchObject({ code: 'timeout' });
  });

  it('fails sent calls on a drop, reconnects with growing backoff, and sends queued calls on reopen', async () => {
    const { client, sockets, last } = setup();
    last().open();
    const inFlight = client.call('devices.connect', { path: '/dev/x', protocol: 'p' });
    last().drop();
    await expect(inFlight).rejects.toMatchObject({ code: 'unavailable' });
    expect(client.connection.get()).toBe('reconnecting');

    const queued = client.call('app.info', {});
    jest.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().drop(); // still down: the next wait doubles
    jest.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    last().open();
    expect(client.connection.get()).toBe('open');
    expect(last().sent).toEqual([{ id: 2, method: 'app.info', params: {} }]);
    last().receive({
      id: 2,
      result: { ok: true, value: { name: 's', version: '1', host: 'node', simulated: false } },
    });
    await expect(queued).resolves.toMatchObject({ host: 'node' });
  });

  it('close() rejects pending calls, stops reconnecting and refuses new calls', async () => {
    const { client, sockets, last } = setup();
    const pending = client.call('app.info', {});
    client.close();
    await expect(pending).rejects.toMatchObject({ code: 'unavailable' });
    expect(last().closedByClient).toBe(true);
    jest.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'unavailable' });
    expect(client.connection.get()).toBe('closed');
  });
});
