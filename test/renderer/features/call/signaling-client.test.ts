import type { SignalingErrorCode } from '../../../../src/shared/call/signaling';
import { DEFAULT_RECONNECT_TIMING } from '../../../../src/renderer/features/call/reconnect-timing';
import { memorySeatStore, sessionSeatStore } from '../../../../src/renderer/features/call/seat-store';
import {
  SignalingClient,
  type SignalingClientHandlers,
} from '../../../../src/renderer/features/call/signaling-client';
import type { NetworkProbe } from '../../../../src/renderer/features/call/relay-probe';
import { fakeSockets, type FakeSignalingSocket } from './fake-signaling-socket';
import { ManualClock } from './manual-clock';

const TIMING = DEFAULT_RECONNECT_TIMING;
const URL = 'ws://127.0.0.1:9/signal';

function setup(role: 'station' | 'consultant' = 'consultant', probe?: (clock: ManualClock) => NetworkProbe) {
  const clock = new ManualClock();
  const { sockets, create } = fakeSockets();
  const seat = memorySeatStore();
  const log: string[] = [];
  let tokens = 0;
  const handlers: SignalingClientHandlers = {
    joined: ({ resumed }) => log.push(resumed ? 'resumed' : 'joined'),
    peerJoined: () => log.push('peer-joined'),
    peerLeft: () => log.push('peer-left'),
    signal: () => log.push('signal'),
    lost: (why) => log.push(`lost:${why}`),
    refused: (code) => log.push(`refused:${code}`),
    moved: () => log.push('moved'),
  };
  const client = new SignalingClient(
    {
      role,
      credentials: () => Promise.resolve({ signalingUrl: URL, token: `token-${++tokens}` }),
      seat,
      timing: TIMING,
      clock,
      createSocket: create,
      random: () => 0.5,
      ...(probe === undefined ? {} : { probe: probe(clock) }),
    },
    handlers,
  );
  const last = (): FakeSignalingSocket => sockets[sockets.length - 1];
  const seatLast = (resumeToken: string | undefined = 'resume-1'): void => {
    last().open();
    last().receive({
      type: 'joined',
      peerId: 'peer-aaaaaaaa',
      role,
      peers: [],
      iceServers: [],
      ...(resumeToken === undefined ? {} : { resumeToken }),
    });
  };
  const refuse = (code: SignalingErrorCode): void => {
    last().receive({ type: 'error', code, message: 'for logs' });
    last().drop();
  };
  return { clock, sockets, seat, log, client, last, seatLast, refuse };
}

describe('signaling heartbeat', () => {
  it('pings every second and keeps a socket that answers', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    t.seatLast();
    for (let i = 0; i < 10; i++) {
      await t.clock.advance(500);
      t.last().receive({ type: 'pong' });
    }
    expect(t.sockets).toHaveLength(1);
    expect(t.last().pings()).toBeGreaterThanOrEqual(5);
    expect(t.last().pings()).toBeLessThanOrEqual(6);
    expect(t.client.isJoined).toBe(true);
  });

  it('declares a silent socket dead within its limit, closes it and joins again', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    t.seatLast();
    const cutAt = t.clock.now();
    // A half-open socket: the browser still says OPEN, nothing comes back.
    let lostAt: number | null = null;
    for (let ms = 0; ms < 5000 && lostAt === null; ms += 50) {
      await t.clock.advance(50);
      if (t.log.includes('lost:silent')) lostAt = t.clock.now();
    }
    expect(lostAt).not.toBeNull();
    expect((lostAt as number) - cutAt).toBeGreaterThanOrEqual(TIMING.socketSilentMs);
    expect((lostAt as number) - cutAt).toBeLessThanOrEqual(TIMING.socketSilentMs + TIMING.pingEveryMs / 4);
    expect(t.sockets[0]?.closedWith).toBe(4000);
    expect(t.client.isJoined).toBe(false);
    // The next socket resumes the seat it had.
    await t.clock.advance(TIMING.rejoinFirstMs);
    expect(t.sockets).toHaveLength(2);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'resume', resumeToken: 'resume-1' });
  });

  it('gives up on a socket that is not joined in time (a SYN lost in a cut)', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(TIMING.joinTimeoutMs - 1);
    expect(t.log).toEqual([]);
    await t.clock.advance(1);
    expect(t.log).toEqual(['lost:join-timeout']);
  });
});

