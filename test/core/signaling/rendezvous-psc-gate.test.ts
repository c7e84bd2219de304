import type { ServerMessage } from '../../../src/shared/call/signaling';
import { issueToken, randomId, type TokenClaims } from '../../../src/core/signaling/invite-token';
import { RendezvousRooms, type SignalingConnection } from '../../../src/core/signaling/rendezvous-server';

const SECRET = Buffer.alloc(32, 7);

class Recorder implements SignalingConnection {
  readonly sent: ServerMessage[] = [];
  closedWith: number | null = null;
  send(message: ServerMessage): void {
    this.sent.push(message);
  }
  close(code: number): void {
    this.closedWith = code;
  }
  last(): ServerMessage | undefined {
    return this.sent.at(-1);
  }
}

/**
 * With Pro Santé Connect required, the rooms seat a consultant invite only once its doctor signed
 * in, and the station hears who it is from the rendezvous (the assertion on the peer), never from
 * the doctor's page. The station's own seat is never gated.
 */
describe('RendezvousRooms with Pro Santé Connect', () => {
  const nowMs = Date.parse('2026-12-06T10:00:00Z');
  const signedIn = new Map<string, string>();
  const rooms = (): RendezvousRooms =>
    new RendezvousRooms({
      secret: SECRET,
      now: () => nowMs,
      iceServersFor: () => [],
      consultantIdentity: (claims: TokenClaims) => signedIn.get(claims.jti) ?? null,
    });
  const invite = (room: string, role: 'station' | 'consultant') =>
    issueToken(SECRET, { room, role, ttlS: 3600, nowMs });
  const join = (server: RendezvousRooms, token: string): Recorder => {
    const connection = new Recorder();
    server.handleText(connection, JSON.stringify({ type: 'join', token }));
    return connection;
  };

  it('refuses psc-required before the sign-in, and does not spend the invite', () => {
    const server = rooms();
    const room = randomId();
    const station = join(server, invite(room, 'station').token);
    expect(station.last()).toMatchObject({ type: 'joined', role: 'station' });
    const link = invite(room, 'consultant');
    const early = join(server, link.token);
    expect(early.last()).toMatchObject({ type: 'error', code: 'psc-required' });
    expect(early.closedWith).toBe(1008);
    // Signed in since: the same invite now seats the doctor, and the station hears who it is.
    signedIn.set(link.claims.jti, 'psc1.assertion.signed');
    const doctor = join(server, link.token);
    expect(doctor.last()).toMatchObject({ type: 'joined', role: 'consultant' });
    expect(station.last()).toMatchObject({
      type: 'peer-joined',
      peer: { role: 'consultant', identity: 'psc1.assertion.signed' },
    });
  });

  it('tells a station that joins later who the seated doctor is', () => {
    const server = rooms();
    const room = randomId();
    const link = invite(room, 'consultant');
    signedIn.set(link.claims.jti, 'psc1.other.signed');
    join(server, link.token);
    const station = join(server, invite(room, 'station').token);
    const joined = station.last();
    if (joined?.type !== 'joined') throw new Error('expected joined');
    expect(joined.peers).toEqual([
      expect.objectContaining({ role: 'consultant', identity: 'psc1.other.signed' }),
    ]);
  });
});
