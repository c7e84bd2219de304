import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPscEndpoints } from '../../../src/core/psc/psc-endpoints';
import type { PscService } from '../../../src/core/psc/psc-service';

/** The HTTP doors alone, over a real loopback socket, with a service that records its calls. */
let server: Server;
let base: string;
const calls: string[] = [];
const service: PscService = {
  session: (invite) => (invite === 'good' ? { required: true, identity: null } : 'psc-bad-invite'),
  start: (invite) =>
    Promise.resolve(invite === 'good' ? { url: 'https://psc.example/auth?x=1' } : { code: 'psc-bad-invite' }),
  callback: (url) => {
    calls.push(url.search);
    return Promise.resolve(url.searchParams.get('error') === 'access_denied' ? 'psc-cancelled' : 'ok');
  },
  assertionFor: () => null,
};

beforeAll(async () => {
  const endpoints = createPscEndpoints(service);
  server = createServer((request, response) => {
    if (!endpoints(request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const post = (path: string, body: string, type = 'application/json') =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

test('session and start answer JSON, never cached', async () => {
  const session = await post('/psc/session', JSON.stringify({ invite: 'good' }));
  expect(session.status).toBe(200);
  expect(session.headers.get('cache-control')).toBe('no-store');
  expect(await session.json()).toEqual({ required: true, identity: null });
  const start = await post('/psc/start', JSON.stringify({ invite: 'good' }));
  expect(await start.json()).toEqual({ url: 'https://psc.example/auth?x=1' });
  const bad = await post('/psc/start', JSON.stringify({ invite: 'forged' }));
  expect(bad.status).toBe(400);
  expect(await bad.json()).toEqual({ code: 'psc-bad-invite' });
});

test('only a JSON body of the expected shape and size is read', async () => {
  expect((await post('/psc/start', 'invite=good', 'application/x-www-form-urlencoded')).status).toBe(415);
  expect((await post('/psc/start', '{"invite":')).status).toBe(400);
  expect((await post('/psc/start', JSON.stringify({ invite: 'good', more: 1 }))).status).toBe(400);
  expect((await post('/psc/start', JSON.stringify({ invite: 'x'.repeat(5000) }))).status).toBe(413);
  expect((await fetch(`${base}/psc/start`)).status).toBe(405);
});

test('the callback sends the doctor back to the page with only the outcome in the fragment', async () => {
  const ok = await fetch(`${base}/psc/callback?code=abc&state=s1`, { redirect: 'manual' });
  expect(ok.status).toBe(303);
  expect(ok.headers.get('location')).toBe('/consultant.html#psc=ok');
  expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
  const cancelled = await fetch(`${base}/psc/callback?error=access_denied&state=s2`, { redirect: 'manual' });
  expect(cancelled.headers.get('location')).toBe('/consultant.html#psc=psc-cancelled');
  expect(calls).toEqual(['?code=abc&state=s1', '?error=access_denied&state=s2']);
  expect((await fetch(`${base}/psc/callback`, { method: 'POST' })).status).toBe(405);
});