describe('signaling backoff', () => {
  it('retries forever, doubling from 250 ms up to 1 s', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    const starts: number[] = [];
    let seen = 1;
    for (let ms = 0; ms < 60_000; ms += 10) {
      await t.clock.advance(10);
      if (t.sockets.length > seen) {
        seen = t.sockets.length;
        starts.push(t.clock.now());
      }
      // Every socket is refused at once by a network that is down.
      if (t.last().readyState === 0 && t.last().onclose !== null) t.last().drop();
    }
    const gaps = starts.map((at, i) => at - (starts[i - 1] ?? 0)).slice(1);
    expect(gaps.slice(0, 3)).toEqual([500, 1000, 1000]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(TIMING.rejoinMaxMs * 1.2);
    expect(starts.length).toBeGreaterThan(50);
    expect(t.log.some((entry) => entry.startsWith('refused'))).toBe(false);
  });

  it('starts again from the first delay once seated', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    for (let i = 0; i < 4; i++) {
      t.last().drop();
      await t.clock.advance(TIMING.rejoinMaxMs * 1.2);
    }
    t.seatLast();
    t.last().drop();
    const before = t.sockets.length;
    await t.clock.advance(TIMING.rejoinFirstMs);
    expect(t.sockets.length).toBe(before + 1);
  });
});

