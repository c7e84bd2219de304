import { randomBytes } from 'node:crypto';
import { isIPv4 } from 'node:net';
import {
  classOf,
  encodeStunMessage,
  errorCodeOf,
  MAGIC_COOKIE,
  messageType,
  STUN_CLASS,
  type StunAttribute,
} from '../stun/stun-message';
import type { StunChannel } from './stun-channel';

/**
 * Asks a TURN server, on a live allocation, for permissions towards addresses it must refuse
 * (RFC 5766 §9 CreatePermission, one peer per request so each answer is about one address). A
 * permission only opens the relay's filter: nothing is sent to the peer. A server configured
 * with our deny list answers 403 Forbidden for each; one that grants any would relay a caller's
 * packets into the networks around it.
 */
const CREATE_PERMISSION = 0x008;
const XOR_PEER_ADDRESS = 0x0012;

/** One address from each kind of range the deny list names that an IPv4 relay could reach. */
export const FORBIDDEN_PEER_PROBES: readonly string[] = [
  '10.0.0.1',
  '172.16.0.1',
  '192.168.0.1',
  '169.254.169.254',
  '100.64.0.1',
  '127.0.0.2',
];

export interface PeerPolicyResult {
  /** Addresses the server agreed to relay to: each one a hole in its configuration. */
  readonly granted: readonly string[];
  readonly refused: readonly string[];
  /** No clear answer (a timeout, an unexpected error code). */
  readonly unclear: readonly string[];
}

export interface AuthenticatedRequester {
  readonly channel: StunChannel;
  /** USERNAME, REALM, NONCE of the allocation. */
  readonly credentials: StunAttribute[];
  readonly key: Buffer;
}

export async function probePeerPolicy(
  requester: AuthenticatedRequester,
  peers: readonly string[],
  timeoutMs: number,
): Promise<PeerPolicyResult> {
  const granted: string[] = [];
  const refused: string[] = [];
  const unclear: string[] = [];
  for (const peer of peers) {
    const answer = await createPermission(requester, peer, timeoutMs).catch(() => null);
    if (answer === 'granted') granted.push(peer);
    else if (answer === 'refused') refused.push(peer);
    else unclear.push(peer);
  }
  return { granted, refused, unclear };
}

async function createPermission(
  { channel, credentials, key }: AuthenticatedRequester,
  peer: string,
  timeoutMs: number,
): Promise<'granted' | 'refused' | null> {
  const packet = encodeStunMessage(
    {
      type: messageType(CREATE_PERMISSION, STUN_CLASS.REQUEST),
      transactionId: randomBytes(12),
      attributes: [{ type: XOR_PEER_ADDRESS, value: xorPeerAddress(peer) }, ...credentials],
    },
    { integrityKey: key, fingerprint: true },
  );
  const { message } = await channel.request(packet, timeoutMs);
  if (classOf(message.type) === STUN_CLASS.SUCCESS) return 'granted';
  // 403 Forbidden is coturn's answer for a denied peer (RFC 5766 §9.1).
  return errorCodeOf(message)?.code === 403 ? 'refused' : null;
}

/**
 * XOR-PEER-ADDRESS for an IPv4 peer (RFC 5766 §14.3). Permissions ignore the port, so 0 by default;
 * a Send indication names the peer's real port.
 */
export function xorPeerAddress(address: string, port = 0): Buffer {
  if (!isIPv4(address)) throw new TypeError(`not an IPv4 address: ${address}`);
  const value = Buffer.alloc(8);
  value[1] = 0x01;
  value.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  const octets = address.split('.').map(Number);
  const cookie = Buffer.alloc(4);
  cookie.writeUInt32BE(MAGIC_COOKIE, 0);
  octets.forEach((octet, i) => (value[4 + i] = octet ^ (cookie[i] ?? 0)));
  return value;
}
