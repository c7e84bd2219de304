import { ConsultantSessions, inviteIdOf } from '../../../src/core/records/consultant-sessions';
import { issueToken } from '../../../src/core/signaling/invite-token';

const SECRET = new Uint8Array(32).fill(7);
const NOW = Date.parse('2026-11-25T09:30:00.000Z');

describe('the doctor as the station knows them: the invite it issued', () => {
  it('reads the invite id of a token the station signed', () => {
    const { token, claims } = issueToken(SECRET, {
      room: 'room0123456789abcdef',
      role: 'consultant',
      ttlS: 3600,
      nowMs: NOW,
    });
    expect(inviteIdOf(token)).toBe(claims.jti);
    expect(inviteIdOf('not a token')).toBeNull();
    expect(inviteIdOf('v1.e30.x')).toBeNull(); // no jti
  });

  it('names the latest invite of each consultation; without one, says so', async () => {
    const sessions = new ConsultantSessions();
    let consultation: string | null = 'a'.repeat(32);
    const issued: string[] = [];
    const invite = sessions.remember(
      () => {
        const { token, claims } = issueToken(SECRET, {
          room: 'room0123456789abcdef',
          role: 'consultant',
          ttlS: 3600,
          nowMs: NOW,
        });
        issued.push(claims.jti);
        return Promise.resolve({
          consultantUrl: 'https://x.test/c',
          consultantToken: token,
          expiresAt: '2026-11-25T10:30:00.000Z',
        });
      },
      () => consultation,
    );
    expect(sessions.actorFor('a'.repeat(32))).toBe('consultant:no-invite');
    await invite({});
    await invite({ newRoom: true });
    expect(sessions.actorFor('a'.repeat(32))).toBe(`consultant:${issued[1]}`);
    consultation = null;
    await invite({});
    expect(sessions.actorFor('a'.repeat(32))).toBe(`consultant:${issued[1]}`);
  });
});
