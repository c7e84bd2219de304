import { randomBytes } from 'node:crypto';
import { verifyAssertion } from '../../../src/core/psc/identity-assertion';
import { DEFAULT_PSC_SCOPE, type PscConfig } from '../../../src/core/psc/psc-config';
import { createPscService, PENDING_TTL_MS, type PscService } from '../../../src/core/psc/psc-service';
import { issueToken, type TokenClaims } from '../../../src/core/signaling/invite-token';
import { signInAtProvider, startPscTestProvider, type PscTestProvider } from '../../helpers/psc-provider';

/**
 * The sign-in against a real OpenID provider shaped like Pro Santé Connect (oidc-provider on
 * loopback, its own process): PKCE S256, state, nonce, acr eidas1, the code exchanged server side,
 * and each refusal as its code. The station's clock is injected: the provider's is the wall clock.
 */
const REDIRECT = 'http://127.0.0.1:9/psc/callback';
const T0 = Date.now();

let provider: PscTestProvider;
beforeAll(async () => {
  provider = await startPscTestProvider({ redirectUrls: [REDIRECT] });
}, 20_000);
afterAll(() => provider.stop());

function setUp(issuer = provider.issuer) {
  const secret = randomBytes(32);
  let clock = T0;
  const config: PscConfig = {
    issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUrl: REDIRECT,
    scope: DEFAULT_PSC_SCOPE,
  };
  const service = createPscService({
    config,
    secret,
    publicOrigin: () => 'http://127.0.0.1:9',
    now: () => clock,
  });
  const invite = issueToken(secret, {
    room: 'room-psc-test-0001',
    role: 'consultant',
    ttlS: 3600,
    nowMs: T0,
  });
  return {
    service,
    secret,
    invite,
    advance: (ms: number) => (clock += ms),
    /** The station's clock this long after the wall clock's now (when the provider issued). */
    setAfterWallClock: (ms: number) => (clock = Date.now() + ms),
  };
}

async function signIn(
  service: PscService,
  token: string,
  choice: Parameters<typeof signInAtProvider>[2] = { action: 'login' },
): Promise<URL> {
  const started = await service.start(token);
  if (!('url' in started)) throw new Error(`start refused: ${started.code}`);
  const url = new URL(started.url);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('acr_values')).toBe('eidas1');
  expect(url.searchParams.get('scope')).toBe('openid scope_all');
  expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  expect(url.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  return signInAtProvider(started.url, REDIRECT, choice);
}

const claimsOf = (invite: { claims: TokenClaims }) => invite.claims;

test('a doctor who signs in with eidas1 is bound to their invite, and the station can check who it is', async () => {
  const { service, secret, invite } = setUp();
  expect(service.session(invite.token)).toEqual({ required: true, identity: null });
  expect(service.assertionFor(claimsOf(invite))).toBeNull();

  const back = await signIn(service, invite.token);
  expect(await service.callback(back)).toBe('ok');

  const expected = {
    verified: true,
    method: 'pro-sante-connect',
    rpps: '10003461033',
    familyName: 'MARTIN',
    givenName: 'Claire',
    issuer: provider.issuer,
    acr: 'eidas1',
  };
  const session = service.session(invite.token);
  if (session === 'psc-bad-invite' || !session.required) throw new Error('expected a session');
  expect(session.identity).toEqual(expect.objectContaining(expected));
  const assertion = service.assertionFor(claimsOf(invite));
  expect(assertion).not.toBeNull();
  const claims = verifyAssertion(secret, assertion ?? '', T0);
  expect(claims?.invite).toBe(invite.claims.jti);
  expect(claims?.room).toBe(invite.claims.room);
  expect(claims?.identity).toEqual(expect.objectContaining(expected));
  // Another key (another station) cannot read it as its own.
  expect(verifyAssertion(randomBytes(32), assertion ?? '', T0)).toBeNull();
}, 20_000);

test('a state is used once: the same callback replayed is psc-state-unknown', async () => {
  const { service, invite } = setUp();
  const back = await signIn(service, invite.token);
  expect(await service.callback(back)).toBe('ok');
  expect(await service.callback(back)).toBe('psc-state-unknown');
  expect(await service.callback(new URL(`${REDIRECT}?code=x&state=never-issued`))).toBe('psc-state-unknown');
}, 20_000);

test('a sign-in at another level than eidas1 is psc-wrong-acr, and binds nothing', async () => {
  const { service, invite } = setUp();
  const back = await signIn(service, invite.token, { action: 'login', acr: 'weak' });
  expect(await service.callback(back)).toBe('psc-wrong-acr');
  expect(service.session(invite.token)).toEqual({ required: true, identity: null });
  expect(service.assertionFor(claimsOf(invite))).toBeNull();
}, 20_000);