describe('resume and refusals', () => {
  it('keeps the resume token of `joined` and resumes with it after a loss', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'join', token: 'token-1' });
    t.seatLast('resume-A');
    expect(t.seat.load()).toEqual({ signalingUrl: URL, resumeToken: 'resume-A' });
    t.last().drop();
    await t.clock.advance(TIMING.rejoinFirstMs);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'resume', resumeToken: 'resume-A' });
    t.seatLast('resume-B');
    expect(t.log).toEqual(['joined', 'lost:closed', 'resumed']);
    expect(t.seat.load()?.resumeToken).toBe('resume-B');
  });

  it('joins afresh at once after bad-resume', async () => {
    const t = setup();
    t.seat.save({ signalingUrl: URL, resumeToken: 'stale' });
    t.client.start();
    await t.clock.advance(0);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'resume', resumeToken: 'stale' });
    t.refuse('bad-resume');
    await t.clock.advance(0);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'join', token: 'token-1' });
    expect(t.seat.load()).toBeNull();
  });

  it('stops for good when another page takes the seat over, and never fights back', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    t.seatLast();
    t.refuse('seat-taken-over');
    await t.clock.advance(30_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.log).toEqual(['joined', 'refused:seat-taken-over']);
  });

  it.each(['replayed-token', 'revoked-token', 'expired-token', 'bad-token'] as const)(
    'stops the doctor on a refused invite (%s)',
    async (code) => {
      const t = setup('consultant');
      t.client.start();
      await t.clock.advance(0);
      t.last().open();
      t.refuse(code);
      await t.clock.advance(10_000);
      expect(t.sockets).toHaveLength(1);
      expect(t.log).toEqual([`refused:${code}`]);
    },
  );

  it('ends the doctor when the station closes the room, and reseats the station at once', async () => {
    const doctor = setup('consultant');
    doctor.client.start();
    await doctor.clock.advance(0);
    doctor.seatLast();
    doctor.refuse('room-closed');
    expect(doctor.log).toEqual(['joined', 'refused:room-closed']);

    const station = setup('station');
    station.client.start();
    await station.clock.advance(0);
    station.seatLast('station-resume');
    station.refuse('room-closed');
    await station.clock.advance(0);
    expect(station.sockets).toHaveLength(2);
    station.last().open();
    // Not the old room's seat: a fresh token from the backend names the new room.
    expect(station.last().sent[0]).toEqual({ type: 'join', token: 'token-2' });
    expect(station.log).toEqual(['joined', 'moved', 'lost:closed']);
  });

  it('moves a station to its new room when its backend says so, leaving the old room first', async () => {
    const station = setup('station');
    station.client.start();
    await station.clock.advance(0);
    station.seatLast('station-resume');
    const old = station.last();
    station.client.moveRoom();
    // The old room hears the station leave (a standalone rendezvous learns of the move only so).
    expect(old.sent.at(-1)).toEqual({ type: 'leave' });
    await station.clock.advance(0);
    expect(station.sockets).toHaveLength(2);
    station.last().open();
    // Not a resume of the old seat: a fresh token from the backend names the new room.
    expect(station.last().sent[0]).toEqual({ type: 'join', token: 'token-2' });
    expect(station.log).toEqual(['joined', 'moved']);

    const doctor = setup('consultant');
    doctor.client.start();
    await doctor.clock.advance(0);
    doctor.seatLast();
    doctor.client.moveRoom();
    await doctor.clock.advance(0);
    expect(doctor.sockets).toHaveLength(1);
  });

  it('keeps a station that was once seated trying through refusals', async () => {
    const t = setup('station');
    t.client.start();
    await t.clock.advance(0);
    t.seatLast(undefined);
    t.last().drop();
    await t.clock.advance(TIMING.rejoinFirstMs);
    t.last().open();
    t.refuse('role-taken');
    await t.clock.advance(TIMING.rejoinMaxMs * 1.2);
    expect(t.sockets).toHaveLength(3);
    expect(t.log).not.toContain('refused:role-taken');
  });

  it('is told by the server to move on (draining) and comes back at once', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    t.seatLast();
    t.refuse('draining');
    await t.clock.advance(0);
    expect(t.sockets).toHaveLength(2);
  });

  it('leaving gives the seat up: nothing is kept to resume', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    t.seatLast();
    t.client.close(true);
    expect(t.last().sent.at(-1)).toEqual({ type: 'leave' });
    expect(t.seat.load()).toBeNull();
    await t.clock.advance(10_000);
    expect(t.sockets).toHaveLength(1);
  });

  it('closing without leave (the page goes away) keeps the seat for the next load', async () => {
    const t = setup();
    t.client.start();
    await t.clock.advance(0);
    t.seatLast('keep-me');
    t.client.close(false);
    expect(t.last().sent.some((message) => message.type === 'leave')).toBe(false);
    expect(t.seat.load()?.resumeToken).toBe('keep-me');
  });
});

describe('seat in sessionStorage', () => {
  it('survives a new store on the same storage (a reload), and ignores junk', () => {
    sessionStorage.clear();
    sessionSeatStore(sessionStorage, 'k').save({ signalingUrl: URL, resumeToken: 'r' });
    expect(sessionSeatStore(sessionStorage, 'k').load()).toEqual({ signalingUrl: URL, resumeToken: 'r' });
    sessionStorage.setItem('k', '{"signalingUrl":"javascript:x","resumeToken":"r"}');
    expect(sessionSeatStore(sessionStorage, 'k').load()).toBeNull();
    sessionStorage.setItem('k', 'not json');
    expect(sessionSeatStore(sessionStorage, 'k').load()).toBeNull();
  });

  it('keeps the seat in memory when storage refuses it', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    const store = sessionSeatStore(broken, 'k');
    store.save({ signalingUrl: URL, resumeToken: 'r' });
    expect(store.load()?.resumeToken).toBe('r');
  });
});

