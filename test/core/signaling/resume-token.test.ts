import { createHmac } from 'node:crypto';
import { issueToken } from '../../../src/core/signaling/invite-token';
import {
  issueResumeToken,
  RESUME_TOKEN_TTL_S,
  verifyResumeToken,
} from '../../../src/core/signaling/resume-token';
import { RESUME_TOKEN_MAX_CHARS } from '../../../src/shared/call/signaling';

const SECRET = Buffer.alloc(32, 3);
const NOW = Date.parse('2026-12-05T12:00:00Z');
const SEAT = {
  room: 'room-0123456789abcdef',
  role: 'consultant' as const,
  peer: 'peer-0123456789',
  seat: 'seat-0123456789abcdef',
};

describe('resume tokens', () => {
  it('round-trip room, role, peer and seat nonce, signed, within the documented size', () => {
    const { token, claims } = issueResumeToken(SECRET, { ...SEAT, nowMs: NOW });
    expect(token).toMatch(/^r1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(token.length).toBeLessThanOrEqual(RESUME_TOKEN_MAX_CHARS);
    expect(claims).toEqual({ ...SEAT, iat: NOW / 1000, exp: NOW / 1000 + RESUME_TOKEN_TTL_S });
    expect(verifyResumeToken(SECRET, token, NOW + 1000)).toEqual({ ok: true, claims });
  });

  it('carries a signed-in doctor’s assertion, up to its longest, within the documented size', () => {
    const identity = `psc1.${'a'.repeat(1999)}.${'b'.repeat(43)}`;
    const { token, claims } = issueResumeToken(SECRET, { ...SEAT, nowMs: NOW, identity });
    expect(token.length).toBeLessThanOrEqual(RESUME_TOKEN_MAX_CHARS);
    expect(verifyResumeToken(SECRET, token, NOW)).toEqual({ ok: true, claims: { ...claims, identity } });
    expect(() => issueResumeToken(SECRET, { ...SEAT, nowMs: NOW, identity: 'x'.repeat(2049) })).toThrow();
  });

  it('refuses another key, a changed payload, an invite, and an expired token', () => {
    const { token } = issueResumeToken(SECRET, { ...SEAT, nowMs: NOW });
    expect(verifyResumeToken(Buffer.alloc(32, 4), token, NOW).ok).toBe(false);
    const [version, , signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ ...SEAT, role: 'station', iat: 1, exp: 9e9 })).toString(
      'base64url',
    );
    expect(verifyResumeToken(SECRET, `${version}.${changed}.${signature}`, NOW).ok).toBe(false);
    // An invite signed with the same key is no resume token: the version is part of what is signed.
    const invite = issueToken(SECRET, { room: SEAT.room, role: 'consultant', ttlS: 60, nowMs: NOW }).token;
    expect(verifyResumeToken(SECRET, invite, NOW).ok).toBe(false);
    const asResume = `r1.${invite.split('.')[1]}.${invite.split('.')[2]}`;
    expect(verifyResumeToken(SECRET, asResume, NOW).ok).toBe(false);
    expect(verifyResumeToken(SECRET, token, NOW + RESUME_TOKEN_TTL_S * 1000).ok).toBe(false);
  });

  it('reads nothing but a well-formed, correctly signed payload', () => {
    const signed = `r1.${Buffer.from('{"room":').toString('base64url')}`;
    const forged = `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
    expect(verifyResumeToken(SECRET, forged, NOW)).toEqual({
      ok: false,
      message: 'resume token payload is not JSON',
    });
    expect(verifyResumeToken(SECRET, 'r1.a.b.c', NOW).ok).toBe(false);
  });
});
