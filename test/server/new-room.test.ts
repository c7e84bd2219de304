import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start';
import { Participant } from '../core/signaling/signaling-support';
import { CONSULTATION_START } from '../helpers/consultation-start';

/**
 * `call.invite` with `newRoom` on the station's host: the review found the station left in its old
 * room, where earlier links still reached it. Now the old room is closed at once, its links are
 * refused, and the station, sent away, rejoins its new room with the fresh token `call.join` gives.
 */
describe('newRoom on the embedded rendezvous', () => {
  let base: string;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-new-room-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'consultant.html'), '<!doctype html><title>consultant</title>');
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('closes the old room, refuses its links and reseats the station', async () => {
    const server = await startServer({ staticDir: join(base, 'renderer'), dataDir: join(base, 'data') });
    stops.push(() => server.close());
    const api = server.backend.api;
    await api['consultation.start'](CONSULTATION_START);
    const origin = new URL(server.url).origin;
    const linkOf = (url: string): string => new URL(url).hash.replace('#invite=', '');
    const open = async (): Promise<Participant> => {
      const { signalingUrl } = await api['call.join']({});
      const participant = await Participant.open(signalingUrl, origin);
      stops.push(async () => participant.close());
      return participant;
    };

    const oldLinks = [linkOf((await api['call.invite']({})).consultantUrl)];
    const station = await open();
    station.send({ type: 'join', token: (await api['call.join']({})).token });
    await station.next('joined');
    oldLinks.push(linkOf((await api['call.invite']({})).consultantUrl));

    const fresh = await api['call.invite']({ newRoom: true });
    expect((await station.next('error')).code).toBe('room-closed');
    expect(await station.closed()).toBe(1008);
    for (const link of oldLinks) {
      const stranger = await open();
      stranger.send({ type: 'join', token: link });
      expect((await stranger.next('error')).code).toBe('revoked-token');
    }

    // The station's page, sent away, asks for a fresh token: it names the new room.
    const reseated = await open();
    reseated.send({ type: 'join', token: (await api['call.join']({})).token });
    await reseated.next('joined');
    const doctor = await open();
    doctor.send({ type: 'join', token: linkOf(fresh.consultantUrl) });
    expect((await doctor.next('joined')).peers).toEqual([expect.objectContaining({ role: 'station' })]);
    expect((await reseated.next('peer-joined')).peer.role).toBe('consultant');
  });

  it('tells the station page to move (call.moved): a standalone rendezvous learns it only so', async () => {
    const server = await startServer({ staticDir: join(base, 'renderer'), dataDir: join(base, 'data') });
    stops.push(() => server.close());
    const api = server.backend.api;
    await api['consultation.start'](CONSULTATION_START);
    const moves: unknown[] = [];
    const unsubscribe = server.backend.on('call.moved', (payload) => moves.push(payload));
    stops.push(() => Promise.resolve(unsubscribe()));
    await api['call.invite']({});
    expect(moves).toEqual([]);
    await api['call.invite']({ newRoom: true });
    expect(moves).toEqual([null]);
  });
});
