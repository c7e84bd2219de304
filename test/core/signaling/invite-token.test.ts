import { createHmac } from 'node:crypto';
import {
  issueToken,
  MIN_SECRET_BYTES,
  verifyToken,
  type TokenClaims,
} from '../../../src/core/signaling/invite-token';

const SECRET = Buffer.alloc(32, 1);
const NOW = Date.parse('2026-11-25T12:00:00Z');
const ROOM = 'room-0123456789abcdef';

function forge(claims: unknown, secret: Uint8Array = SECRET): string {
  const signed = `v1.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

describe('invite tokens', () => {
  it('round-trips room, role and expiry, with a fresh jti each time', () => {
    const a = issueToken(SECRET, { room: ROOM, role: 'consultant', ttlS: 3600, nowMs: NOW });
    const b = issueToken(SECRET, { room: ROOM, role: 'consultant', ttlS: 3600, nowMs: NOW });
    expect(a.token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(a.claims).toMatchObject({ room: ROOM, role: 'consultant', exp: NOW / 1000 + 3600 });
    expect(a.claims.jti).not.toBe(b.claims.jti);
    expect(verifyToken(SECRET, a.token, NOW)).toEqual({ ok: true, claims: a.claims });
  });

  it('follows the documented layout: v1.<base64url JSON>.<base64url HMAC-SHA256>', () => {
    const claims: TokenClaims = {
      room: ROOM,
      role: 'station',
      exp: NOW / 1000 + 60,
      jti: 'jti-0123456789abcdef',
    };
    expect(verifyToken(SECRET, forge(claims), NOW)).toEqual({ ok: true, claims });
  });

  it('expires at exp', () => {
    const { token } = issueToken(SECRET, { room: ROOM, role: 'station', ttlS: 60, nowMs: NOW });
    expect(verifyToken(SECRET, token, NOW + 59_999).ok).toBe(true);
    expect(verifyToken(SECRET, token, NOW + 60_000)).toMatchObject({ ok: false, code: 'expired-token' });
  });

  it('rejects a changed payload, signature, version or key', () => {
    const { token } = issueToken(SECRET, { room: ROOM, role: 'consultant', ttlS: 60, nowMs: NOW });
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const asStation = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('consultant', 'station'),
    ).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
    for (const bad of [
      `${version}.${asStation}.${signature}`,
      `${version}.${payload}.${flipped}`,
      `${version}.${payload}.`,
      `v2.${payload}.${signature}`,
      `${version}.${payload}`,
      `${token}.x`,
      '',
    ]) {
      expect(verifyToken(SECRET, bad, NOW)).toMatchObject({ ok: false, code: 'bad-token' });
    }
    expect(verifyToken(Buffer.alloc(32, 2), token, NOW)).toMatchObject({ ok: false, code: 'bad-token' });
  });

  it('rejects a correctly signed payload that is not a valid grant', () => {
    for (const claims of [
      { room: ROOM, role: 'admin', exp: NOW / 1000 + 60, jti: 'jti-0123456789abcdef' },
      { room: 'x', role: 'station', exp: NOW / 1000 + 60, jti: 'jti-0123456789abcdef' },
      { room: ROOM, role: 'station', exp: NOW / 1000 + 60 },
      { room: ROOM, role: 'station', exp: NOW / 1000 + 60, jti: 'jti-0123456789abcdef', extra: 1 },
      'just a string',
    ]) {
      expect(verifyToken(SECRET, forge(claims), NOW)).toMatchObject({ ok: false, code: 'bad-token' });
    }
  });

  it('refuses a key shorter than 256 bits', () => {
    const short = Buffer.alloc(MIN_SECRET_BYTES - 1);
    expect(() => issueToken(short, { room: ROOM, role: 'station', ttlS: 60, nowMs: NOW })).toThrow(
      /32 bytes/,
    );
    expect(() => verifyToken(short, 'v1.a.b', NOW)).toThrow(/32 bytes/);
  });
});
