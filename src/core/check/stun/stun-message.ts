import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * STUN messages (RFC 5389 / RFC 8489), just what a TURN Allocate check needs: encode with
 * MESSAGE-INTEGRITY (HMAC-SHA1) and FINGERPRINT (CRC-32 XOR 0x5354554e), decode with bounds
 * checks (the bytes come from the network), verify both, and read (XOR-)addresses.
 */
export const MAGIC_COOKIE = 0x2112a442;
export const HEADER_BYTES = 20;
const FINGERPRINT_XOR = 0x5354554e;
const INTEGRITY_BYTES = 20;

export const STUN_METHOD = { BINDING: 0x001, ALLOCATE: 0x003, REFRESH: 0x004 } as const;
export const STUN_CLASS = { REQUEST: 0x000, INDICATION: 0x010, SUCCESS: 0x100, ERROR: 0x110 } as const;

export const STUN_ATTR = {
  MAPPED_ADDRESS: 0x0001,
  USERNAME: 0x0006,
  MESSAGE_INTEGRITY: 0x0008,
  ERROR_CODE: 0x0009,
  LIFETIME: 0x000d,
  XOR_RELAYED_ADDRESS: 0x0016,
  REALM: 0x0014,
  NONCE: 0x0015,
  REQUESTED_TRANSPORT: 0x0019,
  XOR_MAPPED_ADDRESS: 0x0020,
  SOFTWARE: 0x8022,
  FINGERPRINT: 0x8028,
} as const;

/** IANA protocol number of UDP, the only relay transport RFC 5766 defines. */
export const TRANSPORT_UDP = 17;

export interface StunAttribute {
  readonly type: number;
  readonly value: Uint8Array;
}

export interface StunMessage {
  /** Method and class combined, e.g. 0x0103 Allocate success. */
  readonly type: number;
  readonly transactionId: Uint8Array;
  readonly attributes: readonly StunAttribute[];
}

/** The 14-bit type field interleaves method and class bits (RFC 5389 §6). */
export function messageType(method: number, klass: number): number {
  return (method & 0x000f) | ((method & 0x0070) << 1) | ((method & 0x0f80) << 2) | klass;
}

export function classOf(type: number): number {
  return type & 0x0110;
}

export function methodOf(type: number): number {
  return (type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2);
}

export interface EncodeOptions {
  /** Appends MESSAGE-INTEGRITY keyed with this (long-term: `longTermKey`). */
  readonly integrityKey?: Uint8Array;
  readonly fingerprint?: boolean;
  /** Padding content is ignored by receivers; RFC 5769's vectors pad with spaces. */
  readonly padByte?: number;
}

export function encodeStunMessage(message: StunMessage, options: EncodeOptions = {}): Buffer {
  if (message.transactionId.length !== 12) throw new TypeError('a STUN transaction id has 12 bytes');
  const pad = options.padByte ?? 0;
  let body = Buffer.concat(message.attributes.map((attribute) => encodeAttribute(attribute, pad)));
  if (options.integrityKey !== undefined) {
    const draft = header(message.type, message.transactionId, body.length + 4 + INTEGRITY_BYTES);
    const mac = createHmac('sha1', options.integrityKey).update(draft).update(body).digest();
    body = Buffer.concat([body, encodeAttribute({ type: STUN_ATTR.MESSAGE_INTEGRITY, value: mac }, pad)]);
  }
  if (options.fingerprint === true) {
    const draft = Buffer.concat([header(message.type, message.transactionId, body.length + 8), body]);
    const value = Buffer.alloc(4);
    value.writeUInt32BE((crc32(draft) ^ FINGERPRINT_XOR) >>> 0);
    body = Buffer.concat([body, encodeAttribute({ type: STUN_ATTR.FINGERPRINT, value }, pad)]);
  }
  return Buffer.concat([header(message.type, message.transactionId, body.length), body]);
}

export class StunDecodeError extends Error {
  override readonly name = 'StunDecodeError';
}

/** Decodes one whole message; throws StunDecodeError on anything malformed. */
export function decodeStunMessage(packet: Uint8Array): StunMessage {
  const bytes = Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength);
  if (bytes.length < HEADER_BYTES) throw new StunDecodeError('shorter than a STUN header');
  const type = bytes.readUInt16BE(0);
  const length = bytes.readUInt16BE(2);
  if ((type & 0xc000) !== 0) throw new StunDecodeError('the first two bits of a STUN message are zero');
  if (bytes.readUInt32BE(4) !== MAGIC_COOKIE) throw new StunDecodeError('no STUN magic cookie');
  if (length % 4 !== 0 || HEADER_BYTES + length !== bytes.length)
    throw new StunDecodeError(`length field ${length} does not match ${bytes.length - HEADER_BYTES} bytes`);
  const attributes: StunAttribute[] = [];
  for (let offset = HEADER_BYTES; offset < bytes.length;) {
    if (offset + 4 > bytes.length) throw new StunDecodeError('truncated attribute header');
    const attrType = bytes.readUInt16BE(offset);
    const attrLength = bytes.readUInt16BE(offset + 2);
    if (offset + 4 + attrLength > bytes.length) throw new StunDecodeError('attribute runs past the end');
    attributes.push({ type: attrType, value: bytes.subarray(offset + 4, offset + 4 + attrLength) });
    offset += 4 + attrLength + padding(attrLength);
  }
  return { type, transactionId: bytes.subarray(8, 20), attributes };
}

