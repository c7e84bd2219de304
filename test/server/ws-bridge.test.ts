import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { createWsBridge, type WsBridge, type WsBridgeOptions } from '../../src/server/ws-bridge';
import { FakeCoreBackend, fakeDevice } from '../helpers/fake-backend';

interface Harness {
  readonly backend: FakeCoreBackend;
  readonly bridge: WsBridge;
  readonly origin: string;
  readonly apiUrl: string;
  close(): Promise<void>;
}

async function startHarness(options: Partial<WsBridgeOptions> = {}): Promise<Harness> {
  const backend = new FakeCoreBackend();
  const bridge = createWsBridge({ backend, ...options });
  const server: Server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => bridge.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    backend,
    bridge,
    origin,
    apiUrl: `ws://127.0.0.1:${port}/api`,
    close: async () => {
      await bridge.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A test client that keeps every message it receives and can wait for one matching a predicate. */
class TestClient {
  readonly messages: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  private nextId = 1;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(rawText(data)) as Record<string, unknown>);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(url: string, origin: string): Promise<TestClient> {
    const socket = new WebSocket(url, { origin });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new TestClient(socket);
  }

  async waitFor(predicate: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async call(method: unknown, params?: unknown): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return this.waitFor((m) => m.id === id);
  }
}

describe('WebSocket bridge', () => {
  let harness: Harness;
  let client: TestClient;

  beforeEach(async () => {
    harness = await startHarness();
    client = await TestClient.open(harness.apiUrl, harness.origin);
  });
  afterEach(async () => {
    client.socket.terminate();
    await harness.close();
  });

  it('answers a valid call with the Result envelope', async () => {
    harness.backend.devices = [fakeDevice({ path: '/dev/ttyUSB0', protocol: 'contec-cms50-v7' })];
    const reply = await client.call('devices.list', {});
    expect(reply).toEqual({ id: 1, result: { ok: true, value: harness.backend.devices } });
  });

  it('rejects an unknown method, and a prototype key, without calling the backend', async () => {
    const unknown = await client.call('devices.format', {});
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const proto = await client.call('__proto__', {});
    expect(proto.result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(harness.backend.calls).toEqual([]);
  });

  it('rejects bad params with a message naming the field', async () => {
    const reply = await client.call('devices.connect', { path: 42, protocol: 'contec-cms50-v7' });
    expect(reply.result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(reply.result)).toContain('path');
    expect(harness.backend.calls).toEqual([]);
  });

  it('maps handler exceptions to AppError codes', async () => {
    const internal = await client.call('devices.connect', { path: '/dev/explode', protocol: 'x' });
    expect(internal.result).toEqual({ ok: false, error: { code: 'internal', message: 'port exploded' } });
    const notFound = await client.call('devices.connect', { path: '/dev/missing', protocol: 'x' });
    expect(notFound.result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers malformed JSON, a bad envelope and binary frames with errors, and keeps the connection', async () => {
    client.socket.send('{not json');
    const malformed = await client.waitFor((m) => m.id === null);
    expect(malformed.result).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    client.socket.send(JSON.stringify({ id: 'abc', method: 'devices.list', params: {}, extra: 1 }));
    const envelope = await client.waitFor((m) => m.id === 'abc');
    expect(envelope.result).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    client.socket.send('null');
    await client.waitFor(() => client.messages.filter((m) => m.id === null).length >= 3);

    const after = await client.call('app.info', {});
    expect(after.result).toMatchObject({ ok: true, value: { host: 'node' } });
  });

  it('closes the connection on a message over maxPayload (1009), and the server keeps serving', async () => {
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.socket.send(
      JSON.stringify({ id: 1, method: 'app.info', params: { pad: 'x'.repeat(257 * 1024) } }),
    );
    expect(await closed).toBe(1009);
    const other = await TestClient.open(harness.apiUrl, harness.origin);
    expect((await other.call('app.info', {})).result).toMatchObject({ ok: true });
    other.socket.terminate();
  });

  it('pushes every contract event as {event, payload}', async () => {
    const device = fakeDevice({ path: '/dev/ttyUSB0', protocol: 'contec-cms50-v7' });
    const batch = {
      seq: 7,
      readings: [
        {
          type: 'numeric' as const,
          device: device.id,
          metric: 'MDC_PULS_OXIM_SAT_O2' as const,
          value: 97,
          unit: '%',
          time: '2026-11-25T16:49:08.123Z',
        },
      ],
    };
    await client.call('app.info', {}); // the connection is registered once a reply came back
    harness.backend.emit('readings', batch);
    harness.backend.emit('device.state', device);
    harness.backend.emit('settings.changed', harness.backend.settings);
    expect(await client.waitFor((m) => m.event === 'readings')).toEqual({
      event: 'readings',
      payload: batch,
    });
    expect((await client.waitFor((m) => m.event === 'device.state')).payload).toEqual(device);
    expect((await client.waitFor((m) => m.event === 'settings.changed')).payload).toEqual(
      harness.backend.settings,
    );
  });
});

describe('WebSocket bridge admission and limits', () => {
  it('refuses a foreign Origin, a missing Origin and a rebindable Host with 403 at the upgrade', async () => {
    const harness = await startHarness();
    const port = new URL(harness.origin).port;
    const attempts = [
      { url: harness.apiUrl, headers: { Origin: 'http://evil.example' } },
      { url: harness.apiUrl, headers: {} },
      // DNS rebinding: Origin matches Host, but the Host is a name an attacker controls.
      {
        url: harness.apiUrl,
        headers: { Origin: `http://evil.example:${port}`, Host: `evil.example:${port}` },
      },
    ];
    for (const { url, headers } of attempts) {
      const socket = new WebSocket(url, { headers });
      const status = await new Promise<number | undefined>((resolve) => {
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode));
        socket.once('open', () => resolve(undefined));
        socket.once('error', () => undefined);
      });
      socket.terminate();
      expect(status).toBe(403);
    }
    expect(harness.bridge.clientCount).toBe(0);
    await harness.close();
  });

  it('rate limits a flooding client with error replies, then answers again once it slows down', async () => {
    let nowMs = 0;
    const harness = await startHarness({ rateLimit: { perSecond: 10, burst: 5 }, now: () => nowMs });
    const client = await TestClient.open(harness.apiUrl, harness.origin);
    for (let id = 1; id <= 8; id++)
      client.socket.send(JSON.stringify({ id, method: 'app.info', params: {} }));
    await client.waitFor(() => client.messages.length >= 8);
    const limited = client.messages.filter((m) => m.id === null);
    expect(limited).toHaveLength(3);
    expect(limited[0]?.result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    nowMs += 1000;
    expect((await client.call('app.info', {})).result).toMatchObject({ ok: true });
    client.socket.terminate();
    await harness.close();
  });

  it('unsubscribes from the backend when closed', async () => {
    const harness = await startHarness();
    expect(harness.backend.listenerCount('readings')).toBe(1);
    await harness.close();
    expect(harness.backend.listenerCount('readings')).toBe(0);
  });
});

function rawText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
