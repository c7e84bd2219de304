import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { coturnPeerArgs } from '../../../src/core/check/turn/peer-deny-list';

/**
 * Just enough STUN/TURN over UDP to check that coturn accepts our credentials: an Allocate request
 * (RFC 5766 §6), the 401 challenge carrying REALM and NONCE, and the retry with USERNAME, REALM,
 * NONCE and MESSAGE-INTEGRITY = HMAC-SHA1 over the message so far, keyed by
 * MD5(username ":" realm ":" password) (RFC 5389 §15.4, long-term credentials).
 */
const MAGIC_COOKIE = 0x2112a442;
const ALLOCATE_REQUEST = 0x0003;
export const ALLOCATE_SUCCESS = 0x0103;
export const ALLOCATE_ERROR = 0x0113;
const ATTR = {
  USERNAME: 0x0006,
  MESSAGE_INTEGRITY: 0x0008,
  ERROR_CODE: 0x0009,
  REALM: 0x0014,
  NONCE: 0x0015,
  REQUESTED_TRANSPORT: 0x0019,
};
const UDP = 17;

interface StunResponse {
  readonly type: number;
  readonly attributes: Map<number, Buffer>;
}

function attribute(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

function message(type: number, transactionId: Buffer, body: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(body.length, 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  return Buffer.concat([header, body]);
}

/** Appends MESSAGE-INTEGRITY: the length field must already count the 24-byte attribute. */
function withIntegrity(type: number, transactionId: Buffer, body: Buffer, key: Buffer): Buffer {
  const draft = message(type, transactionId, body);
  draft.writeUInt16BE(body.length + 24, 2);
  const mac = createHmac('sha1', key).update(draft).digest();
  return Buffer.concat([draft, attribute(ATTR.MESSAGE_INTEGRITY, mac)]);
}

function parse(packet: Buffer): StunResponse {
  const attributes = new Map<number, Buffer>();
  for (let offset = 20; offset + 4 <= packet.length;) {
    const type = packet.readUInt16BE(offset);
    const length = packet.readUInt16BE(offset + 2);
    attributes.set(type, packet.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { type: packet.readUInt16BE(0), attributes };
}

export function errorCodeOf(response: StunResponse): number | null {
  const value = response.attributes.get(ATTR.ERROR_CODE);
  return value === undefined ? null : (value[2] & 0x7) * 100 + value[3];
}

function exchange(socket: Socket, port: number, request: Buffer, timeoutMs = 1000): Promise<StunResponse> {
  return new Promise<StunResponse>((resolve, reject) => {
    const onMessage = (packet: Buffer): void => {
      clearTimeout(timer);
      resolve(parse(packet));
    };
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error('no STUN response'));
    }, timeoutMs);
    socket.once('message', onMessage);
    socket.send(request, port, '127.0.0.1');
  });
}

/**
 * Runs the two-step authenticated Allocate and returns the final response. Both steps go from one
 * socket: coturn ties the NONCE to the client's address and port (else 438 Stale Nonce).
 */
export async function allocate(port: number, username: string, password: string): Promise<StunResponse> {
  const socket = createSocket('udp4');
  try {
    const transport = attribute(ATTR.REQUESTED_TRANSPORT, Buffer.from([UDP, 0, 0, 0]));
    const challenge = await exchange(socket, port, message(ALLOCATE_REQUEST, randomBytes(12), transport));
    const realm = challenge.attributes.get(ATTR.REALM);
    const nonce = challenge.attributes.get(ATTR.NONCE);
    if (errorCodeOf(challenge) !== 401 || realm === undefined || nonce === undefined) {
      throw new Error(`expected a 401 challenge, got type 0x${challenge.type.toString(16)}`);
    }
    const key = createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
    const body = Buffer.concat([
      transport,
      attribute(ATTR.USERNAME, Buffer.from(username)),
      attribute(ATTR.REALM, realm),
      attribute(ATTR.NONCE, nonce),
    ]);
    return await exchange(socket, port, withIntegrity(ALLOCATE_REQUEST, randomBytes(12), body, key));
  } finally {
    socket.close();
  }
}

/** The one peer the test relay allows: both pages (or test sockets) live on 127.0.0.1. */
const TEST_RELAY_PEER = '127.0.0.1';

/**
 * coturn as design.md §4 starts it, on a given UDP port and relay port range, with the deny list
 * of production and this test's own loopback address excepted.
 */
export async function startCoturn(options: {
  port: number;
  minRelayPort: number;
  secret: string;
  pidFile: string;
}): Promise<ChildProcess> {
  const child = spawn(
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${options.port}`,
      '--use-auth-secret',
      `--static-auth-secret=${options.secret}`,
      '--realm=station.test',
      '--no-tls',
      '--no-dtls',
      '--no-tcp',
      '--no-cli',
      // Loopback peers on, for the two pages on 127.0.0.1; then the production deny list, with
      // exactly this one address excepted (README, "Deploying the rendezvous server and TURN").
      '--allow-loopback-peers',
      ...coturnPeerArgs([TEST_RELAY_PEER]),
      `--min-port=${options.minRelayPort}`,
      `--max-port=${options.minRelayPort + 10}`,
      '--fingerprint',
      '--log-file=stdout',
      `--pidfile=${options.pidFile}`,
    ],
    { stdio: 'ignore' },
  );
  // Ready once it answers: any response to an unauthenticated Allocate will do.
  const transport = attribute(ATTR.REQUESTED_TRANSPORT, Buffer.from([UDP, 0, 0, 0]));
  const probe = createSocket('udp4');
  try {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (child.exitCode !== null) throw new Error(`turnserver exited with ${child.exitCode}`);
      try {
        await exchange(probe, options.port, message(ALLOCATE_REQUEST, randomBytes(12), transport), 100);
        return child;
      } catch {
        // not listening yet
      }
    }
  } finally {
    probe.close();
  }
  child.kill();
  throw new Error('turnserver did not start');
}
