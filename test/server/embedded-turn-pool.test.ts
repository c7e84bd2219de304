import { createSocket, type Socket } from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start';
import { Participant } from '../core/signaling/signaling-support';
import { CONSULTATION_START } from '../helpers/consultation-start';

/**
 * The station's own rendezvous with a pool of TURN servers in its settings: two UDP sockets on
 * loopback stand for two coturns, one answering STUN Binding requests, the other silent (dead).
 * The station is handed the live one only once the checks have found the other dead.
 */
describe('TURN pool on the embedded rendezvous', () => {
  let base: string;
  const sockets: Socket[] = [];
  const stops: (() => Promise<void>)[] = [];

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-turn-embedded-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>station</title>');
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    for (const socket of sockets.splice(0)) socket.close();
    rmSync(base, { recursive: true, force: true });
  });

  const udp = async (answer: boolean): Promise<number> => {
    const socket = createSocket('udp4');
    sockets.push(socket);
    socket.on('message', (request, from) => {
      if (!answer) return;
      const success = Buffer.from(request);
      success.writeUInt16BE(0x0101, 0); // Binding success, same transaction
      socket.send(success, from.port, from.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return socket.address().port;
  };

  it('hands the station credentials for the live servers only, the dead one left out', async () => {
    const dead = `turn:127.0.0.1:${await udp(false)}?transport=udp`;
    const live = `turn:127.0.0.1:${await udp(true)}?transport=udp`;
    const server = await startServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'data'),
      signaling: { turnSecret: 'pool-secret', turnCheckIntervalMs: 100 },
    });
    stops.push(() => server.close());
    await server.backend.api['settings.update']({ turnUrls: [dead, live] });
    await server.backend.api['consultation.start'](CONSULTATION_START);
    const origin = new URL(server.url).origin;

    const turnUrlsOffered = async (): Promise<string[]> => {
      const { signalingUrl, token } = await server.backend.api['call.join']({});
      const station = await Participant.open(signalingUrl, origin);
      try {
        station.send({ type: 'join', token });
        const joined = await station.next('joined');
        const turn = joined.iceServers.find((entry) => entry.username !== undefined);
        expect(turn?.username).toMatch(new RegExp(`^\\d+:${joined.peerId}$`));
        station.send({ type: 'leave' });
        await station.closed();
        return [turn?.urls ?? []].flat();
      } finally {
        station.close();
      }
    };
    // Checked every 100 ms, down after two misses in a row: a few rounds, each join a fresh look.
    let offered = await turnUrlsOffered();
    expect(new Set(offered)).toEqual(new Set([dead, live]));
    for (let attempt = 0; attempt < 50 && offered.includes(dead); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      offered = await turnUrlsOffered();
    }
    expect(offered).toEqual([live]);
  });
});
