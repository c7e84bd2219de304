import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { verifiedConsultantSchema } from '../../shared/domain/consultant-identity';

/**
 * The rendezvous's word to the station that the doctor holding invite `invite` (its `jti`) in
 * `room` signed in with Pro Santé Connect as `identity`:
 * `psc1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(key, "psc1.<claims>"))>`, where the key is
 * derived from the signaling secret the station and its rendezvous share (so an assertion is never
 * mistaken for an invite or a resume token). It reaches the station inside the rendezvous's
 * `peer-joined`, through the station's own page; the backend checks it, so neither page can forge
 * or move it to another invite.
 */
export const ASSERTION_VERSION = 'psc1';
/** Longest assertion a peer may carry (a signed identity is ~500 characters). */
export const MAX_ASSERTION_CHARS = 2048;

const jti = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
export const assertionClaimsSchema = z.strictObject({
  invite: jti,
  room: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  exp: z.number().int().positive(),
  identity: verifiedConsultantSchema,
});
export type AssertionClaims = z.infer<typeof assertionClaimsSchema>;

export function signAssertion(secret: Uint8Array, claims: AssertionClaims): string {
  const signed = `${ASSERTION_VERSION}.${Buffer.from(JSON.stringify(assertionClaimsSchema.parse(claims))).toString('base64url')}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
}

/** The claims, if the signature holds and it has not expired; else null. The MAC is checked first. */
export function verifyAssertion(
  secret: Uint8Array,
  assertion: string,
  nowMs: number,
): AssertionClaims | null {
  if (assertion.length > MAX_ASSERTION_CHARS) return null;
  const parts = assertion.split('.');
  if (parts.length !== 3 || parts[0] !== ASSERTION_VERSION) return null;
  const [version, payload, signature] = parts as [string, string, string];
  const expected = mac(secret, `${version}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = assertionClaimsSchema.safeParse(json);
  if (!claims.success || claims.data.exp * 1000 <= nowMs) return null;
  return claims.data;
}

function mac(secret: Uint8Array, text: string): Buffer {
  const key = createHmac('sha256', secret).update('teleconsult psc identity assertion v1').digest();
  return createHmac('sha256', key).update(text).digest();
}
