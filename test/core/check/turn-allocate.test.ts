import { existsSync } from 'node:fs';
import { turnCredential } from '../../../src/core/signaling/turn-credentials';
import { probeTurn } from '../../../src/core/check/turn/turn-allocate';
import { parseTurnUrl } from '../../../src/core/check/turn/turn-url';
import { FORBIDDEN_PEER_PROBES } from '../../../src/core/check/turn/turn-permission';
import { freePort, startCoturn, type Coturn } from '../../e2e/call-turn';

const haveCoturn = existsSync('/usr/bin/turnserver');

/** Our Allocate client against a real coturn (use-auth-secret), over UDP and TCP. */
(haveCoturn ? describe : describe.skip)('TURN Allocate against a real coturn', () => {
  let coturn: Coturn;

  beforeAll(async () => {
    coturn = await startCoturn();
  }, 15_000);
  afterAll(() => coturn?.stop());

  it.each(['udp', 'tcp'] as const)('allocates a relay over %s with a REST credential', async (transport) => {
    const { username, credential } = turnCredential(coturn.secret, 'check-test', Date.now());
    const result = await probeTurn({
      endpoint: parseTurnUrl(coturn.url),
      transport,
      username,
      password: credential,
    });
    expect(result).toMatchObject({ ok: true, transport, relayed: { family: 'IPv4', address: '127.0.0.1' } });
    if (result.ok) expect(result.rttMs).toBeGreaterThanOrEqual(0);
  });

  it('is refused every private or loopback peer but the one address the test relay allows', async () => {
    const { username, credential } = turnCredential(coturn.secret, 'check-test', Date.now());
    const result = await probeTurn({
      endpoint: parseTurnUrl(coturn.url),
      transport: 'udp',
      username,
      password: credential,
      peerProbes: [...FORBIDDEN_PEER_PROBES, '127.0.0.1'],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.peerPolicy).toEqual({
      granted: ['127.0.0.1'],
      refused: FORBIDDEN_PEER_PROBES,
      unclear: [],
    });
  });

  it.each(['udp', 'tcp'] as const)('reports a wrong secret over %s as auth-failed', async (transport) => {
    const { username, credential } = turnCredential('not-the-secret', 'check-test', Date.now());
    const result = await probeTurn({
      endpoint: parseTurnUrl(coturn.url),
      transport,
      username,
      password: credential,
    });
    expect(result).toMatchObject({ ok: false, reason: 'auth-failed', code: 401 });
  });
});

describe('TURN Allocate with nothing listening', () => {
  it.each(['udp', 'tcp'] as const)('fails fast over %s as refused', async (transport) => {
    const port = await freePort();
    const result = await probeTurn({
      endpoint: { host: '127.0.0.1', port, secure: false },
      transport,
      username: 'u',
      password: 'p',
      timeoutMs: 3000,
    });
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
  });
});
