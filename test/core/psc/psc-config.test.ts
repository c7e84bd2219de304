import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PscConfigError, pscConfigFromEnv } from '../../../src/core/psc/psc-config';

const SECRET = 'a-client-secret-of-32-characters';
const base = {
  STATION_PSC_ISSUER: 'https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet',
  STATION_PSC_CLIENT_ID: 'teleconsult-station',
  STATION_PSC_CLIENT_SECRET: SECRET,
};

function codeOf(env: NodeJS.ProcessEnv): string {
  try {
    pscConfigFromEnv(env);
  } catch (error) {
    if (error instanceof PscConfigError) {
      // The secret is never part of what a refusal says.
      expect(error.message).not.toContain(SECRET);
      return error.code;
    }
    throw error;
  }
  return 'accepted';
}

test('no issuer: no sign-in asked, invites work as before', () => {
  expect(pscConfigFromEnv({})).toBeNull();
  expect(pscConfigFromEnv({ STATION_PSC_ISSUER: ' ' })).toBeNull();
});

test('a complete configuration, with PSC scopes by default', () => {
  expect(pscConfigFromEnv(base)).toEqual({
    issuer: base.STATION_PSC_ISSUER,
    clientId: 'teleconsult-station',
    clientSecret: SECRET,
    redirectUrl: null,
    scope: 'openid scope_all',
  });
});

test('the secret may come from a file instead of the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'psc-config-'));
  writeFileSync(join(dir, 'secret'), `${SECRET}\n`);
  const { STATION_PSC_CLIENT_SECRET: _, ...rest } = base;
  expect(
    pscConfigFromEnv({ ...rest, STATION_PSC_CLIENT_SECRET_FILE: join(dir, 'secret') })?.clientSecret,
  ).toBe(SECRET);
  expect(codeOf({ ...rest, STATION_PSC_CLIENT_SECRET_FILE: join(dir, 'missing') })).toBe('psc-config-secret');
});

test.each([
  [
    'an http issuer off loopback',
    { STATION_PSC_ISSUER: 'http://auth.example.org/realm' },
    'psc-config-issuer',
  ],
  ['an issuer that is no URL', { STATION_PSC_ISSUER: 'auth.esante.gouv.fr' }, 'psc-config-issuer'],
  ['an issuer with a query', { STATION_PSC_ISSUER: 'https://auth.example.org/?x=1' }, 'psc-config-issuer'],
  [
    'an issuer with credentials',
    { STATION_PSC_ISSUER: 'https://u:p@auth.example.org/' },
    'psc-config-issuer',
  ],
  ['no client id', { STATION_PSC_CLIENT_ID: '' }, 'psc-config-client-id'],
  ['no secret', { STATION_PSC_CLIENT_SECRET: '' }, 'psc-config-secret'],
  ['a short secret', { STATION_PSC_CLIENT_SECRET: 'short' }, 'psc-config-secret'],
  [
    'a redirect elsewhere',
    { STATION_PSC_REDIRECT_URL: 'https://rdv.example.org/other' },
    'psc-config-redirect',
  ],
  ['a scope without openid', { STATION_PSC_SCOPE: 'scope_all' }, 'psc-config-scope'],
])('%s is a config error code at startup', (_name, change, code) => {
  expect(codeOf({ ...base, ...change })).toBe(code);
});

test('a loopback http issuer (the tests’ local provider) and an explicit redirect are accepted', () => {
  const config = pscConfigFromEnv({
    ...base,
    STATION_PSC_ISSUER: 'http://127.0.0.1:4000',
    STATION_PSC_REDIRECT_URL: 'https://rdv.example.org/psc/callback',
  });
  expect(config?.redirectUrl).toBe('https://rdv.example.org/psc/callback');
});
