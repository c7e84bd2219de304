import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A WebSocket client that writes its own frames, byte for byte: what an attacker does to leave a
 * message half-sent, which no well-behaved client library lets a test do.
 */
export async function openRawSocket(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const head = await new Promise<string>((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      resolve(text);
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  if (!head.startsWith('HTTP/1.1 101')) {
    socket.destroy();
    throw new Error(`upgrade refused: ${head.split('\r\n', 1)[0]}`);
  }
  answerPings(socket);
  socket.on('error', () => undefined);
  return socket;
}

/**
 * Answers each ping of the server with a pong, as a browser does, between whole frames only (the
 * test writes whole frames, or fragments of a message, never a frame cut in two while pinged).
 * Server frames are unmasked; those the API sends here are small (events, replies, pings).
 */
function answerPings(socket: Socket): void {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < 2) return;
      const code = (pending[1] ?? 0) & 0x7f;
      const headerLength = code === 126 ? 4 : code === 127 ? 10 : 2;
      if (pending.length < headerLength) return;
      const length =
        code === 126 ? pending.readUInt16BE(2) : code === 127 ? Number(pending.readBigUInt64BE(2)) : code;
      if (pending.length < headerLength + length) return;
      const opcode = (pending[0] ?? 0) & 0x0f;
      if (opcode === OPCODE.ping && !socket.destroyed)
        socket.write(frame(OPCODE.pong, pending.subarray(headerLength, headerLength + length)));
      pending = pending.subarray(headerLength + length);
    }
  });
}

/** A client frame header (always masked, as RFC 6455 requires of clients), mask key all zeros. */
export function frameHeader(opcode: number, payloadLength: number, fin = true): Buffer {
  const first = (fin ? 0x80 : 0) | opcode;
  if (payloadLength < 126) return Buffer.from([first, 0x80 | payloadLength, 0, 0, 0, 0]);
  if (payloadLength < 0x10000)
    return Buffer.from([first, 0x80 | 126, payloadLength >> 8, payloadLength & 0xff, 0, 0, 0, 0]);
  const header = Buffer.alloc(14);
  header[0] = first;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(payloadLength), 2);
  return header; // the last four bytes: the zero mask
}

/** A whole frame; with a zero mask the payload goes as it is. */
export function frame(opcode: number, payload: Uint8Array, fin = true): Buffer {
  return Buffer.concat([frameHeader(opcode, payload.length, fin), payload]);
}

export const OPCODE = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

export function closed(socket: Socket): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => socket.once('close', () => resolve()));
}
