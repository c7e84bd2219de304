import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  clientKey,
  createCheckEndpoints,
  withCheckEndpoints,
} from '../../../src/core/signaling/check-endpoints';
import { closeHttp, listen } from '../../../src/core/signaling/http-listen';

/** The rendezvous check endpoints over real HTTP: sizes capped, per-IP rate limit, other paths untouched. */
describe('rendezvous check endpoints', () => {
  let server: Server;
  let base: string;
  let clock = 0;

  beforeAll(async () => {
    const check = createCheckEndpoints({
      limits: {
        maxDownloadBytes: 100_000,
        maxUploadBytes: 50_000,
        requests: { perSecond: 1, burst: 8 },
        transfers: { perSecond: 1, burst: 4 },
      },
      now: () => clock,
    });
    server = createServer(
      withCheckEndpoints(check, (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('static');
      }),
    );
    await listen(server, '127.0.0.1', 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => closeHttp(server));
  beforeEach(() => (clock += 60_000)); // refill the buckets between tests

  it('answers a ping with 204 and no-store, and leaves other paths to the host', async () => {
    const ping = await fetch(`${base}/check/ping`);
    expect(ping.status).toBe(204);
    expect(ping.headers.get('cache-control')).toBe('no-store');
    expect(await (await fetch(`${base}/index.html`)).text()).toBe('static');
  });

  it('leaves a request target that is not a URL (`//`) to the host instead of crashing', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${base}/`, { path: '//' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(200);
    expect((await fetch(`${base}/check/ping`)).status).toBe(204);
  });

  it('sends exactly the bytes asked for, within the cap', async () => {
    const body = await (await fetch(`${base}/check/download?bytes=70000`)).arrayBuffer();
    expect(body.byteLength).toBe(70_000);
    expect((await fetch(`${base}/check/download?bytes=100001`)).status).toBe(400);
    expect((await fetch(`${base}/check/download?bytes=-1`)).status).toBe(400);
  });

  it('counts an upload and refuses one over the cap with 413', async () => {
    const ok = await fetch(`${base}/check/upload`, { method: 'POST', body: new Uint8Array(40_000) });
    expect(await ok.json()).toEqual({ bytes: 40_000 });
    const big = await fetch(`${base}/check/upload`, { method: 'POST', body: new Uint8Array(60_000) });
    expect(big.status).toBe(413);
    expect((await fetch(`${base}/check/upload`)).status).toBe(405);
  });

  it('rate-limits transfers per client IP with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${base}/check/download?bytes=10`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect((await fetch(`${base}/check/download?bytes=10`)).headers.get('retry-after')).toBe('30');
  });

  it('limits an IPv4 client as itself, also behind ::ffff:, and an IPv6 client by its /64', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('2001:db8:0:1::1')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:0DB8:0000:0002::9')).toBe('2001:db8:0:2::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
