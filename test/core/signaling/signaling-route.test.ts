import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { MAX_SIGNAL_MESSAGE_BYTES } from '../../../src/shared/call/signaling';
import { issueToken } from '../../../src/core/signaling/invite-token';
import { newRoom, Participant, startSignaling, tokenFor, type SignalingHarness } from './signaling-support';

/** The rendezvous server over real WebSockets on 127.0.0.1: join, relay, and every refusal. */
describe('signaling route', () => {
  let harness: SignalingHarness;
  const open: Participant[] = [];
  const track = (participant: Participant): Participant => (open.push(participant), participant);

  beforeEach(async () => {
    harness = await startSignaling({ limits: { joinTimeoutMs: 400, rate: { perSecond: 20, burst: 40 } } });
  });
  afterEach(async () => {
    for (const participant of open.splice(0)) participant.close();
    await harness.close();
  });

  async function pair(room = newRoom()): Promise<{ station: Participant; consultant: Participant }> {
    const station = track(await Participant.joined(harness, tokenFor(room, 'station')));
    const consultant = track(await Participant.joined(harness, tokenFor(room, 'consultant')));
    return { station, consultant };
  }

  it('joins two participants, announces them and relays signals both ways', async () => {
    const room = newRoom();
    const station = track(await Participant.open(harness.url, harness.origin));
    station.send({ type: 'join', token: tokenFor(room, 'station') });
    const stationJoined = await station.next('joined');
    expect(stationJoined).toMatchObject({ role: 'station', peers: [], iceServers: [] });

    const consultant = track(await Participant.joined(harness, tokenFor(room, 'consultant')));
    expect(consultant.messages).toEqual([]);
    const announced = await station.next('peer-joined');
    expect(announced.peer).toEqual({ peerId: consultant.peerId, role: 'consultant' });

    consultant.send({ type: 'signal', to: stationJoined.peerId, data: { type: 'offer', sdp: 'v=0' } });
    expect(await station.next('signal')).toEqual({
      type: 'signal',
      from: consultant.peerId,
      data: { type: 'offer', sdp: 'v=0' },
    });
    station.send({ type: 'signal', to: consultant.peerId, data: { candidate: 'c1' } });
    expect((await consultant.next('signal')).data).toEqual({ candidate: 'c1' });

    station.send({ type: 'ping' });
    await station.next('pong');
    consultant.send({ type: 'leave' });
    expect(await consultant.closed()).toBe(1000);
    expect((await station.next('peer-left')).peerId).toBe(consultant.peerId);
  });

  it('tells a joiner who is already in the room', async () => {
    const room = newRoom();
    const station = track(await Participant.joined(harness, tokenFor(room, 'station')));
    const consultant = track(await Participant.open(harness.url, harness.origin));
    consultant.send({ type: 'join', token: tokenFor(room, 'consultant') });
    expect((await consultant.next('joined')).peers).toEqual([{ peerId: station.peerId, role: 'station' }]);
  });

  it('never relays across rooms', async () => {
    const a = await pair();
    const b = await pair();
    a.station.send({ type: 'signal', to: b.consultant.peerId, data: { x: 1 }, id: 'x1' });
    expect(await a.station.next('error')).toMatchObject({ code: 'unknown-peer', ref: 'x1' });
    a.station.send({ type: 'signal', to: a.consultant.peerId, data: { x: 2 } });
    expect((await a.consultant.next('signal')).data).toEqual({ x: 2 });
    expect(b.consultant.messages.filter((m) => m.type === 'signal')).toEqual([]);
  });

  it.each([
    ['a forged token', 'v1.eyJyb29tIjoiYSJ9.AAAA', 'bad-token'],
    ['garbage', 'not a token', 'bad-token'],
    [
      'a token signed with another key',
      issueToken(Buffer.alloc(32, 9), { room: newRoom(), role: 'station', ttlS: 60, nowMs: Date.now() })
        .token,
      'bad-token',
    ],
    [
      'an expired token',
      tokenFor(newRoom(), 'consultant', { ttlS: 60, nowMs: Date.now() - 61_000 }),
      'expired-token',
    ],
  ])('refuses %s and closes with 1008', async (_name, token, code) => {
    const participant = track(await Participant.open(harness.url, harness.origin));
    participant.send({ type: 'join', token });
    expect((await participant.next('error')).code).toBe(code);
    expect(await participant.closed()).toBe(1008);
  });

  it('lets a token join once while its holder is connected', async () => {
    const token = tokenFor(newRoom(), 'consultant');
    track(await Participant.joined(harness, token));
    const thief = track(await Participant.open(harness.url, harness.origin));
    thief.send({ type: 'join', token });
    expect((await thief.next('error')).code).toBe('replayed-token');
    expect(await thief.closed()).toBe(1008);
  });

  it('lets a dropped participant back with its resume token, never its used link, and not after leaving', async () => {
    const room = newRoom();
    const station = track(await Participant.joined(harness, tokenFor(room, 'station')));
    const token = tokenFor(room, 'consultant');
    const first = track(await Participant.open(harness.url, harness.origin));
    first.send({ type: 'join', token });
    const { resumeToken, peerId } = await first.next('joined');
    first.close(); // a drop, no `leave`
    expect((await station.next('peer-left')).peerId).toBe(peerId);
    const reused = track(await Participant.open(harness.url, harness.origin));
    reused.send({ type: 'join', token });
    expect((await reused.next('error')).code).toBe('replayed-token');
    const again = track(await Participant.open(harness.url, harness.origin));
    again.send({ type: 'resume', resumeToken });
    expect((await again.next('joined')).peerId).toBe(peerId);
    again.send({ type: 'leave' });
    await again.closed();
    const late = track(await Participant.open(harness.url, harness.origin));
    late.send({ type: 'resume', resumeToken });
    expect((await late.next('error')).code).toBe('bad-resume');
  });

  it('refuses a second station (role-taken) and a third participant (room-full)', async () => {
    const room = newRoom();
    track(await Participant.joined(harness, tokenFor(room, 'station')));
    const second = track(await Participant.open(harness.url, harness.origin));
    second.send({ type: 'join', token: tokenFor(room, 'station') });
    expect((await second.next('error')).code).toBe('role-taken');
    track(await Participant.joined(harness, tokenFor(room, 'consultant')));
    const third = track(await Participant.open(harness.url, harness.origin));
    third.send({ type: 'join', token: tokenFor(room, 'consultant') });
    expect((await third.next('error')).code).toBe('room-full');
    expect(await third.closed()).toBe(1008);
  });

  it('answers malformed JSON and unknown types, then closes a socket that keeps at it', async () => {
    const { station } = await pair();
    station.send('{not json');
    expect((await station.next('error')).code).toBe('bad-message');
    station.send({ type: 'shout', text: 'hi' });
    expect((await station.next('error')).code).toBe('bad-message');
    station.send({ type: 'signal', to: 'x', data: {} }); // peer id too short for the schema
    expect((await station.next('error')).code).toBe('bad-message');
    for (let i = 0; i < 10; i += 1) station.send('[]');
    expect(await station.closed()).toBe(1008);
  });

  it('refuses anything before join except join and ping', async () => {
    const stranger = track(await Participant.open(harness.url, harness.origin));
    stranger.send({ type: 'ping' });
    await stranger.next('pong');
    stranger.send({ type: 'signal', to: 'abcdefgh', data: {} });
    expect((await stranger.next('error')).code).toBe('not-joined');
    expect(await stranger.closed()).toBe(1008);
  });

  it('refuses an oversized message with too-large and 1009', async () => {
    const { station, consultant } = await pair();
    station.send({
      type: 'signal',
      to: consultant.peerId,
      data: { sdp: 'x'.repeat(MAX_SIGNAL_MESSAGE_BYTES) },
    });
    expect((await station.next('error')).code).toBe('too-large');
    expect(await station.closed()).toBe(1009);
    await consultant.next('peer-left');
  });

  it('cuts off a socket that does not join in time', async () => {
    const idle = track(await Participant.open(harness.url, harness.origin));
    expect(await idle.closed()).toBe(1008);
    expect(idle.messages).toMatchObject([{ type: 'error', code: 'not-joined' }]);
  });

  it('rate-limits a flooding socket while another room keeps relaying', async () => {
    const flood = await pair();
    const calm = await pair();
    for (let i = 0; i < 2000; i += 1)
      flood.station.send({ type: 'signal', to: flood.consultant.peerId, data: { i } });
    expect((await flood.station.next('error')).code).toBe('rate-limited');
    expect(await flood.station.closed()).toBe(1008);
    for (let i = 0; i < 5; i += 1) {
      calm.consultant.send({ type: 'signal', to: calm.station.peerId, data: { i } });
      expect((await calm.station.next('signal')).data).toEqual({ i });
    }
    // The burst (40) plus what the bucket refilled (20/s) while the flood lasted, far below 2000.
    expect(flood.consultant.messages.filter((m) => m.type === 'signal').length).toBeLessThanOrEqual(100);
  });

  it('refuses pages from another origin at the upgrade', async () => {
    await expect(Participant.open(harness.url, 'https://evil.example')).rejects.toThrow(/403/);
  });
});

