import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PARTICIPANT_ROLES, RESUME_TOKEN_MAX_CHARS, type ParticipantRole } from '../../shared/call/signaling';
import { MAX_ASSERTION_CHARS } from '../psc/identity-assertion';
import { MIN_SECRET_BYTES, STATION_TOKEN_TTL_S } from './invite-token';

/**
 * Resume tokens: `r1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, "r1.<claims>"))>`,
 * handed to every participant in `joined` and sent back in `resume` to take the same seat again
 * (same peer id) after a reload, a crashed tab, a lost socket or a rendezvous node that went away.
 * Signed with the invite key (STATION_SIGNALING_SECRET), so any node of a network, or an embedded
 * host restarted with the same key, verifies them without shared state. The `r1` prefix is part of
 * what is signed, so an invite (`v1`) can never pass for a resume token or the other way round.
 *
 * A resume token is only as good as its room: the station closing the room (RevokedRooms) and the
 * seat ending (a `leave`, or another participant given the seat) defeat it. It expires after
 * RESUME_TOKEN_TTL_S, which is also how long a closed room is remembered, so an old token can never
 * outlive the memory of its room's closing; every `joined` hands out a fresh one.
 */
export const RESUME_TOKEN_VERSION = 'r1';
export const RESUME_TOKEN_TTL_S = STATION_TOKEN_TTL_S;

const id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const resumeClaimsSchema = z.strictObject({
  room: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  role: z.enum(PARTICIPANT_ROLES),
  /** The seat's peer id, kept across resumes. */
  peer: id,
  /** A random nonce naming this seat: a seat given to someone else gets another. */
  seat: id,
  /** Issued at and expiry, epoch seconds. */
  iat: z.number().int().positive(),
  exp: z.number().int().positive(),
  /**
   * A consultant seat given to a doctor who signed in with Pro Santé Connect: the rendezvous's
   * signed assertion of who they are (core/psc/identity-assertion.ts), so that a seat taken back
   * where its room was forgotten (another node, a restart) still says who holds it. Checked again
   * on its own signature and room when it is used.
   */
  identity: z.string().min(1).max(MAX_ASSERTION_CHARS).optional(),
});
export type ResumeClaims = z.infer<typeof resumeClaimsSchema>;

export type ResumeCheck =
  { readonly ok: true; readonly claims: ResumeClaims } | { readonly ok: false; readonly message: string };

export function issueResumeToken(
  secret: Uint8Array,
  seat: {
    room: string;
    role: ParticipantRole;
    peer: string;
    seat: string;
    nowMs: number;
    identity?: string | undefined;
  },
): { token: string; claims: ResumeClaims } {
  assertSecret(secret);
  const iat = Math.floor(seat.nowMs / 1000);
  const claims = resumeClaimsSchema.parse({
    room: seat.room,
    role: seat.role,
    peer: seat.peer,
    seat: seat.seat,
    iat,
    exp: iat + RESUME_TOKEN_TTL_S,
    ...(seat.identity === undefined ? {} : { identity: seat.identity }),
  });
  const signed = `${RESUME_TOKEN_VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const token = `${signed}.${sign(secret, signed).toString('base64url')}`;
  if (token.length > RESUME_TOKEN_MAX_CHARS) throw new RangeError('resume token too long');
  return { token, claims };
}

/** Signature first, in constant time; the payload is read only once it is known to be ours. */
export function verifyResumeToken(secret: Uint8Array, token: string, nowMs: number): ResumeCheck {
  assertSecret(secret);
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== RESUME_TOKEN_VERSION) return bad('not an r1 resume token');
  const [version, payload, signature] = parts as [string, string, string];
  const expected = sign(secret, `${version}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return bad('resume token signature does not match');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return bad('resume token payload is not JSON');
  }
  const claims = resumeClaimsSchema.safeParse(json);
  if (!claims.success) return bad('resume token payload is malformed');
  if (claims.data.exp * 1000 <= nowMs) return bad('resume token has expired');
  return { ok: true, claims: claims.data };
}

function sign(secret: Uint8Array, text: string): Buffer {
  return createHmac('sha256', secret).update(text).digest();
}

function bad(message: string): ResumeCheck {
  return { ok: false, message };
}

function assertSecret(secret: Uint8Array): void {
  if (secret.length < MIN_SECRET_BYTES)
    throw new TypeError(`signaling secret must be at least ${MIN_SECRET_BYTES} bytes`);
}
