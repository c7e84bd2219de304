import { issueToken } from '../../../../src/core/signaling/invite-token';
import { RedisRooms } from '../../../../src/core/signaling/rooms/redis-rooms';
import type { ServerMessage } from '../../../../src/shared/call/signaling';
import { startRedis, type TestRedis } from '../redis-server';
import {
  newRoom,
  Participant,
  startSignaling,
  TEST_SECRET,
  tokenFor,
  type SignalingHarness,
} from '../signaling-support';

/**
 * Rendezvous nodes sharing a real redis-server (started here on a free loopback port, no
 * persistence): each node is a signaling route with its own RedisRooms, over real WebSockets.
 */
describe('rendezvous nodes over Redis', () => {
  let redis: TestRedis;
  const nodes: { harness: SignalingHarness; rooms: RedisRooms }[] = [];
  const open: Participant[] = [];
  const track = (participant: Participant): Participant => (open.push(participant), participant);

  const startNode = async (joinRate?: {
    limit: number;
    windowMs: number;
  }): Promise<{ harness: SignalingHarness; rooms: RedisRooms }> => {
    const rooms = new RedisRooms({
      secret: TEST_SECRET,
      iceServersFor: () => [],
      redisUrl: redis.url,
      ...(joinRate === undefined ? {} : { joinRate }),
    });
    const harness = await startSignaling({ rooms, drainMs: 300 });
    await until(() => rooms.available);
    const node = { harness, rooms };
    nodes.push(node);
    return node;
  };
  const joined = async (harness: SignalingHarness, token: string) => {
    const participant = track(await Participant.open(harness.url, harness.origin));
    participant.send({ type: 'join', token });
    const message = await participant.next('joined');
    if (message.resumeToken === undefined) throw new Error('joined without a resume token');
    return { participant, peerId: message.peerId, resumeToken: message.resumeToken, peers: message.peers };
  };
  const attempt = async (harness: SignalingHarness, message: unknown): Promise<Participant> => {
    const participant = track(await Participant.open(harness.url, harness.origin));
    participant.send(message);
    return participant;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  afterEach(async () => {
    for (const participant of open.splice(0)) participant.close();
    for (const node of nodes.splice(0)) await node.harness.close();
  });

  it('seats a station on node A and a doctor on node B in one room, and relays between them', async () => {
    const a = await startNode();
    const b = await startNode();
    const room = newRoom();
    const station = await joined(a.harness, tokenFor(room, 'station'));
    const doctor = await joined(b.harness, tokenFor(room, 'consultant'));
    expect(doctor.peers).toEqual([{ peerId: station.peerId, role: 'station' }]);
    expect((await station.participant.next('peer-joined')).peer).toEqual({
      peerId: doctor.peerId,
      role: 'consultant',
    });
    station.participant.send({
      type: 'signal',
      to: doctor.peerId,
      data: { type: 'offer', sdp: 'v=0', list: [] },
    });
    expect((await doctor.participant.next('signal')).data).toEqual({ type: 'offer', sdp: 'v=0', list: [] });
    doctor.participant.send({ type: 'signal', to: station.peerId, data: { candidate: {} } });
    expect(await station.participant.next('signal')).toEqual({
      type: 'signal',
      from: doctor.peerId,
      data: { candidate: {} },
    });
    doctor.participant.send({ type: 'leave' });
    expect((await station.participant.next('peer-left')).peerId).toBe(doctor.peerId);
  });

  it('tells both sides of rooms joined at the same instant on two nodes about each other', async () => {
    const a = await startNode();
    const b = await startNode();
    const sides = await Promise.all(
      Array.from({ length: 25 }, async () => {
        const room = newRoom();
        const [station, doctor] = await Promise.all([
          Participant.open(a.harness.url, a.harness.origin, '127.0.0.4'),
          Participant.open(b.harness.url, b.harness.origin, '127.0.0.5'),
        ]);
        track(station);
        track(doctor);
        station.send({ type: 'join', token: tokenFor(room, 'station') });
        doctor.send({ type: 'join', token: tokenFor(room, 'consultant') });
        return { station, doctor };
      }),
    );
    for (const { station, doctor } of sides) {
      const [stationJoined, doctorJoined] = [await station.next('joined'), await doctor.next('joined')];
      // Whoever was seated second got the other in `peers`; the first hears `peer-joined`.
      const stationSees =
        stationJoined.peers.length > 0
          ? stationJoined.peers[0]?.peerId
          : (await station.next('peer-joined')).peer.peerId;
      const doctorSees =
        doctorJoined.peers.length > 0
          ? doctorJoined.peers[0]?.peerId
          : (await doctor.next('peer-joined')).peer.peerId;
      expect(stationSees).toBe(doctorJoined.peerId);
      expect(doctorSees).toBe(stationJoined.peerId);
    }
  });

  it('refuses an invite used on another node, and a second station, whichever node it asks', async () => {
    const a = await startNode();
    const b = await startNode();
    const room = newRoom();
    const link = tokenFor(room, 'consultant');
    await joined(a.harness, link);
    const reused = await attempt(b.harness, { type: 'join', token: link });
    expect((await reused.next('error')).code).toBe('replayed-token');
    expect(await reused.closed()).toBe(1008);
    await joined(a.harness, tokenFor(room, 'station'));
    const second = await attempt(b.harness, { type: 'join', token: tokenFor(room, 'station') });
    expect((await second.next('error')).code).toBe('room-full');
  });

  it('closes a room on every node: room-closed to members elsewhere, its links and resume tokens dead everywhere', async () => {
    const a = await startNode();
    const b = await startNode();
    const room = newRoom();
    const station = await joined(a.harness, tokenFor(room, 'station'));
    const doctor = await joined(b.harness, tokenFor(room, 'consultant'));
    const unusedLink = tokenFor(room, 'consultant');
    station.participant.send({ type: 'leave', closeRoom: true });
    expect((await doctor.participant.next('error')).code).toBe('room-closed');
    expect(await doctor.participant.closed()).toBe(1008);
    for (const node of [a, b]) {
      const late = await attempt(node.harness, { type: 'join', token: unusedLink });
      expect((await late.next('error')).code).toBe('revoked-token');
      const back = await attempt(node.harness, { type: 'resume', resumeToken: doctor.resumeToken });
      expect((await back.next('error')).code).toBe('room-closed');
    }
    // A station token naming a left room closes it too, from any node.
    const next = newRoom();
    const other = await joined(b.harness, tokenFor(next, 'consultant'));
    await joined(
      a.harness,
      issueToken(TEST_SECRET, {
        room: newRoom(),
        role: 'station',
        ttlS: 600,
        nowMs: Date.now(),
        revokes: [next],
      }).token,
    );
    expect((await other.participant.next('error')).code).toBe('room-closed');
  });

  it('drains on close: clients told draining, seats kept without peer-left, taken back on another node', async () => {
    const a = await startNode();
    const b = await startNode();
    const room = newRoom();
    const station = await joined(a.harness, tokenFor(room, 'station'));
    const doctor = await joined(b.harness, tokenFor(room, 'consultant'));
    await station.participant.next('peer-joined');
    await b.harness.close();
    nodes.splice(nodes.indexOf(b), 1);
    expect((await doctor.participant.next('error')).code).toBe('draining');
    expect(await doctor.participant.closed()).toBe(1012);
    const back = await attempt(a.harness, { type: 'resume', resumeToken: doctor.resumeToken });
    expect((await back.next('joined')).peerId).toBe(doctor.peerId);
    // No peer-left: the station's peer connection, whose media never crossed the node, may stay.
    expect((await station.participant.next('peer-joined')).peer.peerId).toBe(doctor.peerId);
    expect(station.participant.messages.filter((m: ServerMessage) => m.type === 'peer-left')).toEqual([]);
    back.send({ type: 'signal', to: station.peerId, data: { after: 'drain' } });
    expect((await station.participant.next('signal')).data).toEqual({ after: 'drain' });
  });

  it('reseats the clients of a node that died (no drain, no release) on another node', async () => {
    const a = await startNode();
    const b = await startNode();
    const c = await startNode();
    const room = newRoom();
    const station = await joined(a.harness, tokenFor(room, 'station'));
    const doctor = await joined(b.harness, tokenFor(room, 'consultant'));
    await station.participant.next('peer-joined');
    // Node B dies: its Redis connections vanish first, then its sockets; it releases nothing.
    await b.rooms.close();
    doctor.participant.close();
    nodes.splice(nodes.indexOf(b), 1);
    await b.harness.close();
    const back = await attempt(c.harness, { type: 'resume', resumeToken: doctor.resumeToken });
    const rejoined = await back.next('joined');
    expect(rejoined).toMatchObject({
      peerId: doctor.peerId,
      peers: [{ peerId: station.peerId, role: 'station' }],
    });
    expect((await station.participant.next('peer-joined')).peer.peerId).toBe(doctor.peerId);
    station.participant.send({ type: 'signal', to: doctor.peerId, data: { to: 'c' } });
    expect((await back.next('signal')).data).toEqual({ to: 'c' });
  });

  it("gives a dead node's seat to a fresh link for its role (the node's liveness key is gone)", async () => {
    const a = await startNode();
    const b = await startNode();
    const room = newRoom();
    const station = await joined(a.harness, tokenFor(room, 'station'));
    const doctor = await joined(b.harness, tokenFor(room, 'consultant'));
    await station.participant.next('peer-joined');
    const intruder = await attempt(a.harness, { type: 'join', token: tokenFor(room, 'consultant') });
    expect((await intruder.next('error')).code).toBe('room-full');
    await b.rooms.close(); // dies: no release, only its liveness key goes (or expires)
    station.participant.send({ type: 'signal', to: doctor.peerId, data: { lost: true }, id: 's-7' });
    // The refusal names the signal: its sender knows which one to send again once the peer is back.
    expect(await station.participant.next('error')).toMatchObject({ code: 'unknown-peer', ref: 's-7' });
    const fresh = await joined(a.harness, tokenFor(room, 'consultant'));
    expect((await station.participant.next('peer-left')).peerId).toBe(doctor.peerId);
    expect((await station.participant.next('peer-joined')).peer.peerId).toBe(fresh.peerId);
  });

  it('keeps the per-seat relay limit across nodes: relay-limit, then the seat ends', async () => {
    const rooms = new RedisRooms({
      secret: TEST_SECRET,
      iceServersFor: () => [],
      redisUrl: redis.url,
      relayLimit: { signals: 2, bytes: 100_000 },
    });
    const limited = { harness: await startSignaling({ rooms, drainMs: 300 }), rooms };
    nodes.push(limited);
    await until(() => rooms.available);
    const b = await startNode();
    const room = newRoom();
    const station = await joined(b.harness, tokenFor(room, 'station'));
    const doctor = await joined(limited.harness, tokenFor(room, 'consultant'));
    for (let n = 0; n < 3; n += 1)
      doctor.participant.send({ type: 'signal', to: station.peerId, data: { n } });
    expect((await doctor.participant.next('error')).code).toBe('relay-limit');
    expect(await doctor.participant.closed()).toBe(1008);
    expect((await station.participant.next('signal')).data).toEqual({ n: 0 });
    expect((await station.participant.next('signal')).data).toEqual({ n: 1 });
    expect((await station.participant.next('peer-left')).peerId).toBe(doctor.peerId);
    const back = await attempt(b.harness, { type: 'resume', resumeToken: doctor.resumeToken });
    expect((await back.next('error')).code).toBe('bad-resume');
  });

  it('refuses joins with unavailable while it has never reached Redis', async () => {
    const rooms = new RedisRooms({
      secret: TEST_SECRET,
      iceServersFor: () => [],
      redisUrl: 'redis://127.0.0.1:1',
    });
    const harness = await startSignaling({ rooms, drainMs: 300 });
    nodes.push({ harness, rooms });
    expect(harness.route.notReadyReasons()).toEqual(['redis-unreachable']);
    const refused = await attempt(harness, { type: 'join', token: tokenFor(newRoom(), 'station') });
    expect((await refused.next('error')).code).toBe('unavailable');
    expect(await refused.closed()).toBe(1013);
  });

  it("counts one client's joins on every node together (a global rate limit)", async () => {
    const a = await startNode({ limit: 2, windowMs: 60_000 });
    const b = await startNode({ limit: 2, windowMs: 60_000 });
    // From 127.0.0.3, a client of its own: the other tests' joins come from 127.0.0.1.
    const from = async (node: SignalingHarness): Promise<Participant> => {
      const participant = track(await Participant.open(node.url, node.origin, '127.0.0.3'));
      participant.send({ type: 'join', token: tokenFor(newRoom(), 'station') });
      return participant;
    };
    await (await from(a.harness)).next('joined');
    await (await from(b.harness)).next('joined');
    const third = await from(a.harness);
    expect((await third.next('error')).code).toBe('rate-limited');
    expect(await third.closed()).toBe(1008);
  });

  it('a newer socket on another node takes the seat; the older is told seat-taken-over', async () => {
    const a = await startNode();
    const b = await startNode();
    const doctor = await joined(a.harness, tokenFor(newRoom(), 'consultant'));
    const tab = await attempt(b.harness, { type: 'resume', resumeToken: doctor.resumeToken });
    expect((await tab.next('joined')).peerId).toBe(doctor.peerId);
    expect((await doctor.participant.next('error')).code).toBe('seat-taken-over');
    expect(await doctor.participant.closed()).toBe(1008);
  });

  it('Redis gone: joins refused with unavailable, peers on one node keep relaying; back: seats restored', async () => {
    const a = await startNode();
    const b = await startNode();
    const local = newRoom();
    const spread = newRoom();
    const localStation = await joined(a.harness, tokenFor(local, 'station'));
    const localDoctor = await joined(a.harness, tokenFor(local, 'consultant'));
    const station = await joined(a.harness, tokenFor(spread, 'station'));
    const doctor = await joined(b.harness, tokenFor(spread, 'consultant'));
    await redis.stop();
    await until(() => !a.rooms.available && !b.rooms.available);
    expect(a.harness.route.notReadyReasons()).toEqual(['redis-unreachable']);
    const refused = await attempt(a.harness, { type: 'join', token: tokenFor(newRoom(), 'station') });
    expect((await refused.next('error')).code).toBe('unavailable');
    expect(await refused.closed()).toBe(1013);
    localDoctor.participant.send({ type: 'signal', to: localStation.peerId, data: { during: 'outage' } });
    expect((await localStation.participant.next('signal')).data).toEqual({ during: 'outage' });

    await redis.restart(); // empty: it lost every seat
    await until(() => a.rooms.available && b.rooms.available);
    await until(async () => {
      doctor.participant.send({ type: 'signal', to: station.peerId, data: { after: 'restart' } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      return station.participant.messages.some((m: ServerMessage) => m.type === 'signal');
    });
    expect((await station.participant.next('signal')).data).toEqual({ after: 'restart' });
    expect(a.harness.route.notReadyReasons()).toEqual([]);
    await joined(b.harness, tokenFor(newRoom(), 'station'));
  });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
