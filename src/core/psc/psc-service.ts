import { randomBytes } from 'node:crypto';
import {
  PSC_CALLBACK_PATH,
  type PscRefusalCode,
  type PscSession,
  type VerifiedConsultant,
} from '../../shared/domain/consultant-identity';
import { STATION_TOKEN_TTL_S, verifyToken, type TokenClaims } from '../signaling/invite-token';
import { ExpiringStore } from './expiring-store';
import { signAssertion } from './identity-assertion';
import { createPscClient, type PscChecks, type PscClient } from './psc-client';
import type { PscConfig } from './psc-config';

/**
 * Pro Santé Connect sign-in on a rendezvous: binds a verified doctor to the consultant invite they
 * hold (its `jti`), so that the rooms seat that invite only once signed in, and tell the station
 * who it is (a signed assertion, identity-assertion.ts). The invite itself proves the doctor was
 * invited; the sign-in proves who they are.
 *
 * State kept here is bounded: pending sign-ins (MAX_PENDING, PENDING_TTL_MS, at most
 * MAX_PENDING_PER_INVITE per invite, each `state` usable once) and verified identities (one per
 * invite, MAX_IDENTITIES, until the invite expires). Single node: a standalone rendezvous with
 * Redis does not share them (psc-config-redis refuses that start).
 */
export interface PscService {
  /** Whether this invite's doctor must sign in, and who they are once they have. */
  session(invite: string): PscSession | 'psc-bad-invite';
  /** A new sign-in for this invite: the provider's URL to send the doctor to. */
  start(invite: string): Promise<{ readonly url: string } | { readonly code: PscRefusalCode }>;
  /** The provider sent the doctor back: `ok`, or why not (the fragment for the doctor's page). */
  callback(callbackUrl: URL): Promise<'ok' | PscRefusalCode>;
  /**
   * The page that holds `invite`, whose doctor signed in, was handed `to`, another consultant link
   * of this station (after the end, the report-only room's): the same verified doctor is bound to
   * it, so the page goes on without a second trip to the provider. Holding both links is the
   * proof, as holding the invite was at the sign-in; `to` never changes doctor once bound.
   */
  carry(invite: string, to: string): VerifiedConsultant | PscRefusalCode;
  /**
   * For the rooms (rendezvous-server.ts): the signed assertion of this consultant invite's
   * verified doctor, or null when they have not signed in (the join is refused `psc-required`).
   */
  assertionFor(claims: TokenClaims): string | null;
}

export interface PscServiceOptions {
  readonly config: PscConfig;
  /** The signaling secret: invites are checked with it, assertions signed with it. */
  readonly secret: Uint8Array;
  /** This rendezvous's public origin (`https://rdv.example.org`), for the default redirect URL. */
  readonly publicOrigin: () => string;
  readonly now?: () => number;
  /** Tests: a client of their own; default openid-client against `config.issuer`. */
  readonly client?: PscClient;
}

/** A doctor has this long at the provider (CPS card PIN, e-CPS on the phone). */
export const PENDING_TTL_MS = 10 * 60 * 1000;
export const MAX_PENDING = 256;
export const MAX_PENDING_PER_INVITE = 4;
export const MAX_IDENTITIES = 1024;

interface Pending extends PscChecks {
  readonly invite: string;
  readonly room: string;
  readonly inviteExpMs: number;
}

interface Bound {
  readonly identity: VerifiedConsultant;
  readonly assertion: string;
}

export function createPscService(options: PscServiceOptions): PscService {
  const now = options.now ?? Date.now;
  const client = options.client ?? createPscClient(options.config, now);
  const pending = new ExpiringStore<Pending>(MAX_PENDING);
  const identities = new ExpiringStore<Bound>(MAX_IDENTITIES);
  const redirectUrl = (): string =>
    options.config.redirectUrl ?? new URL(PSC_CALLBACK_PATH, options.publicOrigin()).toString();
  const consultantInvite = (invite: string): TokenClaims | null => {
    const check = verifyToken(options.secret, invite, now());
    return check.ok && check.claims.role === 'consultant' ? check.claims : null;
  };
  /** The verified doctor of this invite, with the rendezvous's signed word for the station. */
  const bind = (
    link: Pick<Pending, 'invite' | 'room' | 'inviteExpMs'>,
    identity: VerifiedConsultant,
  ): boolean => {
    const nowMs = now();
    // The seat an invite opens, and its resume tokens, live up to a station token's lifetime.
    const keepUntilMs = Math.max(link.inviteExpMs, nowMs) + STATION_TOKEN_TTL_S * 1000;
    const assertion = signAssertion(options.secret, {
      invite: link.invite,
      room: link.room,
      exp: Math.floor(keepUntilMs / 1000),
      identity,
    });
    return identities.set(link.invite, { identity, assertion }, keepUntilMs, nowMs);
  };
  return {
    session(invite) {
      const claims = consultantInvite(invite);
      if (claims === null) return 'psc-bad-invite';
      return { required: true, identity: identities.get(claims.jti, now())?.identity ?? null };
    },
    async start(invite) {
      const claims = consultantInvite(invite);
      if (claims === null) return { code: 'psc-bad-invite' };
      const nowMs = now();
      if (pending.count((entry) => entry.invite === claims.jti, nowMs) >= MAX_PENDING_PER_INVITE)
        return { code: 'psc-busy' };
      // 256 random bits each, base64url (a PKCE verifier of 43 characters, RFC 7636 §4.1).
      const checks: PscChecks = { state: random(), nonce: random(), codeVerifier: random() };
      const url = await client.authorizationUrl(checks, redirectUrl());
      if (url === 'psc-unavailable') return { code: url };
      const entry: Pending = {
        ...checks,
        invite: claims.jti,
        room: claims.room,
        inviteExpMs: claims.exp * 1000,
      };
      if (!pending.set(checks.state, entry, nowMs + PENDING_TTL_MS, nowMs)) return { code: 'psc-busy' };
      return { url: url.toString() };
    },
    async callback(callbackUrl) {
      const state = callbackUrl.searchParams.get('state');
      // One use: taken out before anything else, whatever the outcome.
      const login = state === null ? undefined : pending.take(state, now());
      if (login === undefined) return 'psc-state-unknown';
      const check = await client.finish(callbackUrl, login, redirectUrl());
      if (!check.ok) return check.code;
      return bind(login, check.identity) ? 'ok' : 'psc-busy';
    },
    carry(invite, to) {
      const from = consultantInvite(invite);
      const target = consultantInvite(to);
      if (from === null || target === null) return 'psc-bad-invite';
      const nowMs = now();
      const identity = identities.get(from.jti, nowMs)?.identity;
      if (identity === undefined) return 'psc-refused';
      const already = identities.get(target.jti, nowMs)?.identity;
      if (already !== undefined) return already.rpps === identity.rpps ? already : 'psc-refused';
      return bind({ invite: target.jti, room: target.room, inviteExpMs: target.exp * 1000 }, identity)
        ? identity
        : 'psc-busy';
    },
    assertionFor(claims) {
      return identities.get(claims.jti, now())?.assertion ?? null;
    },
  };
}

function random(): string {
  return randomBytes(32).toString('base64url');
}
