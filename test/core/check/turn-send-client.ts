import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import {
  attributeOf,
  classOf,
  decodeStunMessage,
  encodeStunMessage,
  errorCodeOf,
  longTermKey,
  messageType,
  STUN_ATTR,
  STUN_CLASS,
  STUN_METHOD,
  TRANSPORT_UDP,
  type StunAttribute,
  type StunMessage,
} from '../../../src/core/check/stun/stun-message';
import { xorPeerAddress } from '../../../src/core/check/turn/turn-permission';

/**
 * A TURN client that goes one step further than the equipment check: it allocates, asks for
 * permissions, then really sends data through the relay (Send indications, RFC 5766 §10), so a
 * test can see whether packets arrive at a peer. Built on the check's own STUN encoder.
 */
const CREATE_PERMISSION = 0x008;
const SEND = 0x006;
const DATA = 0x0013;
const XOR_PEER_ADDRESS = 0x0012;

export interface TurnRelay {
  /** CreatePermission for one peer: true when granted, else the error code. */
  permit(peer: string): Promise<true | number | null>;
  /** One Send indication: coturn relays it only to a peer with a permission. */
  send(peer: string, port: number, payload: Buffer): void;
  close(): void;
}

export async function openTurnRelay(options: {
  host: string;
  port: number;
  username: string;
  password: string;
}): Promise<TurnRelay> {
  const socket = createSocket('udp4');
  const request = (packet: Buffer): Promise<StunMessage> => exchange(socket, options, packet);
  const transport = { type: STUN_ATTR.REQUESTED_TRANSPORT, value: Buffer.from([TRANSPORT_UDP, 0, 0, 0]) };
  const allocateType = messageType(STUN_METHOD.ALLOCATE, STUN_CLASS.REQUEST);
  const challenge = await request(
    encodeStunMessage({ type: allocateType, transactionId: randomBytes(12), attributes: [transport] }),
  );
  const realm = attributeOf(challenge, STUN_ATTR.REALM);
  const nonce = attributeOf(challenge, STUN_ATTR.NONCE);
  if (realm === undefined || nonce === undefined) throw new Error('no 401 challenge');
  const key = longTermKey(options.username, Buffer.from(realm).toString('utf8'), options.password);
  const credentials: StunAttribute[] = [
    { type: STUN_ATTR.USERNAME, value: Buffer.from(options.username) },
    { type: STUN_ATTR.REALM, value: realm },
    { type: STUN_ATTR.NONCE, value: nonce },
  ];
  const signed = (type: number, attributes: StunAttribute[]): Buffer =>
    encodeStunMessage(
      { type, transactionId: randomBytes(12), attributes: [...attributes, ...credentials] },
      { integrityKey: key, fingerprint: true },
    );
  const allocation = await request(signed(allocateType, [transport]));
  if (classOf(allocation.type) !== STUN_CLASS.SUCCESS)
    throw new Error(`allocation refused: ${errorCodeOf(allocation)?.code ?? '?'}`);
  return {
    async permit(peer) {
      const type = messageType(CREATE_PERMISSION, STUN_CLASS.REQUEST);
      const answer = await request(signed(type, [{ type: XOR_PEER_ADDRESS, value: xorPeerAddress(peer) }]));
      return classOf(answer.type) === STUN_CLASS.SUCCESS ? true : (errorCodeOf(answer)?.code ?? null);
    },
    send(peer, port, payload) {
      const indication = encodeStunMessage({
        type: messageType(SEND, STUN_CLASS.INDICATION),
        transactionId: randomBytes(12),
        attributes: [
          { type: XOR_PEER_ADDRESS, value: xorPeerAddress(peer, port) },
          { type: DATA, value: payload },
        ],
      });
      socket.send(indication, options.port, options.host);
    },
    close: () => socket.close(),
  };
}

function exchange(socket: Socket, to: { host: string; port: number }, packet: Buffer): Promise<StunMessage> {
  return new Promise((resolve, reject) => {
    const id = Buffer.from(packet.subarray(8, 20));
    const onMessage = (reply: Buffer): void => {
      const message = decodeStunMessage(reply);
      if (!Buffer.from(message.transactionId).equals(id)) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(message);
    };
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error('no answer from the TURN server'));
    }, 2000);
    socket.on('message', onMessage);
    socket.send(packet, to.port, to.host);
  });
}
