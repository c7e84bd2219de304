import type { ServerMessage } from '../../../src/shared/call/signaling';
import { issueToken, randomId, type TokenClaims } from '../../../src/core/signaling/invite-token';
import { RendezvousRooms, type SignalingConnection } from '../../../src/core/signaling/rendezvous-server';
import { issueResumeToken } from '../../../src/core/signaling/resume-token';
import { signAssertion } from '../../../src/core/psc/identity-assertion';
import type { VerifiedConsultant } from '../../../src/shared/domain/consultant-identity';

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

  describe('a seat taken back with its resume token keeps its verified doctor', () => {
    const doctor: VerifiedConsultant = {
      verified: true,
      method: 'pro-sante-connect',
      rpps: '10003461033',
      familyName: 'MARTIN',
      givenName: 'Claire',
      issuer: 'https://auth.esante.gouv.fr/auth/realms/esante-wallet',
      acr: 'eidas1',
      at: '2026-12-06T09:58:00.000Z',
    };
    const assertionFor = (claims: TokenClaims, room = claims.room): string =>
      signAssertion(SECRET, { invite: claims.jti, room, exp: claims.exp + 3600, identity: doctor });
    const resume = (server: RendezvousRooms, resumeToken: string): Recorder => {
      const connection = new Recorder();
      server.handleText(connection, JSON.stringify({ type: 'resume', resumeToken }));
      return connection;
    };
    /** A room with its station and its signed-in doctor seated: the doctor's resume token. */
    const seated = (server: RendezvousRooms, room: string) => {
      const station = join(server, invite(room, 'station').token);
      const link = invite(room, 'consultant');
      const assertion = assertionFor(link.claims);
      signedIn.set(link.claims.jti, assertion);
      const first = join(server, link.token);
      const joined = first.last();
      if (joined?.type !== 'joined' || joined.resumeToken === undefined) throw new Error('expected joined');
      return { station, first, assertion, resumeToken: joined.resumeToken };
    };

    it('on the same rendezvous (F5): the station hears the same doctor again', () => {
      const server = rooms();
      const { station, first, assertion, resumeToken } = seated(server, randomId());
      server.disconnect(first);
      const again = resume(server, resumeToken);
      expect(again.last()).toMatchObject({ type: 'joined', role: 'consultant' });
      expect(station.last()).toMatchObject({
        type: 'peer-joined',
        peer: { role: 'consultant', identity: assertion },
      });
    });

    it('where the room was forgotten (a restarted host): the token itself says who holds the seat', () => {
      const room = randomId();
      const { assertion, resumeToken } = seated(rooms(), room);
      const restarted = rooms();
      const again = resume(restarted, resumeToken);
      expect(again.last()).toMatchObject({ type: 'joined', role: 'consultant' });
      // The seat's next token carries it on; a station that joins hears who the doctor is.
      const next = again.last();
      if (next?.type !== 'joined' || next.resumeToken === undefined) throw new Error('expected joined');
      const station = join(restarted, invite(room, 'station').token);
      const joined = station.last();
      if (joined?.type !== 'joined') throw new Error('expected joined');
      expect(joined.peers).toEqual([expect.objectContaining({ role: 'consultant', identity: assertion })]);
      restarted.disconnect(again);
      const third = resume(rooms(), next.resumeToken);
      expect(third.last()).toMatchObject({ type: 'joined', role: 'consultant' });
    });

    it('a consultant seat without a verified doctor, or with another room’s, is not taken back where sign-in is required', () => {
      const room = randomId();
      const seat = { room, role: 'consultant' as const, peer: randomId(), seat: randomId(), nowMs };
      const bare = resume(rooms(), issueResumeToken(SECRET, seat).token);
      expect(bare.last()).toMatchObject({ type: 'error', code: 'psc-required' });
      const link = invite(randomId(), 'consultant');
      const elsewhere = issueResumeToken(SECRET, { ...seat, identity: assertionFor(link.claims) }).token;
      expect(resume(rooms(), elsewhere).last()).toMatchObject({ type: 'error', code: 'psc-required' });
      const forged = issueResumeToken(SECRET, { ...seat, identity: 'psc1.forged.signature' }).token;
      expect(resume(rooms(), forged).last()).toMatchObject({ type: 'error', code: 'psc-required' });
      // Without sign-in required, the same bare seat is taken back as before.
      const open = new RendezvousRooms({ secret: SECRET, now: () => nowMs, iceServersFor: () => [] });
      expect(resume(open, issueResumeToken(SECRET, seat).token).last()).toMatchObject({ type: 'joined' });
    });
  });
});
