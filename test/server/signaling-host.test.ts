import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { API_METHODS } from '../../src/shared/api';
import { STATION_APP_ORIGIN } from '../../src/core/signaling/signaling-origin';
import { startRendezvousServer } from '../../src/server/rendezvous';
import { startServer } from '../../src/server/start';
import { Participant } from '../core/signaling/signaling-support';
import { CONSULTATION_START } from '../helpers/consultation-start';

/** Signaling wired into the Node host (embedded) and the standalone rendezvous server. */
describe('signaling on the hosts', () => {
  let base: string;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-signal-'));
    mkdirSync(join(base, 'renderer'));
    writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>station</title>');
    writeFileSync(join(base, 'renderer', 'consultant.html'), '<!doctype html><title>consultant</title>');
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('embedded: call.invite and call.join lead both sides into one room at /signal', async () => {
    const server = await startServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'data'),
      signaling: { turnSecret: 'coturn-secret', turnUrls: ['turn:127.0.0.1:3478'] },
    });
    stops.push(() => server.close());
    await server.backend.api['settings.update']({ stunUrls: ['stun:127.0.0.1:3478'] });
    // No consent, no call: a consultation with the patient's consent comes first.
    await expect(server.backend.api['call.join']({})).rejects.toMatchObject({ code: 'forbidden' });
    await server.backend.api['consultation.start'](CONSULTATION_START);
    const origin = new URL(server.url).origin;

    const invite = await server.backend.api['call.invite']({});
    expect(invite.consultantUrl).toBe(`${origin}/consultant.html#invite=${invite.consultantToken}`);
    expect(API_METHODS['call.invite'].result.parse(invite)).toEqual(invite);
    const stationJoin = await server.backend.api['call.join']({});
    expect(API_METHODS['call.join'].result.parse(stationJoin)).toEqual(stationJoin);
    expect(stationJoin.signalingUrl).toBe(`${origin.replace('http', 'ws')}/signal`);

    const station = await Participant.open(stationJoin.signalingUrl, origin);
    stops.push(async () => station.close());
    station.send({ type: 'join', token: stationJoin.token });
    const joined = await station.next('joined');
    expect(joined.iceServers[0]).toEqual({ urls: ['stun:127.0.0.1:3478'] });
    expect(joined.iceServers[1]?.urls).toEqual(['turn:127.0.0.1:3478']);
    expect(joined.iceServers[1]?.username).toMatch(new RegExp(`^\\d+:${joined.peerId}$`));
    expect(joined.iceServers[1]?.credential).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    const fragmentToken = new URL(invite.consultantUrl).hash.replace('#invite=', '');
    const consultant = await Participant.open(stationJoin.signalingUrl, origin);
    stops.push(async () => consultant.close());
    consultant.send({ type: 'join', token: fragmentToken });
    await consultant.next('joined');
    expect((await station.next('peer-joined')).peer.role).toBe('consultant');

    const elsewhere = new WebSocket(`${origin.replace('http', 'ws')}/nowhere`, { origin });
    await expect(
      new Promise((resolve, reject) => elsewhere.once('open', resolve).once('error', reject)),
    ).rejects.toThrow(/404/);
  });

  it('embedded: invites name the public URL when one is configured', async () => {
    const server = await startServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'data'),
      signaling: { publicUrl: 'https://station.example.org/' },
    });
    stops.push(() => server.close());
    await server.backend.api['consultation.start'](CONSULTATION_START);
    expect((await server.backend.api['call.invite']({})).consultantUrl).toMatch(
      /^https:\/\/station\.example\.org\/consultant\.html#invite=v1\./,
    );
    expect((await server.backend.api['call.join']({})).signalingUrl).toBe('wss://station.example.org/signal');
  });

  it('standalone over TLS: serves the consultant page and signaling, and nothing else', async () => {
    const cert = join(base, 'cert.pem');
    const key = join(base, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const secret = 'shared-between-station-and-rendezvous!';
    const rendezvous = await startRendezvousServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'rdv'),
      tls: { certFile: cert, keyFile: key },
      env: { STATION_SIGNALING_SECRET: secret },
    });
    stops.push(() => rendezvous.close());
    expect(rendezvous.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const origin = new URL(rendezvous.url).origin;

    const page = await new Promise<string>((resolve, reject) =>
      httpsGet(`${origin}/consultant.html`, { rejectUnauthorized: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      }).once('error', reject),
    );
    expect(page).toContain('consultant');

    // A station configured with this server signs its tokens with the same key.
    const station = await startServer({
      staticDir: join(base, 'renderer'),
      dataDir: join(base, 'station'),
      signaling: { env: { STATION_SIGNALING_SECRET: secret } },
    });
    stops.push(() => station.close());
    await station.backend.api['settings.update']({
      rendezvousUrl: `${origin.replace('https', 'wss')}/signal`,
    });
    await station.backend.api['consultation.start'](CONSULTATION_START);
    const stationJoin = await station.backend.api['call.join']({});
    expect(stationJoin.signalingUrl).toBe(`${origin.replace('https', 'wss')}/signal`);
    // As the Electron station's page would open it: Origin app://station is accepted by default.
    const socket = new WebSocket(stationJoin.signalingUrl, {
      origin: STATION_APP_ORIGIN,
      rejectUnauthorized: false,
    });
    stops.push(async () => socket.terminate());
    const reply = await new Promise<unknown>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'join', token: stationJoin.token })));
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
      socket.once('error', reject);
    });
    expect(reply).toMatchObject({ type: 'joined', role: 'station' });

    const api404 = new WebSocket(`${origin.replace('https', 'wss')}/api`, {
      origin,
      rejectUnauthorized: false,
    });
    await expect(
      new Promise((resolve, reject) => api404.once('open', resolve).once('error', reject)),
    ).rejects.toThrow(/404/);
  });
});