describe('a resume left unanswered', () => {
  it('keeps the seat: an open socket that stays silent is a bad link, not a lost seat', async () => {
    // The doctor's invite is spent: giving the seat up here would end the call for good.
    const t = setup();
    t.seat.save({ signalingUrl: URL, resumeToken: 'mine' });
    t.client.start();
    await t.clock.advance(0);
    t.last().open();
    await t.clock.advance(TIMING.joinTimeoutMs + TIMING.rejoinFirstMs);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'resume', resumeToken: 'mine' });
  });

  it('keeps the seat when the socket never even opened (the network is down)', async () => {
    const t = setup();
    t.seat.save({ signalingUrl: URL, resumeToken: 'mine' });
    t.client.start();
    await t.clock.advance(TIMING.joinTimeoutMs + TIMING.rejoinFirstMs);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'resume', resumeToken: 'mine' });
  });
});

describe('a long cut', () => {
  /** The network probe of a link that is cut until `up`: unanswered for probeTimeoutMs, or yes. */
  function cutLink() {
    const link = { up: false, probes: 0 };
    const probe =
      (clock: ManualClock): NetworkProbe =>
      () => {
        link.probes += 1;
        return new Promise<boolean>((done) => {
          if (link.up) done(true);
          else clock.setTimeout(() => done(link.up), TIMING.probeTimeoutMs);
        });
      };
    return { link, probe };
  }

  /** Every socket opened into the cut never opens, and is given up at its join timeout. */
  async function runCut(t: ReturnType<typeof setup>, ms: number): Promise<void> {
    await t.clock.advance(ms);
  }

  it('waits for the probe to hear the network instead of opening socket after socket (a throttled browser)', async () => {
    const { link, probe } = cutLink();
    const t = setup('consultant', probe);
    t.seat.save({ signalingUrl: URL, resumeToken: 'mine' });
    t.client.start();
    await runCut(t, 150_000);
    // Three plain tries, then one blind try every 30 s: not one every 3.5 s (43 in 150 s).
    expect(t.sockets.length).toBeLessThanOrEqual(
      TIMING.probeAfterFailures + 1 + 150_000 / TIMING.blindRetryMs,
    );
    expect(link.probes).toBeGreaterThan(50);
    const before = t.sockets.length;
    link.up = true;
    // The probe running when the network returns answers at the end of its time; the next at once.
    await t.clock.advance(TIMING.probeTimeoutMs + TIMING.rejoinMaxMs);
    expect(t.sockets.length).toBe(before + 1);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'resume', resumeToken: 'mine' });
  });

  it('never probes faster than one every rejoinMaxMs, even when the probe fails at once', async () => {
    let probes = 0;
    const t = setup('consultant', () => () => {
      probes += 1;
      return Promise.resolve(false);
    });
    t.client.start();
    await t.clock.advance(20_000);
    expect(probes).toBeLessThanOrEqual(20_000 / TIMING.rejoinMaxMs + 1);
    expect(t.sockets.length).toBeLessThanOrEqual(TIMING.probeAfterFailures + 2);
  });

  it('retries as before when the probe cannot tell (no TURN server to ask)', async () => {
    const t = setup('consultant', () => () => null);
    t.client.start();
    await t.clock.advance(35_000);
    // join timeout 2.5 s + 1 s backoff: about one socket every 3.5 s.
    expect(t.sockets.length).toBeGreaterThan(8);
  });

  it('goes straight to a socket when the server said where to go (draining), without a probe', async () => {
    const { link, probe } = cutLink();
    const t = setup('consultant', probe);
    t.client.start();
    await runCut(t, 20_000);
    link.up = true;
    await t.clock.advance(TIMING.probeTimeoutMs + TIMING.rejoinMaxMs);
    t.last().open();
    t.last().receive({ type: 'error', code: 'draining', message: 'for logs' });
    t.last().drop();
    const sockets = t.sockets.length;
    const probes = link.probes;
    await t.clock.advance(0);
    expect(t.sockets.length).toBe(sockets + 1);
    expect(link.probes).toBe(probes);
  });
});
