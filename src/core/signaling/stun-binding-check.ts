import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';

/**
 * The TURN pool's health check: one STUN Binding request over UDP (RFC 5389 §6, §7), answered by
 * any coturn without credentials. A Binding success response with our transaction id, in time,
 * means the server's process is up and its UDP port reachable from here; anything else (silence,
 * an unrelated packet, an error response) is a failure. The request is the bare 20-byte header: no
 * attributes, so nothing to authenticate and nothing for the server to amplify.
 */
export type StunBindingResult = { readonly ok: true; readonly rttMs: number } | { readonly ok: false };

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const HEADER_BYTES = 20;

export function bindingRequest(transactionId: Buffer): Buffer {
  const packet = Buffer.alloc(HEADER_BYTES);
  packet.writeUInt16BE(BINDING_REQUEST, 0);
  packet.writeUInt16BE(0, 2); // no attributes
  packet.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(packet, 8);
  return packet;
}

/** A Binding success response to `transactionId`: header checks only, the body is not read. */
export function isBindingSuccess(packet: Buffer, transactionId: Buffer): boolean {
  return (
    packet.length >= HEADER_BYTES &&
    packet.readUInt16BE(0) === BINDING_SUCCESS &&
    packet.readUInt16BE(2) === packet.length - HEADER_BYTES &&
    packet.readUInt32BE(4) === MAGIC_COOKIE &&
    packet.subarray(8, HEADER_BYTES).equals(transactionId)
  );
}

export interface StunTarget {
  readonly host: string;
  readonly port: number;
}

/** Sends one Binding request and waits `timeoutMs` at most; never throws. */
export function stunBindingCheck(
  target: StunTarget,
  timeoutMs: number,
  monotonicMs: () => number = () => performance.now(),
): Promise<StunBindingResult> {
  const socket = createSocket(isIPv6(target.host) ? 'udp6' : 'udp4');
  const transactionId = randomBytes(12);
  const started = monotonicMs();
  return new Promise<StunBindingResult>((resolve) => {
    let done = false;
    const finish = (result: StunBindingResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.removeAllListeners('message');
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false }), timeoutMs);
    // An ICMP port-unreachable surfaces as an error on a connected socket; a DNS failure too.
    socket.once('error', () => finish({ ok: false }));
    socket.on('message', (packet: Buffer) => {
      if (isBindingSuccess(packet, transactionId)) finish({ ok: true, rttMs: monotonicMs() - started });
    });
    socket.send(bindingRequest(transactionId), target.port, target.host);
  });
}
