import { randomBytes } from 'node:crypto';
import {
  attributeOf,
  classOf,
  decodeXorAddress,
  encodeStunMessage,
  errorCodeOf,
  longTermKey,
  messageType,
  STUN_ATTR,
  STUN_CLASS,
  STUN_METHOD,
  TRANSPORT_UDP,
  verifyIntegrity,
  type StunAttribute,
  type StunMessage,
  type TransportAddress,
} from '../stun/stun-message';
import { openStunChannel, StunChannelError, type StunChannel, type StunTransport } from './stun-channel';
import type { TurnEndpoint } from './turn-url';
import { probePeerPolicy, type PeerPolicyResult } from './turn-permission';

/**
 * A real TURN Allocate (RFC 5766 / RFC 8656) from Node, over UDP or TCP: a Binding request for
 * the round trip, an unauthenticated Allocate that the server answers 401 with REALM and NONCE,
 * the Allocate again with USERNAME, REALM, NONCE, MESSAGE-INTEGRITY (key MD5(user:realm:pass)) and
 * FINGERPRINT, then (when asked) CreatePermission towards addresses the relay must refuse
 * (turn-permission.ts), then a Refresh with LIFETIME 0 so the relay is released at once. All
 * requests go over one socket: coturn ties the nonce to the client's 5-tuple.
 */
export type TurnFailureReason =
  'unreachable' | 'refused' | 'timeout' | 'auth-failed' | 'rejected' | 'bad-response';

export type TurnProbeResult =
  | {
      readonly ok: true;
      readonly transport: StunTransport;
      readonly rttMs: number;
      readonly relayed: TransportAddress;
      readonly mapped: TransportAddress | null;
      readonly lifetimeS: number | null;
      /** How the server answered `peerProbes`, when they were given. */
      readonly peerPolicy?: PeerPolicyResult;
    }
  | {
      readonly ok: false;
      readonly transport: StunTransport;
      readonly reason: TurnFailureReason;
      readonly message: string;
      readonly code?: number;
    };

export interface TurnProbeOptions {
  readonly endpoint: TurnEndpoint;
  readonly transport: StunTransport;
  readonly username: string;
  readonly password: string;
  /** Bound on the whole exchange (default 4000 ms): a check must never hang. */
  readonly timeoutMs?: number;
  /** Peers to ask permissions for on the allocation (FORBIDDEN_PEER_PROBES): none by default. */
  readonly peerProbes?: readonly string[];
}

export const DEFAULT_TURN_TIMEOUT_MS = 4000;

