import { issueToken } from '../../../src/core/signaling/invite-token';
import type { RendezvousObserver } from '../../../src/core/signaling/rendezvous-observer';
import {
  newRoom,
  Participant,
  startSignaling,
  TEST_SECRET,
  tokenFor,
  type SignalingHarness,
} from './signaling-support';

/**
 * Resume tokens and closing rooms over real WebSockets on 127.0.0.1: a seat taken back after a
 * drop, by a newer socket, after the rendezvous restarted; the ways a seat or a room ends.
 */
describe('rendezvous resume and room closing', () => {
  const harnesses: SignalingHarness[] = [];
  const open: Participant[] = [];
  const track = (participant: Participant): Participant => (open.push(participant), participant);
  const start = async (observer?: RendezvousObserver): Promise<SignalingHarness> => {
    const harness = await startSignaling(observer === undefined ? {} : { observer });
    harnesses.push(harness);
    return harness;
  };
  const joined = async (harness: SignalingHarness, token: string) => {
    const participant = track(await Participant.open(harness.url, harness.origin));
    participant.send({ type: 'join', token });
    const message = await participant.next('joined');
    if (message.resumeToken === undefined) throw new Error('joined without a resume token');
    return { participant, peerId: message.peerId, resumeToken: message.resumeToken };
  };
  const resume = async (harness: SignalingHarness, resumeToken: string): Promise<Participant> => {
    const participant = track(await Participant.open(harness.url, harness.origin));
    participant.send({ type: 'resume', resumeToken });
    return participant;
  };

  afterEach(async () => {
    for (const participant of open.splice(0)) participant.close();
    for (const harness of harnesses.splice(0)) await harness.close();
  });

  it('gives every seat its own resume token; a newer socket takes the seat, the older is told and closed', async () => {
    const harness = await start();
    const room = newRoom();
    const station = await joined(harness, tokenFor(room, 'station'));
    const doctor = await joined(harness, tokenFor(room, 'consultant'));
    expect(station.resumeToken).not.toBe(doctor.resumeToken);
    await station.participant.next('peer-joined');

    const tab = await resume(harness, doctor.resumeToken);
    const back = await tab.next('joined');
    expect(back).toMatchObject({ peerId: doctor.peerId, role: 'consultant' });
    expect(back.peers).toEqual([{ peerId: station.peerId, role: 'station' }]);
    expect(back.resumeToken).toEqual(expect.any(String));
    expect((await doctor.participant.next('error')).code).toBe('seat-taken-over');
    expect(await doctor.participant.closed()).toBe(1008);
    // The station hears the same peer come back (its page may be new) and relays to the new socket.
    expect((await station.participant.next('peer-joined')).peer.peerId).toBe(doctor.peerId);
    station.participant.send({ type: 'signal', to: doctor.peerId, data: { offer: 1 } });
    expect((await tab.next('signal')).data).toEqual({ offer: 1 });
    tab.send({ type: 'signal', to: station.peerId, data: { answer: 1 } });
    expect((await station.participant.next('signal')).data).toEqual({ answer: 1 });
  });

  it('holds a dropped seat; a fresh link for its role takes it over, which ends the old resume token', async () => {
    const harness = await start();
    const room = newRoom();
    const station = await joined(harness, tokenFor(room, 'station'));
    const doctor = await joined(harness, tokenFor(room, 'consultant'));
    await station.participant.next('peer-joined');
    // Connected: a second doctor is refused, the seat is not given away under a live socket.
    const intruder = track(await Participant.open(harness.url, harness.origin));
    intruder.send({ type: 'join', token: tokenFor(room, 'consultant') });
    expect((await intruder.next('error')).code).toBe('room-full');
    doctor.participant.close();
    expect((await station.participant.next('peer-left')).peerId).toBe(doctor.peerId);
    // The station sent a new link: it takes the held seat, as another peer.
    const fresh = await joined(harness, tokenFor(room, 'consultant'));
    expect(fresh.peerId).not.toBe(doctor.peerId);
    expect((await station.participant.next('peer-joined')).peer.peerId).toBe(fresh.peerId);
    const stale = await resume(harness, doctor.resumeToken);
    expect((await stale.next('error')).code).toBe('bad-resume');
    expect(await stale.closed()).toBe(1008);
  });

  it('takes seats back on a restarted rendezvous with the same key (the signed token is enough)', async () => {
    const first = await start();
    const room = newRoom();
    const station = await joined(first, tokenFor(room, 'station'));
    const doctor = await joined(first, tokenFor(room, 'consultant'));
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);
    const second = await start();
    const stationBack = await resume(second, station.resumeToken);
    expect((await stationBack.next('joined')).peerId).toBe(station.peerId);
    const doctorBack = await resume(second, doctor.resumeToken);
    expect((await doctorBack.next('joined')).peers).toEqual([{ peerId: station.peerId, role: 'station' }]);
    expect((await stationBack.next('peer-joined')).peer.peerId).toBe(doctor.peerId);
    doctorBack.send({ type: 'signal', to: station.peerId, data: { answer: 2 } });
    expect((await stationBack.next('signal')).data).toEqual({ answer: 2 });
  });

  it('drains on close: every client told draining (1012), new sockets refused meanwhile', async () => {
    const harness = await start();
    const room = newRoom();
    const station = await joined(harness, tokenFor(room, 'station'));
    const idle = track(await Participant.open(harness.url, harness.origin));
    const closing = harness.route.close();
    expect((await station.participant.next('error')).code).toBe('draining');
    expect(await station.participant.closed()).toBe(1012);
    expect(await idle.closed()).toBe(1012);
    expect(harness.route.notReadyReasons()).toEqual(['draining']);
    await expect(Participant.open(harness.url, harness.origin)).rejects.toThrow(/503/);
    await closing;
  });

  it('refuses forged, foreign and malformed resume tokens with bad-resume', async () => {
    const harness = await start();
    const { resumeToken } = await joined(harness, tokenFor(newRoom(), 'consultant'));
    const [version, payload] = resumeToken.split('.');
    const invite = tokenFor(newRoom(), 'consultant');
    for (const forged of [`${version}.${payload}.AAAA`, invite, 'r1.x.y']) {
      const participant = await resume(harness, forged);
      expect((await participant.next('error')).code).toBe('bad-resume');
      expect(await participant.closed()).toBe(1008);
    }
  });

  it('closes the room when its station leaves with closeRoom: room-closed to the doctor, links and resume tokens dead', async () => {
    const harness = await start();
    const room = newRoom();
    const station = await joined(harness, tokenFor(room, 'station'));
    const doctor = await joined(harness, tokenFor(room, 'consultant'));
    const unusedLink = tokenFor(room, 'consultant');
    station.participant.send({ type: 'leave', closeRoom: true });
    expect(await station.participant.closed()).toBe(1000);
    expect((await doctor.participant.next('error')).code).toBe('room-closed');
    expect(await doctor.participant.closed()).toBe(1008);
    const late = track(await Participant.open(harness.url, harness.origin));
    late.send({ type: 'join', token: unusedLink });
    expect((await late.next('error')).code).toBe('revoked-token');
    for (const token of [doctor.resumeToken, station.resumeToken]) {
      const back = await resume(harness, token);
      expect((await back.next('error')).code).toBe('room-closed');
    }
    // The station, in its new room at once, with a token naming the old one: the doctor's new link works.
    const next = newRoom();
    const reseated = await joined(
      harness,
      issueToken(TEST_SECRET, { room: next, role: 'station', ttlS: 600, nowMs: Date.now(), revokes: [room] })
        .token,
    );
    const newDoctor = await joined(harness, tokenFor(next, 'consultant'));
    expect((await reseated.participant.next('peer-joined')).peer.peerId).toBe(newDoctor.peerId);
  });

  it("ignores a consultant's closeRoom: it leaves, the room stays", async () => {
    const harness = await start();
    const room = newRoom();
    const station = await joined(harness, tokenFor(room, 'station'));
    const doctor = await joined(harness, tokenFor(room, 'consultant'));
    doctor.participant.send({ type: 'leave', closeRoom: true });
    expect(await doctor.participant.closed()).toBe(1000);
    expect((await station.participant.next('peer-left')).peerId).toBe(doctor.peerId);
    await joined(harness, tokenFor(room, 'consultant'));
    expect(station.participant.closeCode).toBeNull();
  });

  it('closes a room from the station host (newRoom): members sent away, resume refused', async () => {
    const harness = await start();
    const room = newRoom();
    const station = await joined(harness, tokenFor(room, 'station'));
    const doctor = await joined(harness, tokenFor(room, 'consultant'));
    doctor.participant.close(); // held for a resume when the room closes
    await station.participant.next('peer-left');
    harness.route.rooms.closeRoom(room);
    expect((await station.participant.next('error')).code).toBe('room-closed');
    const back = await resume(harness, doctor.resumeToken);
    expect((await back.next('error')).code).toBe('room-closed');
    expect(harness.route.rooms.roomCount).toBe(0);
  });

  it('tells its observer about sockets, seats, refusals and relays, in codes and numbers', async () => {
    const events: string[] = [];
    const latencies: number[] = [];
    const harness = await start({
      socketOpened: () => events.push('open'),
      socketClosed: () => events.push('close'),
      joinAccepted: ({ how, role }) => events.push(`${how}:${role}`),
      joinRefused: ({ how, code }) => events.push(`${how}!${code}`),
      signalRelayed: ({ latencyMs, crossNode }) => {
        latencies.push(latencyMs);
        events.push(`relay:${crossNode}`);
      },
      roomClosed: () => events.push('room-closed'),
      seatEnded: () => {
        throw new Error('an observer that throws costs nobody anything');
      },
    });
    const room = newRoom();
    const link = tokenFor(room, 'consultant');
    const station = await joined(harness, tokenFor(room, 'station'));
    const doctor = await joined(harness, link);
    doctor.participant.send({ type: 'signal', to: station.peerId, data: { x: 1 } });
    await station.participant.next('signal');
    const reused = track(await Participant.open(harness.url, harness.origin));
    reused.send({ type: 'join', token: link });
    await reused.closed();
    const back = await resume(harness, doctor.resumeToken);
    await back.next('joined');
    await doctor.participant.closed();
    harness.route.rooms.closeRoom(room);
    await back.closed();
    await station.participant.closed();
    const deadline = Date.now() + 3000;
    while (events.filter((e) => e === 'close').length < 4 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events.filter((e) => e === 'open')).toHaveLength(4);
    expect(events.filter((e) => e === 'close')).toHaveLength(4);
    expect(events.filter((e) => e !== 'open' && e !== 'close')).toEqual([
      'join:station',
      'join:consultant',
      'relay:false',
      'join!replayed-token',
      'resume:consultant',
      'room-closed',
    ]);
    expect(latencies[0]).toBeGreaterThanOrEqual(0);
  });
});
