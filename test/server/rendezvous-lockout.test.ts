import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATION_APP_ORIGIN } from '../../src/core/signaling/signaling-origin';
import { startRendezvousServer } from '../../src/server/rendezvous';
import { startServer } from '../../src/server/start';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { cutBurst, openBurst, selfSignedCertificate } from './socket-burst';
import { WebSocket } from 'ws';

/**
 * The review's lock-out, on both hosts: bursts of sockets from one client used to leave every
 * refused socket counted as live forever, until every join, the station's included, was
 * `server-busy`. Now refused sockets are never counted and one client holds at most its own share:
 * after 10 bursts of 600 (the last one still open), the station joins.
 */
const BURSTS = 10;
const BURST_SIZE = 600;
/** Another loopback address than the station's 127.0.0.1: the attacker is a client of its own. */
const ATTACKER = '127.0.0.2';

describe('rendezvous lock-out', () => {
  let base: string;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-lockout-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'consultant.html'), '<!doctype html><title>consultant</title>');
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    rmSync(base, { recursive: true, force: true });
  });

  async function attack(url: string, origin: string, insecureTls = false): Promise<void> {
    for (let burst = 1; burst <= BURSTS; burst += 1) {
      const sockets = await openBurst(url, BURST_SIZE, { origin, localAddress: ATTACKER, insecureTls });
      // The last burst stays open while the station joins: one client cannot take every seat.
      if (burst < BURSTS) await cutBurst(sockets);
      else stops.push(() => cutBurst(sockets));
    }
  }

  it('embedded: after 10 bursts of 600 sockets, the station still joins', async () => {
    const server = await startServer({ staticDir: join(base, 'renderer'), dataDir: join(base, 'data') });
    stops.push(() => server.close());
    const origin = new URL(server.url).origin;
    await attack(`${origin.replace('http', 'ws')}/signal`, origin);

    await server.backend.api['consultation.start'](CONSULTATION_START);
    const { signalingUrl, token } = await server.backend.api['call.join']({});
    expect(await joinReply(new WebSocket(signalingUrl, { origin }), token)).toMatchObject({
      type: 'joined',
      role: 'station',
    });
  }, 120_000);

  it('standalone over TLS: after 10 bursts of 600 sockets, the station still joins', async () => {
    const secret = 'shared-between-station-and-rendezvous!';
    const rendezvous = await startRendezvousServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'rdv'),
      tls: selfSignedCertificate(base),
      env: { STATION_SIGNALING_SECRET: secret },
    });
    stops.push(() => rendezvous.close());
    const origin = new URL(rendezvous.url).origin;
    const signalUrl = `${origin.replace('https', 'wss')}/signal`;
    await attack(signalUrl, origin, true);

    const station = await startServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'station'),
      signaling: { env: { STATION_SIGNALING_SECRET: secret } },
    });
    stops.push(() => station.close());
    await station.backend.api['settings.update']({ rendezvousUrl: signalUrl });
    await station.backend.api['consultation.start'](CONSULTATION_START);
    const { token } = await station.backend.api['call.join']({});
    const socket = new WebSocket(signalUrl, { origin: STATION_APP_ORIGIN, rejectUnauthorized: false });
    expect(await joinReply(socket, token)).toMatchObject({ type: 'joined', role: 'station' });
  }, 180_000);

  /** The first answer to a join: `joined`, or the error that refused it. */
  async function joinReply(socket: WebSocket, token: string): Promise<unknown> {
    stops.push(async () => socket.terminate());
    return new Promise((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'join', token })));
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
      socket.once('error', reject);
    });
  }
});