export async function probeTurn(options: TurnProbeOptions): Promise<TurnProbeResult> {
  const { transport } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TURN_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const left = (): number => Math.max(1, deadline - Date.now());
  let channel: StunChannel | null = null;
  try {
    channel = await openStunChannel(transport, options.endpoint, timeoutMs);
    const sentAt = performance.now();
    const binding = await channel.request(request(STUN_METHOD.BINDING, []), left());
    const rttMs = performance.now() - sentAt;
    const mapped = readAddress(binding.message, STUN_ATTR.XOR_MAPPED_ADDRESS);

    const requestedTransport = {
      type: STUN_ATTR.REQUESTED_TRANSPORT,
      value: Buffer.from([TRANSPORT_UDP, 0, 0, 0]),
    };
    const challenge = await channel.request(request(STUN_METHOD.ALLOCATE, [requestedTransport]), left());
    if (classOf(challenge.message.type) === STUN_CLASS.SUCCESS) {
      // A server without authentication (unusual for TURN): the relay works all the same.
      return success(transport, rttMs, challenge.message, mapped);
    }
    const realm = attributeOf(challenge.message, STUN_ATTR.REALM);
    let nonce = attributeOf(challenge.message, STUN_ATTR.NONCE);
    const challengeCode = errorCodeOf(challenge.message)?.code;
    if (challengeCode !== 401 || realm === undefined || nonce === undefined)
      return failure(
        transport,
        'bad-response',
        `expected a 401 challenge with realm and nonce, got ${describe(challenge.message)}`,
        challengeCode,
      );

    const key = longTermKey(options.username, Buffer.from(realm).toString('utf8'), options.password);
    for (let attempt = 0; ; attempt += 1) {
      const credentials: StunAttribute[] = [
        { type: STUN_ATTR.USERNAME, value: Buffer.from(options.username, 'utf8') },
        { type: STUN_ATTR.REALM, value: realm },
        { type: STUN_ATTR.NONCE, value: nonce },
      ];
      const answer = await channel.request(
        request(STUN_METHOD.ALLOCATE, [requestedTransport, ...credentials], key),
        left(),
      );
      if (classOf(answer.message.type) === STUN_CLASS.SUCCESS) {
        // The server proves it knows the key too: a response without a valid MAC is not trusted.
        if (!verifyIntegrity(answer.raw, key))
          return failure(
            transport,
            'bad-response',
            'the Allocate success response has no valid MESSAGE-INTEGRITY',
          );
        const peerPolicy =
          options.peerProbes === undefined || options.peerProbes.length === 0
            ? undefined
            : await probePeerPolicy(
                { channel, credentials, key },
                options.peerProbes,
                Math.min(left(), 1000),
              );
        await release(channel, credentials, key, left());
        return success(transport, rttMs, answer.message, mapped, peerPolicy);
      }
      const error = errorCodeOf(answer.message);
      // 438 Stale Nonce: retry once with the fresh nonce the server sent.
      const fresh = attributeOf(answer.message, STUN_ATTR.NONCE);
      if (error?.code === 438 && fresh !== undefined && attempt === 0) {
        nonce = fresh;
        continue;
      }
      if (error?.code === 401)
        return failure(transport, 'auth-failed', 'the TURN server refused the credentials (401)', 401);
      return failure(
        transport,
        'rejected',
        `the TURN server refused the allocation: ${describe(answer.message)}`,
        error?.code,
      );
    }
  } catch (cause) {
    if (cause instanceof StunChannelError) {
      const reason = cause.reason === 'closed' ? 'unreachable' : cause.reason;
      return failure(transport, reason, cause.message);
    }
    return failure(transport, 'bad-response', cause instanceof Error ? cause.message : String(cause));
  } finally {
    channel?.close();
  }
}

function request(method: number, attributes: StunAttribute[], integrityKey?: Uint8Array): Buffer {
  return encodeStunMessage(
    { type: messageType(method, STUN_CLASS.REQUEST), transactionId: randomBytes(12), attributes },
    { fingerprint: true, ...(integrityKey === undefined ? {} : { integrityKey }) },
  );
}

/** Refresh with LIFETIME 0 frees the relay now instead of after its lifetime; its answer does not matter. */
async function release(
  channel: StunChannel,
  credentials: StunAttribute[],
  key: Buffer,
  timeoutMs: number,
): Promise<void> {
  const lifetime = { type: STUN_ATTR.LIFETIME, value: Buffer.alloc(4) };
  await channel
    .request(request(STUN_METHOD.REFRESH, [lifetime, ...credentials], key), Math.min(timeoutMs, 1000))
    .catch(() => undefined);
}

function success(
  transport: StunTransport,
  rttMs: number,
  message: StunMessage,
  mapped: TransportAddress | null,
  peerPolicy?: PeerPolicyResult,
): TurnProbeResult {
  const relayed = readAddress(message, STUN_ATTR.XOR_RELAYED_ADDRESS);
  if (relayed === null)
    return failure(transport, 'bad-response', 'the Allocate response has no relayed address');
  const lifetime = attributeOf(message, STUN_ATTR.LIFETIME);
  const lifetimeS = lifetime?.length === 4 ? Buffer.from(lifetime).readUInt32BE(0) : null;
  return {
    ok: true,
    transport,
    rttMs: Math.round(rttMs * 10) / 10,
    relayed,
    mapped,
    lifetimeS,
    ...(peerPolicy === undefined ? {} : { peerPolicy }),
  };
}

function failure(
  transport: StunTransport,
  reason: TurnFailureReason,
  message: string,
  code?: number,
): TurnProbeResult {
  return { ok: false, transport, reason, message, ...(code === undefined ? {} : { code }) };
}

function readAddress(message: StunMessage, type: number): TransportAddress | null {
  const value = attributeOf(message, type);
  if (value === undefined) return null;
  try {
    return decodeXorAddress(value, message.transactionId);
  } catch {
    return null;
  }
}

function describe(message: StunMessage): string {
  const error = errorCodeOf(message);
  const type = `0x${message.type.toString(16).padStart(4, '0')}`;
  return error === null ? `message ${type}` : `${error.code} ${error.reason}`.trim();
}
