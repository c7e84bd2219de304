import {
  attributeOf,
  classOf,
  decodeStunMessage,
  decodeXorAddress,
  encodeStunMessage,
  errorCodeOf,
  longTermKey,
  messageType,
  methodOf,
  STUN_ATTR,
  STUN_CLASS,
  STUN_METHOD,
  StunDecodeError,
  verifyFingerprint,
  verifyIntegrity,
} from '../../../src/core/check/stun/stun-message';

/** RFC 5769 test vectors, byte for byte (§2.1, §2.2, §2.4). */
const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

const SAMPLE_REQUEST = hex(`
  00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
  80 22 00 10 53 54 55 4e 20 74 65 73 74 20 63 6c 69 65 6e 74
  00 24 00 04 6e 00 01 ff
  80 29 00 08 93 2f f9 b1 51 26 3b 36
  00 06 00 09 65 76 74 6a 3a 68 36 76 59 20 20 20
  00 08 00 14 9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49 c1 b5 71 a2
  80 28 00 04 e5 7a 3b cf`);
const SHORT_TERM_PASSWORD = 'VOkJxbRl1RmTxUk/WvJxBt';

const SAMPLE_IPV4_RESPONSE = hex(`
  01 01 00 3c 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
  80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
  00 20 00 08 00 01 a1 47 e1 12 a6 43
  00 08 00 14 2b 91 f5 99 fd 9e 90 c3 8c 74 89 f9 2a f9 ba 53 f0 6b e7 d7
  80 28 00 04 c0 7d 4c 96`);

const SAMPLE_LONG_TERM_REQUEST = hex(`
  00 01 00 60 21 12 a4 42 78 ad 34 33 c6 ad 72 c0 29 da 41 2e
  00 06 00 12 e3 83 9e e3 83 88 e3 83 aa e3 83 83 e3 82 af e3 82 b9 00 00
  00 15 00 1c 66 2f 2f 34 39 39 6b 39 35 34 64 36 4f 4c 33 34 6f 4c 39 46 53 54 76 79 36 34 73 41
  00 14 00 0b 65 78 61 6d 70 6c 65 2e 6f 72 67 00
  00 08 00 14 f6 70 24 65 6d d6 4a 3e 02 b8 e0 71 2e 85 c9 a2 8c a8 96 66`);

describe('STUN messages against the RFC 5769 vectors', () => {
  it('verifies MESSAGE-INTEGRITY (short-term key) and FINGERPRINT of the sample request', () => {
    const key = Buffer.from(SHORT_TERM_PASSWORD, 'utf8');
    expect(verifyIntegrity(SAMPLE_REQUEST, key)).toBe(true);
    expect(verifyFingerprint(SAMPLE_REQUEST)).toBe(true);
    expect(verifyIntegrity(SAMPLE_REQUEST, Buffer.from('wrong'))).toBe(false);
  });

  it('re-encodes the sample request byte for byte from its attributes', () => {
    const decoded = decodeStunMessage(SAMPLE_REQUEST);
    const withoutTrailer = decoded.attributes.filter(
      (a) => a.type !== STUN_ATTR.MESSAGE_INTEGRITY && a.type !== STUN_ATTR.FINGERPRINT,
    );
    const encoded = encodeStunMessage(
      { type: decoded.type, transactionId: decoded.transactionId, attributes: withoutTrailer },
      { integrityKey: Buffer.from(SHORT_TERM_PASSWORD), fingerprint: true, padByte: 0x20 },
    );
    expect(encoded.toString('hex')).toBe(SAMPLE_REQUEST.toString('hex'));
  });

  it('reads the IPv4 response: integrity, fingerprint, XOR-MAPPED-ADDRESS 192.0.2.1:32853', () => {
    expect(verifyIntegrity(SAMPLE_IPV4_RESPONSE, Buffer.from(SHORT_TERM_PASSWORD))).toBe(true);
    expect(verifyFingerprint(SAMPLE_IPV4_RESPONSE)).toBe(true);
    const message = decodeStunMessage(SAMPLE_IPV4_RESPONSE);
    expect(classOf(message.type)).toBe(STUN_CLASS.SUCCESS);
    expect(methodOf(message.type)).toBe(STUN_METHOD.BINDING);
    const mapped = decodeXorAddress(
      attributeOf(message, STUN_ATTR.XOR_MAPPED_ADDRESS)!,
      message.transactionId,
    );
    expect(mapped).toEqual({ family: 'IPv4', address: '192.0.2.1', port: 32853 });
  });

  it('derives the long-term key MD5(user:realm:pass) and reproduces §2.4', () => {
    const username = '\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9';
    const key = longTermKey(username, 'example.org', 'TheMatrIX');
    expect(verifyIntegrity(SAMPLE_LONG_TERM_REQUEST, key)).toBe(true);
    const decoded = decodeStunMessage(SAMPLE_LONG_TERM_REQUEST);
    const encoded = encodeStunMessage(
      {
        type: decoded.type,
        transactionId: decoded.transactionId,
        attributes: decoded.attributes.filter((a) => a.type !== STUN_ATTR.MESSAGE_INTEGRITY),
      },
      { integrityKey: key },
    );
    expect(encoded.toString('hex')).toBe(SAMPLE_LONG_TERM_REQUEST.toString('hex'));
  });

  it('a flipped byte breaks both the MAC and the fingerprint', () => {
    const tampered = Buffer.from(SAMPLE_REQUEST);
    tampered[30] ^= 0x01;
    expect(verifyIntegrity(tampered, Buffer.from(SHORT_TERM_PASSWORD))).toBe(false);
    expect(verifyFingerprint(tampered)).toBe(false);
  });
});

describe('STUN message types and malformed input', () => {
  it('interleaves method and class bits', () => {
    expect(messageType(STUN_METHOD.ALLOCATE, STUN_CLASS.REQUEST)).toBe(0x0003);
    expect(messageType(STUN_METHOD.ALLOCATE, STUN_CLASS.SUCCESS)).toBe(0x0103);
    expect(messageType(STUN_METHOD.ALLOCATE, STUN_CLASS.ERROR)).toBe(0x0113);
    expect(methodOf(0x0113)).toBe(STUN_METHOD.ALLOCATE);
  });

  it('reads ERROR-CODE as class × 100 + number', () => {
    const value = Buffer.concat([Buffer.from([0, 0, 4, 1]), Buffer.from('Unauthorized')]);
    const message = decodeStunMessage(
      encodeStunMessage({
        type: 0x0113,
        transactionId: Buffer.alloc(12, 7),
        attributes: [{ type: STUN_ATTR.ERROR_CODE, value }],
      }),
    );
    expect(errorCodeOf(message)).toEqual({ code: 401, reason: 'Unauthorized' });
  });

  it.each([
    ['too short', Buffer.alloc(10)],
    ['no magic cookie', Buffer.alloc(20)],
    ['length mismatch', Buffer.concat([SAMPLE_REQUEST, Buffer.alloc(4)])],
    [
      'attribute past the end',
      (() => {
        const bad = Buffer.from(SAMPLE_IPV4_RESPONSE);
        bad.writeUInt16BE(0x0100, 22);
        return bad;
      })(),
    ],
  ])('rejects %s with a StunDecodeError', (_name, bytes) => {
    expect(() => decodeStunMessage(bytes)).toThrow(StunDecodeError);
  });
});
