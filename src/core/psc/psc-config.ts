import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PSC_CALLBACK_PATH } from '../../shared/domain/consultant-identity';

/**
 * Pro Santé Connect settings of a rendezvous (the station's embedded one or `station serve
 * --rendezvous`), from the environment only: the client secret never goes on a command line (`ps`
 * shows it) nor into a log. Without STATION_PSC_ISSUER, no sign-in is asked and invites work as
 * before. A bad setting stops the start with a `PscConfigError` and its code.
 *
 *   STATION_PSC_ISSUER              the OpenID issuer (PSC production: https://auth.esante.gouv.fr/auth/realms/esante-wallet)
 *   STATION_PSC_CLIENT_ID           the client id ANS gave this service
 *   STATION_PSC_CLIENT_SECRET       its secret, or STATION_PSC_CLIENT_SECRET_FILE: a file holding it
 *   STATION_PSC_REDIRECT_URL        optional: where PSC sends the doctor back (default <public URL>/psc/callback)
 *   STATION_PSC_SCOPE               optional: default "openid scope_all" (PSC: the scope that gives the RPPS)
 */
export const PSC_ENV = {
  issuer: 'STATION_PSC_ISSUER',
  clientId: 'STATION_PSC_CLIENT_ID',
  clientSecret: 'STATION_PSC_CLIENT_SECRET',
  clientSecretFile: 'STATION_PSC_CLIENT_SECRET_FILE',
  redirectUrl: 'STATION_PSC_REDIRECT_URL',
  scope: 'STATION_PSC_SCOPE',
} as const;

/** PSC's scopes for the RPPS and the names (industriels.esante.gouv.fr, PSC userinfo). */
export const DEFAULT_PSC_SCOPE = 'openid scope_all';

export const PSC_CONFIG_ERROR_CODES = [
  'psc-config-issuer',
  'psc-config-client-id',
  'psc-config-secret',
  'psc-config-redirect',
  'psc-config-scope',
  'psc-config-redis',
] as const;
export type PscConfigErrorCode = (typeof PSC_CONFIG_ERROR_CODES)[number];

/** A start refused for a PSC setting: `code` first, then words for the operator's log. */
export class PscConfigError extends Error {
  constructor(
    readonly code: PscConfigErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'PscConfigError';
  }
}

export interface PscConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** null: `<this rendezvous's public origin>/psc/callback`, known once it listens. */
  readonly redirectUrl: string | null;
  readonly scope: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http on loopback only (the tests' local provider); no credentials, query or fragment. */
const issuerSchema = z
  .url()
  .max(300)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  });
const clientIdSchema = z.string().regex(/^[\x21-\x7e]{1,200}$/);
const secretSchema = z.string().min(16).max(1000);
const redirectSchema = issuerSchema.refine(
  (value) => URL.canParse(value) && new URL(value).pathname === PSC_CALLBACK_PATH,
);
const scopeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_:.-]+( [A-Za-z0-9_:.-]+){0,15}$/)
  .refine((value) => value.split(' ').includes('openid'));

/** The settings in `env`, or null when no issuer is set (sign-in off). Throws PscConfigError. */
export function pscConfigFromEnv(env: NodeJS.ProcessEnv): PscConfig | null {
  const issuer = nonEmpty(env[PSC_ENV.issuer]);
  if (issuer === undefined) return null;
  if (!issuerSchema.safeParse(issuer).success)
    throw new PscConfigError(
      'psc-config-issuer',
      `${PSC_ENV.issuer} must be an https URL (http only on loopback), without query or fragment`,
    );
  const clientId = nonEmpty(env[PSC_ENV.clientId]);
  if (clientId === undefined || !clientIdSchema.safeParse(clientId).success)
    throw new PscConfigError('psc-config-client-id', `${PSC_ENV.clientId} is missing or not printable ASCII`);
  const clientSecret = secretFrom(env);
  if (!secretSchema.safeParse(clientSecret).success)
    throw new PscConfigError(
      'psc-config-secret',
      `${PSC_ENV.clientSecret} (or ${PSC_ENV.clientSecretFile}) must hold 16 to 1000 characters`,
    );
  const redirectUrl = nonEmpty(env[PSC_ENV.redirectUrl]) ?? null;
  if (redirectUrl !== null && !redirectSchema.safeParse(redirectUrl).success)
    throw new PscConfigError(
      'psc-config-redirect',
      `${PSC_ENV.redirectUrl} must be an https URL (http on loopback) ending in ${PSC_CALLBACK_PATH}`,
    );
  const scope = nonEmpty(env[PSC_ENV.scope]) ?? DEFAULT_PSC_SCOPE;
  if (!scopeSchema.safeParse(scope).success)
    throw new PscConfigError(
      'psc-config-scope',
      `${PSC_ENV.scope} must be space-separated scopes with openid`,
    );
  return { issuer, clientId, clientSecret: clientSecret ?? '', redirectUrl, scope };
}

/** Whether the issuer may be spoken to over plain http (the local test provider only). */
export function isLoopbackIssuer(issuer: string): boolean {
  return LOOPBACK.has(new URL(issuer).hostname);
}

function secretFrom(env: NodeJS.ProcessEnv): string | undefined {
  const direct = nonEmpty(env[PSC_ENV.clientSecret]);
  if (direct !== undefined) return direct;
  const file = nonEmpty(env[PSC_ENV.clientSecretFile]);
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new PscConfigError('psc-config-secret', `${PSC_ENV.clientSecretFile}: cannot read the file`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