/** Total size of the message whose header starts `bytes` (for framing over TCP), or null if unknown yet. */
export function stunMessageSize(bytes: Uint8Array): number | null {
  if (bytes.length < 4) return null;
  return HEADER_BYTES + ((bytes[2] ?? 0) << 8) + (bytes[3] ?? 0);
}

export function attributeOf(message: StunMessage, type: number): Uint8Array | undefined {
  return message.attributes.find((attribute) => attribute.type === type)?.value;
}

/** Long-term credential key (RFC 5389 §15.4): MD5(username ":" realm ":" password). */
export function longTermKey(username: string, realm: string, password: string): Buffer {
  return createHash('md5').update(`${username}:${realm}:${password}`, 'utf8').digest();
}

/**
 * Checks MESSAGE-INTEGRITY: HMAC-SHA1 over the message up to the attribute, with the length field
 * rewritten to end just after it (attributes after it, i.e. FINGERPRINT, are not counted).
 */
export function verifyIntegrity(packet: Uint8Array, key: Uint8Array): boolean {
  const offset = attributeOffset(packet, STUN_ATTR.MESSAGE_INTEGRITY);
  if (offset === null) return false;
  const bytes = Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength);
  const draft = Buffer.from(bytes.subarray(0, offset));
  draft.writeUInt16BE(offset - HEADER_BYTES + 4 + INTEGRITY_BYTES, 2);
  const expected = createHmac('sha1', key).update(draft).digest();
  const actual = bytes.subarray(offset + 4, offset + 4 + INTEGRITY_BYTES);
  return actual.length === INTEGRITY_BYTES && timingSafeEqual(expected, actual);
}

/** Checks FINGERPRINT: CRC-32 of everything before it, XOR 0x5354554e. It must be the last attribute. */
export function verifyFingerprint(packet: Uint8Array): boolean {
  const offset = attributeOffset(packet, STUN_ATTR.FINGERPRINT);
  if (offset === null || offset + 8 !== packet.length) return false;
  const bytes = Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength);
  return (crc32(bytes.subarray(0, offset)) ^ FINGERPRINT_XOR) >>> 0 === bytes.readUInt32BE(offset + 4);
}

export interface TransportAddress {
  readonly family: 'IPv4' | 'IPv6';
  readonly address: string;
  readonly port: number;
}

/** Reads an XOR-MAPPED-ADDRESS / XOR-RELAYED-ADDRESS value (RFC 5389 §15.2). */
export function decodeXorAddress(value: Uint8Array, transactionId: Uint8Array): TransportAddress {
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (bytes.length < 8) throw new StunDecodeError('address attribute too short');
  const family = bytes[1];
  const port = bytes.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16);
  const mask = Buffer.alloc(16);
  mask.writeUInt32BE(MAGIC_COOKIE, 0);
  Buffer.from(transactionId).copy(mask, 4);
  if (family === 0x01) {
    const octets = [0, 1, 2, 3].map((i) => (bytes[4 + i] ?? 0) ^ (mask[i] ?? 0));
    return { family: 'IPv4', address: octets.join('.'), port };
  }
  if (family === 0x02 && bytes.length >= 20) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) {
      const word = (((bytes[4 + i] ?? 0) ^ (mask[i] ?? 0)) << 8) | ((bytes[5 + i] ?? 0) ^ (mask[i + 1] ?? 0));
      groups.push(word.toString(16));
    }
    return { family: 'IPv6', address: groups.join(':'), port };
  }
  throw new StunDecodeError(`unknown address family ${family}`);
}

/** ERROR-CODE (RFC 5389 §15.6): class × 100 + number, and the reason phrase. */
export function errorCodeOf(message: StunMessage): { code: number; reason: string } | null {
  const value = attributeOf(message, STUN_ATTR.ERROR_CODE);
  if (value === undefined || value.length < 4) return null;
  const code = ((value[2] ?? 0) & 0x07) * 100 + (value[3] ?? 0);
  return { code, reason: Buffer.from(value.subarray(4)).toString('utf8') };
}

function attributeOffset(packet: Uint8Array, wanted: number): number | null {
  const bytes = Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength);
  for (let offset = HEADER_BYTES; offset + 4 <= bytes.length;) {
    const type = bytes.readUInt16BE(offset);
    if (type === wanted) return offset;
    const length = bytes.readUInt16BE(offset + 2);
    offset += 4 + length + padding(length);
  }
  return null;
}

function header(type: number, transactionId: Uint8Array, length: number): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  bytes.writeUInt16BE(type, 0);
  bytes.writeUInt16BE(length, 2);
  bytes.writeUInt32BE(MAGIC_COOKIE, 4);
  Buffer.from(transactionId).copy(bytes, 8);
  return bytes;
}

function encodeAttribute(attribute: StunAttribute, pad: number): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(attribute.type, 0);
  head.writeUInt16BE(attribute.value.length, 2);
  return Buffer.concat([head, attribute.value, Buffer.alloc(padding(attribute.value.length), pad)]);
}

function padding(length: number): number {
  return (4 - (length % 4)) % 4;
}