describe('signaling route limits', () => {
  it('turns away sockets over maxSockets and rooms over maxRooms with server-busy', async () => {
    const harness = await startSignaling({ limits: { maxSockets: 2 }, maxRooms: 1 });
    const first = await Participant.joined(harness, tokenFor(newRoom(), 'station'));
    const second = await Participant.open(harness.url, harness.origin);
    second.send({ type: 'join', token: tokenFor(newRoom(), 'station') });
    expect((await second.next('error')).code).toBe('server-busy');
    expect(await second.closed()).toBe(1008);
    // Its seat is free once the server has seen it go.
    while (harness.route.socketCount > 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const third = await Participant.open(harness.url, harness.origin);
    const fourth = await Participant.open(harness.url, harness.origin);
    expect((await fourth.next('error')).code).toBe('server-busy');
    expect(await fourth.closed()).toBe(1013);
    expect(third.closeCode).toBeNull();
    for (const participant of [first, second, third, fourth]) participant.close();
    await harness.close();
  });
});

describe('signaling route socket caps and timeouts', () => {
  const waitFor = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('never counts a refused socket as live: bursts over the limit leave nothing behind', async () => {
    const harness = await startSignaling({ limits: { maxSockets: 3, maxSocketsPerClient: 3 } });
    for (let burst = 0; burst < 5; burst += 1) {
      const sockets = await Promise.all(
        Array.from({ length: 5 }, () => Participant.open(harness.url, harness.origin)),
      );
      const refused = sockets.slice(3);
      for (const socket of refused) expect((await socket.next('error')).code).toBe('server-busy');
      for (const socket of refused) expect(await socket.closed()).toBe(1013);
      expect(harness.route.socketCount).toBe(3);
      for (const socket of sockets) socket.close();
      await waitFor(() => harness.route.socketCount === 0);
    }
    const station = await Participant.joined(harness, tokenFor(newRoom(), 'station'));
    station.close();
    await harness.close();
  });

  it('caps the sockets of one client (IPv4 address) while another client still gets in', async () => {
    const harness = await startSignaling({ limits: { maxSocketsPerClient: 2 } });
    const held = [
      await Participant.open(harness.url, harness.origin, '127.0.0.2'),
      await Participant.open(harness.url, harness.origin, '127.0.0.2'),
    ];
    const third = await Participant.open(harness.url, harness.origin, '127.0.0.2');
    expect((await third.next('error')).code).toBe('server-busy');
    expect(await third.closed()).toBe(1013);
    const station = await Participant.joined(harness, tokenFor(newRoom(), 'station'));
    expect(harness.route.socketCount).toBe(3);
    for (const participant of [...held, third, station]) participant.close();
    await harness.close();
  });

  it('cuts a joined socket that sends no complete message within the idle timeout', async () => {
    const harness = await startSignaling({ limits: { idleTimeoutMs: 300 } });
    const silent = await Participant.joined(harness, tokenFor(newRoom(), 'station'));
    const talking = await Participant.joined(harness, tokenFor(newRoom(), 'station'));
    const pinger = setInterval(() => talking.send({ type: 'ping' }), 50);
    try {
      expect((await silent.next('error')).code).toBe('idle-timeout');
      expect(await silent.closed()).toBe(1008);
      expect(talking.closeCode).toBeNull();
    } finally {
      clearInterval(pinger);
    }
    // The silent one's seat is held for its resume token (a page behind a cut comes back with it).
    expect(harness.route.rooms.roomCount).toBe(2);
    talking.close();
    await harness.close();
  });

  it('cuts a client that holds a half-sent message', async () => {
    const harness = await startSignaling({ limits: { idleTimeoutMs: 200, refusedLingerMs: 100 } });
    const { port } = new URL(harness.url);
    const raw = connect(Number(port), '127.0.0.1');
    raw.write(
      `GET /signal HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${harness.origin}\r\n` +
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
    );
    let received = '';
    let fragmentSent = false;
    raw.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.includes('\r\n\r\n') || fragmentSent) return;
      fragmentSent = true;
      // The first fragment of a text message (FIN clear), masked as clients must, then nothing.
      const payload = Buffer.from('{"type":"jo');
      const mask = randomBytes(4);
      const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
      raw.write(Buffer.concat([Buffer.from([0x01, 0x80 | payload.length]), mask, masked]));
    });
    await new Promise<void>((resolve) => raw.once('close', () => resolve()));
    expect(fragmentSent).toBe(true);
    expect(received).toContain('idle-timeout');
    while (harness.route.socketCount > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await harness.close();
  });

  it('cuts a turned-away socket that does not finish its close handshake', async () => {
    const harness = await startSignaling({ limits: { maxSockets: 1, refusedLingerMs: 100 } });
    const first = await Participant.open(harness.url, harness.origin);
    // A raw client that completes the handshake, then never answers the server's close frame.
    const { port } = new URL(harness.url);
    const raw = connect(Number(port), '127.0.0.1');
    raw.write(
      `GET /signal HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${harness.origin}\r\n` +
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
    );
    let received = '';
    raw.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // ws would wait 30 s for the close handshake; the linger timer ends it long before the timeout.
    await new Promise<void>((resolve) => raw.once('close', () => resolve()));
    expect(received).toMatch(/^HTTP\/1\.1 101 /);
    expect(received).toContain('server-busy');
    first.close();
    await harness.close();
  });
});

describe('signaling route faults', () => {
  it('closes only the affected socket (1011) when the room logic fails', async () => {
    let fail = true;
    const harness = await startSignaling({
      iceServersFor: () => {
        if (fail) throw new Error('ICE configuration unreadable');
        return [];
      },
    });
    const broken = await Participant.open(harness.url, harness.origin);
    broken.send({ type: 'join', token: tokenFor(newRoom(), 'station') });
    expect(await broken.closed()).toBe(1011);
    fail = false;
    const fine = await Participant.joined(harness, tokenFor(newRoom(), 'station'));
    fine.close();
    await harness.close();
  });
});
