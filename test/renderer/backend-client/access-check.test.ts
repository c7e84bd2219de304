import { httpAccessCheck, type AccessVerdict } from '../../../src/renderer/backend-client/access-check';
import type { ConnectionState } from '../../../src/renderer/backend-client/backend-client';
import { WsBackendClient } from '../../../src/renderer/backend-client/ws-client';
import { FakeSocket } from './fake-socket';

/** A page opened without the access token says so, instead of "connecting…" forever. */
describe('httpAccessCheck', () => {
  const answering = (status: number) => (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return Promise.resolve({ status, ok: status >= 200 && status < 300 } as Response);
  };
  let seen: { url: string; init: RequestInit }[];
  beforeEach(() => (seen = []));

  it('asks /api/session beside the socket with the page’s cookie: 401 unauthorized, 204 authorized', async () => {
    expect(await httpAccessCheck('wss://station.lan:8443/api', answering(401))()).toBe('unauthorized');
    expect(seen[0]).toEqual({
      url: 'https://station.lan:8443/api/session',
      init: { credentials: 'same-origin', cache: 'no-store' },
    });
    expect(await httpAccessCheck('ws://h/api', answering(204))()).toBe('authorized');
    expect(await httpAccessCheck('ws://h/api', answering(502))()).toBe('unknown');
    expect(await httpAccessCheck('ws://h/api', () => Promise.reject(new TypeError('offline')))()).toBe(
      'unknown',
    );
  });
});

describe('WsBackendClient refused by the host', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('becomes unauthorized when refused before opening, stays so while retrying, and opens once allowed', async () => {
    const sockets: FakeSocket[] = [];
    let verdict: AccessVerdict = 'unauthorized';
    const client = new WsBackendClient('ws://station/api', {
      socketFactory: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      initialBackoffMs: 100,
      maxBackoffMs: 100,
      random: () => 1,
      checkAccess: () => Promise.resolve(verdict),
    });
    const states: ConnectionState[] = [];
    client.connection.subscribe((state) => states.push(state));

    sockets[0].drop(); // refused at the upgrade: never opened
    await Promise.resolve();
    expect(client.connection.get()).toBe('unauthorized');
    await jest.advanceTimersByTimeAsync(100);
    sockets[1].drop();
    await Promise.resolve();
    expect(client.connection.get()).toBe('unauthorized'); // no flicker through "connecting"

    verdict = 'authorized'; // the printed URL was opened in another tab: the cookie is set
    await jest.advanceTimersByTimeAsync(100);
    sockets[2].open();
    expect(states).toEqual(['unauthorized', 'open']);
    client.close();
  });

  it('a host that is down is a lost connection, not a refusal', async () => {
    const sockets: FakeSocket[] = [];
    const client = new WsBackendClient('ws://station/api', {
      socketFactory: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      checkAccess: () => Promise.resolve('unknown'),
    });
    sockets[0].drop();
    await Promise.resolve();
    expect(client.connection.get()).toBe('connecting');
    client.close();
  });
});
