import * as oidc from 'openid-client';
import { PSC_ACR, type PscRefusalCode } from '../../shared/domain/consultant-identity';
import { identityFromClaims, type IdentityCheck } from './psc-claims';
import { isLoopbackIssuer, type PscConfig } from './psc-config';

/**
 * The rendezvous as a confidential OpenID client of Pro Santé Connect (openid-client 6): the
 * authorization code flow with PKCE S256, `state`, `nonce` and `acr_values=eidas1`; the code is
 * exchanged here, server side, with the client secret, and the ID token's signature, issuer,
 * audience, nonce and times are checked by openid-client, then issuer, times and `acr` again by
 * psc-claims.ts against the injected clock. Errors come back as refusal codes, never thrown, and
 * never carry a token.
 */
export interface PscChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface PscClient {
  /** The provider's authorization URL for a new sign-in, or `psc-unavailable`. */
  authorizationUrl(checks: PscChecks, redirectUrl: string): Promise<URL | 'psc-unavailable'>;
  /** The doctor is back at `callbackUrl`: exchange the code and check who signed in. */
  finish(callbackUrl: URL, checks: PscChecks, redirectUrl: string): Promise<IdentityCheck>;
}

/** A provider that does not answer within this is `psc-unavailable`. */
const REQUEST_TIMEOUT_S = 10;

export function createPscClient(config: PscConfig, now: () => number = Date.now): PscClient {
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        oidc.ClientSecretBasic(config.clientSecret),
        {
          timeout: REQUEST_TIMEOUT_S,
          // The ID token's signature is checked against the provider's published keys (jwks_uri):
          // openid-client would otherwise rely on the token endpoint's TLS alone (OIDC Core
          // §3.1.3.7), and the record claims who signed.
          execute: [
            oidc.enableNonRepudiationChecks,
            ...(isLoopbackIssuer(config.issuer) ? [oidc.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((cause: unknown) => {
        discovered = null; // the next sign-in asks again
        throw cause;
      });
    return discovered;
  };
  return {
    async authorizationUrl(checks, redirectUrl) {
      try {
        const server = await configuration();
        return oidc.buildAuthorizationUrl(server, {
          redirect_uri: redirectUrl,
          scope: config.scope,
          response_type: 'code',
          state: checks.state,
          nonce: checks.nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
          code_challenge_method: 'S256',
          acr_values: PSC_ACR,
        });
      } catch {
        return 'psc-unavailable';
      }
    },
    async finish(callbackUrl, checks, redirectUrl) {
      // The doctor cancelled, or the provider refused, before any code: no exchange.
      const error = callbackUrl.searchParams.get('error');
      if (error !== null)
        return { ok: false, code: error === 'access_denied' ? 'psc-cancelled' : 'psc-refused' };
      try {
        const server = await configuration();
        // openid-client compares the callback with the redirect URL it was sent to.
        const current = new URL(redirectUrl);
        current.search = callbackUrl.search;
        const tokens = await oidc.authorizationCodeGrant(server, current, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (claims === undefined) return { ok: false, code: 'psc-refused' };
        const userinfo = await oidc.fetchUserInfo(server, tokens.access_token, claims.sub);
        return identityFromClaims(claims, userinfo, { issuer: server.serverMetadata().issuer, nowMs: now() });
      } catch (cause) {
        return { ok: false, code: refusalOf(cause) };
      }
    },
  };
}

/** What an openid-client error means for the doctor: which check failed, never its details. */
export function refusalOf(cause: unknown): PscRefusalCode {
  for (let error = cause, depth = 0; error instanceof Error && depth < 4; depth += 1) {
    const { message } = error;
    const code = (error as { code?: unknown }).code;
    if ((error as { error?: unknown }).error === 'access_denied') return 'psc-cancelled';
    if (/"iss"|issuer/.test(message)) return 'psc-wrong-issuer';
    if (/"aud"|"azp"|"nonce"/.test(message)) return 'psc-wrong-audience';
    if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'psc-expired';
    if (error.name === 'TypeError' && /fetch failed/.test(message)) return 'psc-unavailable';
    if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || error.name === 'TimeoutError')
      return 'psc-unavailable';
    error = error.cause;
  }
  return 'psc-refused';
}
