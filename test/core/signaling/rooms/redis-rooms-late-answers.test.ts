import { Redis } from 'ioredis';
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
 * The bench's lost rooms: under load a join's answer from Redis came after the node's deadline, so
 * the client was refused `unavailable` while the join had run in Redis all the same: its invite
 * spent (the client's next try refused `replayed-token`, for good) and its seat a ghost the other
 * side was told of. Here Redis is paused (CLIENT PAUSE) past the deadline while many rooms join at
 * once across three nodes: every join is refused `unavailable`, and every retry with the same
 * invites must then seat both sides, tell each of the other, and relay.
 */
describe('rendezvous nodes over Redis: joins answered too late', () => {
  let redis: TestRedis;
  let control: Redis;
  const nodes: { harness: SignalingHarness; rooms: RedisRooms }[] = [];
  const open: Participant[] = [];

  const startNode = async (): Promise<SignalingHarness> => {
    const rooms = new RedisRooms({
      secret: TEST_SECRET,
      iceServersFor: () => [],
      redisUrl: redis.url,
      commandTimeoutMs: 150,
    });
    const harness = await startSignaling({ rooms, drainMs: 300 });
    nodes.push({ harness, rooms });
    await until(() => rooms.available);
    return harness;
  };
  const connect = async (harness: SignalingHarness, from: string): Promise<Participant> => {
    const participant = await Participant.open(harness.url, harness.origin, from);
    open.push(participant);
    return participant;
  };

  beforeAll(async () => {
    redis = await startRedis();
    control = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await control.connect();
  });
  afterAll(async () => {
    control.disconnect();
    await redis.stop();
  });
  afterEach(async () => {
    for (const participant of open.splice(0)) participant.close();
    for (const node of nodes.splice(0)) await node.harness.close();
  });

  it('undoes them: the same invites seat both sides on the next try, each told of the other, none lost', async () => {
    const harnesses = [await startNode(), await startNode(), await startNode()];
    const rooms = Array.from({ length: 30 }, (_, i) => {
      const room = newRoom();
      return {
        stationNode: harnesses[i % 3],
        doctorNode: harnesses[(i + 1) % 3],
        stationLink: tokenFor(room, 'station'),
        doctorLink: tokenFor(room, 'consultant'),
      };
    });
    const firstTries = await Promise.all(
      rooms.map(async (room) => ({
        station: await connect(room.stationNode, '127.0.0.6'),
        doctor: await connect(room.doctorNode, '127.0.0.7'),
      })),
    );

    await control.call('CLIENT', 'PAUSE', '1200', 'ALL');
    firstTries.forEach(({ station, doctor }, i) => {
      station.send({ type: 'join', token: rooms[i].stationLink });
      doctor.send({ type: 'join', token: rooms[i].doctorLink });
    });
    for (const { station, doctor } of firstTries) {
      expect((await station.next('error')).code).toBe('unavailable');
      expect((await doctor.next('error')).code).toBe('unavailable');
    }
    await control.ping(); // answered once the pause is over: every paused command has run

    const retries = await Promise.all(
      rooms.map(async (room) => {
        const [station, doctor] = [
          await connect(room.stationNode, '127.0.0.6'),
          await connect(room.doctorNode, '127.0.0.7'),
        ];
        station.send({ type: 'join', token: room.stationLink });
        doctor.send({ type: 'join', token: room.doctorLink });
        return { station, doctor };
      }),
    );
    for (const { station, doctor } of retries) {
      const [stationJoined, doctorJoined] = [await station.next('joined'), await doctor.next('joined')];
      expect(await partnerOf(station, stationJoined)).toBe(doctorJoined.peerId);
      expect(await partnerOf(doctor, doctorJoined)).toBe(stationJoined.peerId);
      station.send({ type: 'signal', to: doctorJoined.peerId, data: { from: 'station' } });
      doctor.send({ type: 'signal', to: stationJoined.peerId, data: { from: 'doctor' } });
    }
    for (const { station, doctor } of retries) {
      expect((await doctor.next('signal')).data).toEqual({ from: 'station' });
      expect((await station.next('signal')).data).toEqual({ from: 'doctor' });
      // No ghost of a first try was ever announced to them.
      const announced = (p: Participant) =>
        p.messages.filter((m: ServerMessage) => m.type === 'peer-joined' || m.type === 'peer-left');
      expect([...announced(station), ...announced(doctor)]).toEqual([]);
    }
  }, 30_000);

  it("tells a node's client of a peer announced while that node's subscriber was away", async () => {
    const [a, b] = [await startNode(), await startNode()];
    const room = newRoom();
    const station = await connect(a, '127.0.0.6');
    station.send({ type: 'join', token: tokenFor(room, 'station') });
    const stationJoined = await station.next('joined');
    const doctor = await connect(b, '127.0.0.7');
    // Node A's subscriber is cut (ioredis comes back after 100 ms): meanwhile the station's seat
    // counts as held (its node hears nothing), so the doctor is not told of it, nor it of the doctor.
    const clients = String(await control.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    const id = /id=(\d+) .*name=rdv-sub-(\S+)/
      .exec(clients.split('\n').find((line) => line.includes(`name=rdv-sub-${nodes[0].rooms.nodeId}`)) ?? '')
      ?.at(1);
    expect(id).toBeDefined();
    await control.call('CLIENT', 'KILL', 'ID', id!);
    doctor.send({ type: 'join', token: tokenFor(room, 'consultant') });
    const doctorJoined = await doctor.next('joined');
    // Subscribed again, node A makes good what was missed, on both sides.
    expect(await partnerOf(doctor, doctorJoined)).toBe(stationJoined.peerId);
    expect((await station.next('peer-joined')).peer).toEqual({
      peerId: doctorJoined.peerId,
      role: 'consultant',
    });
    station.send({ type: 'signal', to: doctorJoined.peerId, data: { after: 'gap' } });
    expect((await doctor.next('signal')).data).toEqual({ after: 'gap' });
    doctor.send({ type: 'signal', to: stationJoined.peerId, data: { back: true } });
    expect((await station.next('signal')).data).toEqual({ back: true });
  });
});

/** Whom the participant is seated with: in `joined` if it came second, else its `peer-joined`. */
async function partnerOf(
  participant: Participant,
  joined: Extract<ServerMessage, { type: 'joined' }>,
): Promise<string> {
  if (joined.peers.length > 0) return joined.peers[0].peerId;
  return (await participant.next('peer-joined')).peer.peerId;
}

async function until(condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
