import type { ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bindingRequest,
  isBindingSuccess,
  stunBindingCheck,
} from '../../../src/core/signaling/stun-binding-check';
import { startCoturn } from './turn-client';
import { freeUdpPort } from './udp-port';

const haveCoturn = existsSync('/usr/bin/turnserver');

/** A UDP socket on loopback that answers each datagram with `reply(request)`, or nothing. */
async function udpResponder(reply: (request: Buffer) => Buffer | null): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.on('message', (request, from) => {
    const answer = reply(request);
    if (answer !== null) socket.send(answer, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}

function successFor(request: Buffer, patch: (packet: Buffer) => void = () => undefined): Buffer {
  const packet = Buffer.from(request);
  packet.writeUInt16BE(0x0101, 0);
  patch(packet);
  return packet;
}

describe('STUN Binding check', () => {
  it('sends a bare 20-byte Binding request with the magic cookie', () => {
    const id = Buffer.alloc(12, 7);
    const packet = bindingRequest(id);
    expect(packet.toString('hex')).toBe(`000100002112a442${id.toString('hex')}`);
  });

  it('accepts only a success response carrying our transaction id', () => {
    const id = Buffer.alloc(12, 1);
    const request = bindingRequest(id);
    expect(isBindingSuccess(successFor(request), id)).toBe(true);
    expect(isBindingSuccess(request, id)).toBe(false); // a request is no answer
    expect(isBindingSuccess(successFor(request), Buffer.alloc(12, 2))).toBe(false);
    expect(
      isBindingSuccess(
        successFor(request, (p) => p.writeUInt32BE(0, 4)),
        id,
      ),
    ).toBe(false);
    expect(
      isBindingSuccess(
        successFor(request, (p) => p.writeUInt16BE(0x0111, 0)),
        id,
      ),
    ).toBe(false);
    expect(
      isBindingSuccess(
        successFor(request, (p) => p.writeUInt16BE(8, 2)),
        id,
      ),
    ).toBe(false);
    expect(isBindingSuccess(Buffer.alloc(8), id)).toBe(false);
  });

  it('times out on a server that stays silent, and ignores a wrong answer', async () => {
    const silent = await udpResponder(() => null);
    const wrong = await udpResponder((request) => successFor(request, (p) => p.fill(9, 8, 20)));
    try {
      for (const socket of [silent, wrong]) {
        const result = await stunBindingCheck({ host: '127.0.0.1', port: socket.address().port }, 200);
        expect(result).toEqual({ ok: false });
      }
    } finally {
      silent.close();
      wrong.close();
    }
  });

  it('answers with the round trip measured on the clock it is given', async () => {
    const echo = await udpResponder((request) => successFor(request));
    let tick = 0;
    try {
      const result = await stunBindingCheck(
        { host: '127.0.0.1', port: echo.address().port },
        1000,
        () => (tick += 5),
      );
      expect(result).toEqual({ ok: true, rttMs: 5 });
    } finally {
      echo.close();
    }
  });

  (haveCoturn ? describe : describe.skip)('against a real coturn', () => {
    let coturn: ChildProcess;
    let port: number;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'station-stun-'));
      port = await freeUdpPort();
      const minRelayPort = 50_000 + Math.floor(Math.random() * 1000) * 10;
      coturn = await startCoturn({ port, minRelayPort, secret: 's', pidFile: join(dir, 'turn.pid') });
    }, 15_000);
    afterAll(() => {
      coturn?.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    it('coturn answers the Binding request without credentials', async () => {
      const result = await stunBindingCheck({ host: '127.0.0.1', port }, 1000);
      expect(result.ok).toBe(true);
    });
  });
});
