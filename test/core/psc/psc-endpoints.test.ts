import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPscEndpoints } from '../../../src/core/psc/psc-endpoints';
import type { PscService } from '../../../src/core/psc/psc-service';
import type { VerifiedConsultant } from '../../../src/shared/domain/consultant-identity';

const IDENTITY: VerifiedConsultant = {
  verified: true,
  method: 'pro-sante-connect',
  rpps: '10003461033',
  familyName: 'MARTIN',
  givenName: 'Claire',
  issuer: 'https://psc.example',
  acr: 'eidas1',
  at: '2026-12-06T08:00:00.000Z',
};

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
  carry: (invite, to) => (invite === 'good' && to === 'next' ? IDENTITY : 'psc-bad-invite'),
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

test('carry takes both links in its body, and answers the identity or a refusal code', async () => {
  const carried = await post('/psc/carry', JSON.stringify({ invite: 'good', to: 'next' }));
  expect(carried.status).toBe(200);
  expect(await carried.json()).toEqual({ identity: IDENTITY });
  const refused = await post('/psc/carry', JSON.stringify({ invite: 'good', to: 'forged' }));
  expect(refused.status).toBe(400);
  expect(await refused.json()).toEqual({ code: 'psc-bad-invite' });
  expect((await post('/psc/carry', JSON.stringify({ invite: 'good' }))).status).toBe(400);
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

describe('without an issuer configured', () => {
  let off: Server;
  let offBase: string;
  beforeAll(async () => {
    const endpoints = createPscEndpoints(null);
    off = createServer((request, response) => {
      if (!endpoints(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((done) => off.listen(0, '127.0.0.1', done));
    offBase = `http://127.0.0.1:${(off.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => off.close(() => done())));

  test('the session says no sign-in is required (200, no error in the page), and nothing else is answered', async () => {
    const session = await fetch(`${offBase}/psc/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: 'any' }),
    });
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    expect(await session.json()).toEqual({ required: false });
    // Its body is checked as with an issuer.
    const form = await fetch(`${offBase}/psc/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'invite=any',
    });
    expect(form.status).toBe(415);
    // Start and callback are not this rendezvous's paths: the pages handler answers them.
    const start = await fetch(`${offBase}/psc/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: 'any' }),
    });
    expect(start.status).toBe(404);
    expect((await fetch(`${offBase}/psc/callback?code=x&state=y`)).status).toBe(404);
  });
});
