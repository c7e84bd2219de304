import {
  createCallService,
  originOfRendezvousUrl,
  signalingUrlOf,
} from '../../../src/core/signaling/call-service';
import { verifyToken } from '../../../src/core/signaling/invite-token';

const SECRET = Buffer.alloc(32, 3);
const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('call service', () => {
  it('invites a consultant by fragment link and joins the station to the same room', async () => {
    const call = createCallService({
      secret: SECRET,
      rendezvousOrigin: () => 'https://rdv.example.org/',
      now: () => NOW,
    });
    const invite = await call.invite({});
    expect(invite.consultantUrl).toBe(
      `https://rdv.example.org/consultant.html#invite=${invite.consultantToken}`,
    );
    expect(invite.expiresAt).toBe('2026-11-25T13:00:00.000Z');
    const join = await call.join();
    expect(join).toMatchObject({
      signalingUrl: 'wss://rdv.example.org/signal',
      expiresAt: '2026-11-26T00:00:00.000Z',
    });
    const consultant = verifyToken(SECRET, invite.consultantToken, NOW);
    const station = verifyToken(SECRET, join.token, NOW);
    if (!consultant.ok || !station.ok) throw new Error('tokens must verify');
    expect(consultant.claims.role).toBe('consultant');
    expect(station.claims).toMatchObject({ role: 'station', room: consultant.claims.room });
    expect(station.claims.jti).not.toBe(consultant.claims.jti);
  });

  it('binds the room to its owner: the same owner keeps it, a new owner gets a new room', async () => {
    const call = createCallService({
      secret: SECRET,
      rendezvousOrigin: () => 'http://127.0.0.1:8080',
      now: () => NOW,
    });
    const roomOf = async (): Promise<string> => {
      const verified = verifyToken(SECRET, (await call.join()).token, NOW);
      if (!verified.ok) throw new Error('token must verify');
      return verified.claims.room;
    };
    call.bindRoom('consultation-a');
    const first = await roomOf();
    call.bindRoom('consultation-a');
    expect(await roomOf()).toBe(first);
    call.bindRoom('consultation-b');
    expect(await roomOf()).not.toBe(first);
  });

  it('starts a new room on request', async () => {
    const call = createCallService({
      secret: SECRET,
      rendezvousOrigin: () => 'http://127.0.0.1:8080',
      now: () => NOW,
    });
    const roomOf = (token: string): string => {
      const check = verifyToken(SECRET, token, NOW);
      return check.ok ? check.claims.room : '';
    };
    const first = roomOf((await call.invite({})).consultantToken);
    expect(roomOf((await call.invite({})).consultantToken)).toBe(first);
    const next = roomOf((await call.invite({ newRoom: true })).consultantToken);
    expect(next).not.toBe(first);
    expect(roomOf((await call.join()).token)).toBe(next);
  });

  it('tells its listeners when a newRoom replaced the room, and only then', async () => {
    const call = createCallService({
      secret: SECRET,
      rendezvousOrigin: () => 'http://127.0.0.1:8080',
      now: () => NOW,
    });
    let moves = 0;
    const unsubscribe = call.onMoved?.(() => moves++);
    await call.invite({});
    call.bindRoom('consultation-a'); // a new consultation ends its call: the page needs no move
    expect(moves).toBe(0);
    await call.invite({ newRoom: true });
    expect(moves).toBe(1);
    unsubscribe?.();
    await call.invite({ newRoom: true });
    expect(moves).toBe(1);
  });

  it('closes the room it leaves, and names the rooms it left in its next station tokens', async () => {
    const closed: string[] = [];
    const call = createCallService({
      secret: SECRET,
      rendezvousOrigin: () => 'http://127.0.0.1:8080',
      now: () => NOW,
      onRoomClosed: (room) => closed.push(room),
    });
    const claimsOf = (token: string) => {
      const check = verifyToken(SECRET, token, NOW);
      if (!check.ok) throw new Error('token must verify');
      return check.claims;
    };
    call.bindRoom('consultation-a');
    const first = claimsOf((await call.join()).token);
    expect(claimsOf((await call.invite({})).consultantToken).revokes).toBeUndefined();
    await call.invite({ newRoom: true });
    expect(closed.at(-1)).toBe(first.room);
    const second = claimsOf((await call.join()).token);
    expect(second.room).not.toBe(first.room);
    expect(second.revokes?.at(-1)).toBe(first.room);
    // A new consultation does the same; only the last few rooms ride in the token.
    for (let n = 0; n < 6; n += 1) call.bindRoom(`consultation-${n}`);
    const latest = claimsOf((await call.join()).token);
    expect(latest.revokes).toHaveLength(4);
    expect(latest.revokes).not.toContain(latest.room);
    expect(closed).toHaveLength(8);
  });

  it("closes a consultation's room when it ends, and only its own", async () => {
    const closed: string[] = [];
    const call = createCallService({
      secret: SECRET,
      rendezvousOrigin: () => 'http://127.0.0.1:8080',
      now: () => NOW,
      onRoomClosed: (room) => closed.push(room),
    });
    const roomOf = async (): Promise<string> => {
      const check = verifyToken(SECRET, (await call.join()).token, NOW);
      return check.ok ? check.claims.room : '';
    };
    call.bindRoom('consultation-a');
    const room = await roomOf();
    call.releaseRoom?.('consultation-b');
    expect(closed).not.toContain(room);
    call.releaseRoom?.('consultation-a');
    expect(closed.at(-1)).toBe(room);
    // The next consultation binds afresh; the ended one's room stays closed.
    call.bindRoom('consultation-a');
    expect(await roomOf()).not.toBe(room);
  });

  it('maps between page origins and signaling URLs', () => {
    expect(signalingUrlOf('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/signal');
    expect(originOfRendezvousUrl('wss://rdv.example.org:8443/signal')).toBe('https://rdv.example.org:8443');
    expect(originOfRendezvousUrl('ws://10.0.0.2/signal')).toBe('http://10.0.0.2');
  });
});
