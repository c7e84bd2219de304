import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startServer, type RunningServer } from '../../src/server/start';
import { createWsBridge, type WsBridge } from '../../src/server/ws-bridge';
import { FakeCoreBackend } from '../helpers/fake-backend';
import { lastBody, upgradeStatus } from './host-access-kit';
import { closed, frame, OPCODE, openRawSocket } from './raw-ws-client';

/**
 * Issue 13, item 2: the host died of out-of-memory at 73 sockets, each holding a half-sent frame of
 * up to 16 MiB while answering pings. Now: 16 connections at most, 256 KiB messages, and a message
 * begun must end within 15 s, pongs or not.
 */
describe('/api bounds on the Node host', () => {
  let base: string;
  let server: RunningServer;
  const opened: WebSocket[] = [];

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'station-api-limits-'));
    server = await startServer({ port: 0, staticDir: base, dataDir: join(base, 'data') });
  });
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.terminate();
  });
  afterAll(async () => {
    await server.close();
    rmSync(base, { recursive: true, force: true });
  });

  const apiUrl = (): string => `${server.url.replace('http', 'ws')}api?token=${server.accessToken}`;
  const origin = (): string => new URL(server.url).origin;
  const open = async (): Promise<WebSocket> => {
    const socket = new WebSocket(apiUrl(), { origin: origin() });
    opened.push(socket);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return socket;
  };
  const call = (socket: WebSocket, id: number): Promise<unknown> =>
    new Promise((resolve) => {
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
        if (message.id === id) resolve(message.result);
      });
      socket.send(JSON.stringify({ id, method: 'app.info', params: {} }));
    });

  it('takes 16 connections; the 17th gets 503 at the upgrade and is never counted', async () => {
    const sixteen = await Promise.all(Array.from({ length: 16 }, () => open()));
    for (let attempt = 0; attempt < 5; attempt++)
      expect(await upgradeStatus(apiUrl(), { Origin: origin() })).toBe(503);
    expect(lastBody).toBe('Service Unavailable');
    // Every one of the sixteen still answers.
    const answers = await Promise.all(sixteen.map((socket, i) => call(socket, i + 1)));
    expect(answers.every((a) => (a as { ok: boolean }).ok)).toBe(true);
    // One leaves: exactly one place is free again (the five refused took none).
    sixteen[0].close();
    let replacement: WebSocket | null = null;
    while (replacement === null) replacement = await open().catch(() => null); // until its close is seen
    expect(await upgradeStatus(apiUrl(), { Origin: origin() })).toBe(503);
  });

  it('closes a connection whose message is over 256 KiB (1009), and admits smaller ones', async () => {
    const socket = await open();
    const closing = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ id: 1, method: 'app.info', params: { pad: 'x'.repeat(256 * 1024) } }));
    expect(await closing).toBe(1009);
    const fine = await open();
    const request = JSON.stringify({ id: 2, method: 'app.info', params: {} });
    expect(Buffer.byteLength(request)).toBeLessThan(256 * 1024);
    expect(await call(fine, 2)).toMatchObject({ ok: true });
  });
});

describe('/api half-sent messages', () => {
  let http: Server;
  let bridge: WsBridge;
  let port: number;
  let nowMs = 0;

  beforeEach(async () => {
    nowMs = 0;
    bridge = createWsBridge({
      backend: new FakeCoreBackend(),
      now: () => nowMs,
      maintenanceIntervalMs: 200, // room for a pong on a loaded machine
      messageTimeoutMs: 15_000,
    });
    http = createServer();
    http.on('upgrade', (request, socket, head) => bridge.handleUpgrade(request, socket, head));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await bridge.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });

  const rawSocket = () => openRawSocket(port, '/api', { Origin: `http://127.0.0.1:${port}` });
  /** Lets the bridge's maintenance run a few times with the clock where the test put it. */
  const ticks = () => new Promise((resolve) => setTimeout(resolve, 500));

  it('cuts a message begun and never ended while the client keeps answering pings', async () => {
    const attacker = await rawSocket();
    const idle = await rawSocket();
    // 200 KiB of a message in a first fragment (under the 256 KiB cap), then nothing but pongs.
    attacker.write(frame(OPCODE.text, Buffer.alloc(200 * 1024, 0x20), false));
    await ticks(); // the host has read it at 0 ms
    for (const elapsed of [5_000, 10_000, 15_000]) {
      nowMs = elapsed;
      await ticks();
      expect(attacker.destroyed).toBe(false);
    }
    nowMs = 15_001;
    await closed(attacker);
    await ticks();
    expect(idle.destroyed).toBe(false); // between messages, answering pings: kept
    expect(bridge.clientCount).toBe(1);
    idle.destroy();
  });

  it('a message sent in fragments with pongs between them counts from its first fragment', async () => {
    const attacker = await rawSocket();
    attacker.write(frame(OPCODE.text, Buffer.from('{"id":1,'), false));
    await ticks(); // the host has read it at 0 ms
    nowMs = 10_000;
    attacker.write(frame(OPCODE.pong, Buffer.alloc(0)));
    attacker.write(frame(OPCODE.continuation, Buffer.from('"method":'), false));
    await ticks();
    expect(attacker.destroyed).toBe(false);
    nowMs = 15_001;
    attacker.write(frame(OPCODE.pong, Buffer.alloc(0)));
    await closed(attacker);
  });
});
