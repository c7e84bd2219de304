import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPscClient, type PscChecks } from '../../../src/core/psc/psc-client';

/**
 * The ID token's signature is checked against the provider's published keys (psc-client.ts,
 * `enableNonRepudiationChecks`), not only its claims: a token whose claims are all right but which
 * another key signed (under the published key's id) is refused. The provider here is a minimal
 * OpenID provider on loopback (discovery, JWKS, token, userinfo) that this test controls; the
 * PSC-shaped oidc-provider of psc-service.test.ts covers the rest of the flow.
 */
const CLIENT_ID = 'teleconsult-station-test';
const KID = 'psc-test-key';
const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const CHECKS: PscChecks = {
  state: 'state-0123456789abcdefghijklmnop',
  nonce: 'nonce-0123456789abcdefghijklmnop',
  codeVerifier: 'verifier-0123456789abcdefghijklmnopqrstuvwxyz',
};

function jwt(claims: Record<string, unknown>, key: KeyObject): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: KID })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

describe('the ID token signature', () => {
  let server: Server;
  let issuer = '';
  let signingKey: KeyObject = published.privateKey;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', issuer).pathname;
      const json = (body: unknown): void => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (path === '/.well-known/openid-configuration')
        return json({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
        });
      if (path === '/jwks')
        return json({
          keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }],
        });
      if (path === '/token') {
        request.resume();
        const nowS = Math.floor(Date.now() / 1000);
        return json({
          access_token: 'access-token-0123456789',
          token_type: 'Bearer',
          expires_in: 60,
          id_token: jwt(
            {
              iss: issuer,
              aud: CLIENT_ID,
              sub: 'psc-subject-1',
              nonce: CHECKS.nonce,
              acr: 'eidas1',
              iat: nowS,
              exp: nowS + 120,
              auth_time: nowS - 5,
            },
            signingKey,
          ),
        });
      }
      if (path === '/userinfo')
        return json({
          sub: 'psc-subject-1',
          SubjectNameID: '810003461033',
          given_name: 'Claire',
          family_name: 'MARTIN',
        });
      response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });

  const finish = () => {
    const client = createPscClient({
      issuer,
      clientId: CLIENT_ID,
      clientSecret: 'psc-test-client-secret-0123456789',
      redirectUrl: null,
      scope: 'openid scope_all',
    });
    const redirect = 'http://127.0.0.1:1/psc/callback';
    return client.finish(new URL(`${redirect}?code=code-0123&state=${CHECKS.state}`), CHECKS, redirect);
  };

  it('signed with the published key: the doctor is verified', async () => {
    signingKey = published.privateKey;
    await expect(finish()).resolves.toMatchObject({
      ok: true,
      identity: { rpps: '10003461033', givenName: 'Claire', familyName: 'MARTIN', acr: 'eidas1' },
    });
  });

  it('the same claims signed by another key under the published key id: refused', async () => {
    signingKey = other.privateKey;
    await expect(finish()).resolves.toEqual({ ok: false, code: 'psc-refused' });
  });
});
