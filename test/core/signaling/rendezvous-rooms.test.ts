import type { ServerMessage } from '../../../src/shared/call/signaling';
import { issueToken, randomId } from '../../../src/core/signaling/invite-token';
import { RendezvousRooms, type SignalingConnection } from '../../../src/core/signaling/rendezvous-server';
import { TURN_GRACE_S } from '../../../src/core/signaling/turn-credentials';

const SECRET = Buffer.alloc(32, 5);

/** The room logic alone, on a clock the test drives; sockets are covered in test/server. */
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

describe('RendezvousRooms', () => {
  let nowMs = Date.parse('2026-11-25T12:00:00Z');
  const rooms = (): RendezvousRooms =>
    new RendezvousRooms({
      secret: SECRET,
      now: () => nowMs,
      iceServersFor: (peerId) => [{ urls: 'turn:t.example', username: `9:${peerId}`, credential: 'c' }],
    });
  const token = (room: string, role: 'station' | 'consultant', revokes?: string[]): string =>
    issueToken(SECRET, { room, role, ttlS: 3600, nowMs, ...(revokes === undefined ? {} : { revokes }) })
      .token;
  const join = (server: RendezvousRooms, value: string): Recorder => {
    const connection = new Recorder();
    server.handleText(connection, JSON.stringify({ type: 'join', token: value }));
    return connection;
  };

  it('gives each participant TURN credentials bound to its own peer id', () => {
    const station = join(rooms(), token(randomId(), 'station'));
    const joined = station.last();
    if (joined?.type !== 'joined') throw new Error('expected joined');
    expect(joined.iceServers[0]?.username).toBe(`9:${joined.peerId}`);
  });

  it('never seats a used link again: the way back is the resume token, for the same seat', () => {
    const server = rooms();
    const room = randomId();
    const station = join(server, token(room, 'station'));
    const link = token(room, 'consultant');
    const first = join(server, link);
    const joined = first.last();
    if (joined?.type !== 'joined' || joined.resumeToken === undefined) throw new Error('expected joined');
    server.disconnect(first); // dropped, no leave
    expect(station.last()).toMatchObject({ type: 'peer-left', peerId: joined.peerId });
    expect(join(server, link).last()).toMatchObject({ type: 'error', code: 'replayed-token' });
    nowMs += 3 * 3600 * 1000; // long after the invite's hour: the room lives, so does the seat
    const back = new Recorder();
    server.handleText(back, JSON.stringify({ type: 'resume', resumeToken: joined.resumeToken }));
    expect(back.last()).toMatchObject({ type: 'joined', role: 'consultant', peerId: joined.peerId });
    expect(station.last()).toMatchObject({ type: 'peer-joined', peer: { peerId: joined.peerId } });
  });

  it('forgets a room once its last participant leaves', () => {
    const server = rooms();
    const station = join(server, token(randomId(), 'station'));
    expect(server.roomCount).toBe(1);
    server.handleText(station, '{"type":"leave"}');
    expect(station.closedWith).toBe(1000);
    expect(server.roomCount).toBe(0);
  });

  it('refuses a second join on a joined socket', () => {
    const server = rooms();
    const station = join(server, token(randomId(), 'station'));
    server.handleText(station, JSON.stringify({ type: 'join', token: token(randomId(), 'station') }));
    expect(station.last()).toMatchObject({ type: 'error', code: 'bad-message' });
    expect(server.roomCount).toBe(1);
  });

  it('closes a room: its members are sent away, and its links no longer join', () => {
    const server = rooms();
    const room = randomId();
    const station = join(server, token(room, 'station'));
    const consultant = join(server, token(room, 'consultant'));
    const unusedLink = token(room, 'consultant');
    server.closeRoom(room);
    for (const member of [station, consultant]) {
      expect(member.last()).toMatchObject({ type: 'error', code: 'room-closed' });
      expect(member.closedWith).toBe(1008);
    }
    expect(server.roomCount).toBe(0);
    const late = join(server, unusedLink);
    expect(late.last()).toMatchObject({ type: 'error', code: 'revoked-token' });
    expect(late.closedWith).toBe(1008);
  });

  it("closes the rooms a station token names as left (a standalone server's only way to learn it)", () => {
    const server = rooms();
    const old = randomId();
    const next = randomId();
    const oldStation = join(server, token(old, 'station'));
    const oldLink = token(old, 'consultant');
    const station = join(server, token(next, 'station', [old]));
    expect(station.last()).toMatchObject({ type: 'joined', role: 'station' });
    expect(oldStation.last()).toMatchObject({ type: 'error', code: 'room-closed' });
    expect(join(server, oldLink).last()).toMatchObject({ type: 'error', code: 'revoked-token' });
    // A consultant link never closes anything, even if it were minted with the claim.
    const forged = join(server, token(next, 'consultant', [randomId()]));
    expect(forged.last()).toMatchObject({ type: 'joined', role: 'consultant' });
    expect(server.roomCount).toBe(1);
  });

  it('forgets a closed room once no token for it can still be valid', () => {
    const server = rooms();
    const room = randomId();
    const link = token(room, 'consultant');
    server.closeRoom(room);
    expect(join(server, link).last()).toMatchObject({ code: 'revoked-token' });
    nowMs += 12 * 3600 * 1000 + 1;
    const fresh = issueToken(SECRET, { room, role: 'consultant', ttlS: 3600, nowMs }).token;
    expect(join(server, fresh).last()).toMatchObject({ type: 'joined' });
  });

  it('bounds TURN credentials by the token: its expiry plus the grace period', () => {
    const bounds: number[] = [];
    const server = new RendezvousRooms({
      secret: SECRET,
      now: () => nowMs,
      iceServersFor: (_peerId, notAfterMs) => {
        bounds.push(notAfterMs);
        return [];
      },
    });
    const room = randomId();
    const link = issueToken(SECRET, { room, role: 'consultant', ttlS: 3600, nowMs });
    nowMs += 50 * 60 * 1000; // the doctor opens the link 50 minutes after it was sent
    join(server, link.token);
    expect(bounds).toEqual([link.claims.exp * 1000 + TURN_GRACE_S * 1000]);
  });

  it("bounds what one seat relays over a call: signals and bytes, then relay-limit and the seat's end", () => {
    const server = new RendezvousRooms({
      secret: SECRET,
      now: () => nowMs,
      iceServersFor: () => [],
      relayLimit: { signals: 3, bytes: 10_000 },
    });
    const room = randomId();
    const station = join(server, token(room, 'station'));
    const doctor = join(server, token(room, 'consultant'));
    const joined = station.sent.find((m) => m.type === 'joined');
    const stationId = joined?.type === 'joined' ? joined.peerId : '';
    const signal = (size: number): string =>
      JSON.stringify({ type: 'signal', to: stationId, data: { candidate: 'x'.repeat(size) } });
    for (let n = 0; n < 3; n += 1) server.handleText(doctor, signal(10));
    expect(station.sent.filter((m) => m.type === 'signal')).toHaveLength(3);
    server.handleText(doctor, signal(10));
    expect(doctor.last()).toMatchObject({ type: 'error', code: 'relay-limit' });
    expect(doctor.closedWith).toBe(1008);
    expect(station.sent.filter((m) => m.type === 'signal')).toHaveLength(3);

    const second = join(server, token(room, 'consultant'));
    server.handleText(second, signal(20_000));
    expect(second.last()).toMatchObject({ type: 'error', code: 'relay-limit' });
    expect(station.sent.filter((m) => m.type === 'signal')).toHaveLength(3);
  });
});
