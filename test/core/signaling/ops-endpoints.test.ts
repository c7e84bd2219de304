import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createOpsEndpoints,
  READY_CACHE_MS,
  type OpsEndpointsOptions,
} from '../../../src/core/signaling/ops-endpoints';
import { createRendezvousMetrics } from '../../../src/core/signaling/rendezvous-metrics';
import { fetchLoopback } from './http-fetch';

async function serve(options: OpsEndpointsOptions): Promise<{ url: string; server: Server }> {
  const ops = createOpsEndpoints(options);
  const server = createServer((request, response) => {
    if (!ops(request, response)) response.writeHead(404).end('next handler');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('operations endpoints over real HTTP', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0))
      await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const start = async (options: OpsEndpointsOptions) => {
    const started = await serve(options);
    servers.push(started.server);
    return started.url;
  };
  const metrics = () =>
    createRendezvousMetrics({ sockets: () => 7, rooms: () => 3 }, { processMetrics: false });

  it('/healthz answers ok; /readyz lists the reasons it is not ready, with 503', async () => {
    let reasons: string[] = [];
    let now = 0;
    const url = await start({ notReadyReasons: () => reasons, exposeMetrics: false, now: () => now });
    const health = await fetchLoopback(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect(health.headers['cache-control']).toBe('no-store');
    expect(JSON.parse((await fetchLoopback(`${url}/readyz`)).body)).toEqual({ status: 'ready' });

    reasons = ['draining', 'redis-unreachable'];
    // Within the cache period the last answer stands: a flood of probes does not reach Redis.
    expect((await fetchLoopback(`${url}/readyz`)).status).toBe(200);
    now += READY_CACHE_MS;
    const notReady = await fetchLoopback(`${url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({
      status: 'not-ready',
      reasons: ['draining', 'redis-unreachable'],
    });
  });

  it('a readiness probe that throws means not ready, and says no more', async () => {
    const url = await start({
      notReadyReasons: () => Promise.reject(new Error('ECONNREFUSED 10.1.2.3:6379')),
      exposeMetrics: false,
    });
    const reply = await fetchLoopback(`${url}/readyz`);
    expect(reply.status).toBe(503);
    expect(reply.body).toBe('{"status":"not-ready","reasons":["probe-failed"]}');
  });

  it('a readiness probe that never answers means not ready once its bound has passed', async () => {
    const url = await start({ notReadyReasons: () => new Promise(() => undefined), exposeMetrics: false });
    const reply = await fetchLoopback(`${url}/readyz`);
    expect(reply.status).toBe(503);
    expect(reply.body).toBe('{"status":"not-ready","reasons":["probe-timeout"]}');
  });

  it('answers GET and HEAD only, and leaves other paths to the next handler', async () => {
    const url = await start({ notReadyReasons: () => [], exposeMetrics: false });
    expect((await fetchLoopback(`${url}/healthz`, { method: 'POST' })).status).toBe(405);
    const head = await fetchLoopback(`${url}/healthz`, { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
    expect((await fetchLoopback(`${url}/healthz/x`)).body).toBe('next handler');
    // /metrics not exposed: the same 404 as any unknown path, nothing says it exists.
    expect((await fetchLoopback(`${url}/metrics`)).body).toBe('next handler');
  });

  it('/metrics without a token, where exposed (the loopback listener)', async () => {
    const url = await start({ notReadyReasons: () => [], exposeMetrics: true, metrics: metrics() });
    const reply = await fetchLoopback(`${url}/metrics`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(reply.body).toMatch(/^station_rendezvous_sockets 7$/m);
    expect(reply.body).toMatch(/^station_rendezvous_rooms 3$/m);
  });

  it('/metrics with a token asks for it as a bearer token', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const source = metrics();
    source.joinAccepted('join');
    source.joinRefused('join', 'replayed-token');
    source.relayLatency(2);
    source.redisRoundTrip(0.4);
    const url = await start({
      notReadyReasons: () => [],
      exposeMetrics: true,
      metrics: source,
      metricsToken: token,
    });
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: `Bearer ${token}x` },
      { Authorization: token },
    ]) {
      const refused = await fetchLoopback(`${url}/metrics`, { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      expect(refused.body).not.toContain('station_');
    }
    const reply = await fetchLoopback(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('station_rendezvous_joins_total{kind="join",result="accepted",code=""} 1');
    expect(reply.body).toContain(
      'station_rendezvous_joins_total{kind="join",result="refused",code="replayed-token"} 1',
    );
    expect(reply.body).toContain(
      'station_rendezvous_relay_latency_seconds_bucket{le="0.0025",path="local"} 1',
    );
    expect(reply.body).toContain('station_rendezvous_redis_round_trip_seconds_count 1');
  });
});
