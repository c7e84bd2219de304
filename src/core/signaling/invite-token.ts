import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../shared/call/signaling';

/**
 * Invite tokens: `v1.<base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, "v1.<payload>"))>`.
 * The payload says which room and role the bearer may join, until when (`exp`, epoch seconds), and
 * carries a random `jti` so the rendezvous server can let each token join only once (see
 * ReplayGuard). The token is a bearer credential: whoever holds the consultant link may join as
 * the consultant, which is why it is short-lived, single-use and travels in a URL fragment.
 */
export const TOKEN_VERSION = 'v1';
/** A consultant invite stays valid for one hour: long enough to send the link and open it. */
export const CONSULTANT_INVITE_TTL_S = 60 * 60;
/** A station token covers a long clinic session; the station asks for a fresh one on each (re)join. */
export const STATION_TOKEN_TTL_S = 12 * 60 * 60;
/** Shortest accepted signing key: 256 bits, as HMAC-SHA256 gains nothing from more. */
export const MIN_SECRET_BYTES = 32;

/** Earlier rooms a station token names for closing (see `revokes`). */
export const MAX_REVOKED_PER_TOKEN = 4;

const roomId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
export const tokenClaimsSchema = z.strictObject({
  room: roomId,
  role: z.enum(PARTICIPANT_ROLES),
  exp: z.number().int().positive(),
  jti: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /**
   * Station tokens only: rooms the station has left for this one (a new consultation or `newRoom`).
   * A rendezvous that sees it closes them, so earlier links lead nowhere even on a standalone
   * server the station cannot tell directly. Signed like the rest, so only the station can close.
   */
  revokes: z.array(roomId).min(1).max(MAX_REVOKED_PER_TOKEN).optional(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly code: 'bad-token' | 'expired-token'; readonly message: string };

/** A fresh random id (room or jti): 16 random bytes, base64url (22 characters). */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}

export function issueToken(
  secret: Uint8Array,
  grant: {
    room: string;
    role: ParticipantRole;
    ttlS: number;
    nowMs: number;
    revokes?: readonly string[];
  },
): { token: string; claims: TokenClaims } {
  assertSecret(secret);
  const claims = tokenClaimsSchema.parse({
    room: grant.room,
    role: grant.role,
    exp: Math.floor(grant.nowMs / 1000) + Math.max(1, Math.floor(grant.ttlS)),
    jti: randomId(),
    ...(grant.revokes === undefined || grant.revokes.length === 0 ? {} : { revokes: [...grant.revokes] }),
  });
  const signed = `${TOKEN_VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return { token: `${signed}.${sign(secret, signed).toString('base64url')}`, claims };
}

/**
 * Checks the signature first (in constant time), and only then reads the payload: nothing an
 * unauthenticated sender wrote is parsed beyond the three dot-separated parts.
 */
export function verifyToken(secret: Uint8Array, token: string, nowMs: number): TokenCheck {
  assertSecret(secret);
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_VERSION) return bad('not a v1 invite token');
  const [version, payload, signature] = parts as [string, string, string];
  const expected = sign(secret, `${version}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return bad('invite token signature does not match');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return bad('invite token payload is not JSON');
  }
  const claims = tokenClaimsSchema.safeParse(json);
  if (!claims.success) return bad('invite token payload is malformed');
  if (claims.data.exp * 1000 <= nowMs) {
    return { ok: false, code: 'expired-token', message: 'invite token has expired: ask for a new link' };
  }
  return { ok: true, claims: claims.data };
}

function sign(secret: Uint8Array, text: string): Buffer {
  return createHmac('sha256', secret).update(text).digest();
}

function bad(message: string): TokenCheck {
  return { ok: false, code: 'bad-token', message };
}

function assertSecret(secret: Uint8Array): void {
  if (secret.length < MIN_SECRET_BYTES) {
    throw new TypeError(`signaling secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
}