test('a doctor who cancels at the provider is psc-cancelled', async () => {
  const { service, invite } = setUp();
  const back = await signIn(service, invite.token, { action: 'abort' });
  expect(back.searchParams.get('error')).toBe('access_denied');
  expect(await service.callback(back)).toBe('psc-cancelled');
}, 20_000);

test('an ID token past its expiry by the station clock is psc-expired', async () => {
  const { service, invite, setAfterWallClock } = setUp();
  const back = await signIn(service, invite.token);
  // The provider's ID tokens live 120 s: the doctor comes back (by the station's clock) after that,
  // still within the pending sign-in's own lifetime.
  setAfterWallClock(121_000);
  expect(await service.callback(back)).toBe('psc-expired');
}, 20_000);

test('a pending sign-in older than its lifetime is forgotten: psc-state-unknown', async () => {
  const { service, invite, advance } = setUp();
  const back = await signIn(service, invite.token);
  advance(PENDING_TTL_MS + 1);
  expect(await service.callback(back)).toBe('psc-state-unknown');
}, 20_000);

test('tokens from another issuer than the configured one are psc-wrong-issuer', async () => {
  // The impostor publishes the real provider's endpoints under its own name.
  const { service, invite } = setUp(provider.impostor);
  const back = await signIn(service, invite.token);
  expect(await service.callback(back)).toBe('psc-wrong-issuer');
  expect(service.session(invite.token)).toEqual({ required: true, identity: null });
}, 20_000);

test('an unreachable provider is psc-unavailable; a forged or station invite is psc-bad-invite', async () => {
  const { service: offline, invite } = setUp('http://127.0.0.1:9');
  expect(await offline.start(invite.token)).toEqual({ code: 'psc-unavailable' });
  const { service, secret } = setUp();
  const foreign = issueToken(randomBytes(32), {
    room: 'room-psc-test-0001',
    role: 'consultant',
    ttlS: 60,
    nowMs: T0,
  });
  expect(await service.start(foreign.token)).toEqual({ code: 'psc-bad-invite' });
  expect(service.session(foreign.token)).toBe('psc-bad-invite');
  const station = issueToken(secret, { room: 'room-psc-test-0001', role: 'station', ttlS: 60, nowMs: T0 });
  expect(service.session(station.token)).toBe('psc-bad-invite');
}, 20_000);

test('pending sign-ins per invite are bounded: the fifth at once is psc-busy', async () => {
  const { service, invite } = setUp();
  for (let i = 0; i < 4; i += 1) expect(await service.start(invite.token)).toHaveProperty('url');
  expect(await service.start(invite.token)).toEqual({ code: 'psc-busy' });
}, 20_000);

test('a signed-in invite carries its doctor to another link of the station (the report-only room), never a sign-in it lacks', async () => {
  const { service, secret, invite } = setUp();
  const reportLink = issueToken(secret, {
    room: 'room-psc-report-0001',
    role: 'consultant',
    ttlS: 3600,
    nowMs: T0,
  });
  // Before the sign-in there is nothing to carry.
  expect(service.carry(invite.token, reportLink.token)).toBe('psc-refused');
  expect(service.assertionFor(claimsOf(reportLink))).toBeNull();
  expect(await service.callback(await signIn(service, invite.token))).toBe('ok');

  const carried = service.carry(invite.token, reportLink.token);
  expect(carried).toMatchObject({ verified: true, rpps: '10003461033' });
  const claims = verifyAssertion(secret, service.assertionFor(claimsOf(reportLink)) ?? '', T0);
  expect(claims).toMatchObject({ invite: reportLink.claims.jti, room: 'room-psc-report-0001' });
  expect(claims?.identity.rpps).toBe('10003461033');
  // Again: the same doctor, the same answer.
  expect(service.carry(invite.token, reportLink.token)).toEqual(carried);
  // A link of another station (another key), or a station's own token, is not carried to.
  const foreign = issueToken(randomBytes(32), {
    room: 'room-psc-report-0002',
    role: 'consultant',
    ttlS: 60,
    nowMs: T0,
  });
  expect(service.carry(invite.token, foreign.token)).toBe('psc-bad-invite');
  const stationToken = issueToken(secret, {
    room: 'room-psc-report-0003',
    role: 'station',
    ttlS: 60,
    nowMs: T0,
  });
  expect(service.carry(invite.token, stationToken.token)).toBe('psc-bad-invite');
  expect(service.carry(stationToken.token, reportLink.token)).toBe('psc-bad-invite');
}, 20_000);
