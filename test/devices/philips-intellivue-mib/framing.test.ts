import { FCS_GOOD, fcsOver, frameCheckSequence } from '../../../src/devices/philips-intellivue-mib/fcs';
import { checkFrame, encodeFrame, parseFrame } from '../../../src/devices/philips-intellivue-mib/frames';
import { wrapTransparent } from '../../../src/devices/philips-intellivue-mib/transparency';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';

describe('FCS-16 and byte stuffing (OpenICE TestFCSOutputStream vectors)', () => {
  it('wraps 3A 71 as C0 3A 71 9B 26 C1', () => {
    expect(bytesToHex(wrapTransparent(hexToBytes('3A 71')))).toBe('C0 3A 71 9B 26 C1');
  });

  it('wraps 3A 91 with its FCS 0xC195 escaped: C0 3A 91 95 7D E1 C1', () => {
    expect(frameCheckSequence(hexToBytes('3A 91'))).toBe(0xc195);
    expect(bytesToHex(wrapTransparent(hexToBytes('3A 91')))).toBe('C0 3A 91 95 7D E1 C1');
  });

  it('leaves the good value 0xF0B8 when run over data and FCS', () => {
    expect(fcsOver(hexToBytes('3A 71 9B 26'))).toBe(FCS_GOOD);
    expect(fcsOver(hexToBytes('3A 91 95 C1'))).toBe(FCS_GOOD);
  });

  it('escapes 7D, C0 and C1 in the content as 7D, b XOR 0x20', () => {
    const wire = wrapTransparent(hexToBytes('7D C0 C1 20'));
    expect(bytesToHex(wire.subarray(0, 8))).toBe('C0 7D 5D 7D E0 7D E1 20');
    expect(wire.subarray(1, -1).filter((b) => b === 0xc0 || b === 0xc1)).toHaveLength(0);
  });
});

describe('MIB frames', () => {
  it('puts protocol id 0x11, message type 0x01 and the body length before the body', () => {
    const wire = encodeFrame(hexToBytes('0E 02 AA BB'));
    expect(bytesToHex(wire.subarray(0, 9))).toBe('C0 11 01 00 04 0E 02 AA BB');
    expect(parseFrame(wire)).toEqual(hexToBytes('0E 02 AA BB'));
  });

  it('round-trips bodies holding every byte value', () => {
    const body = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(parseFrame(encodeFrame(body))).toEqual(body);
  });

  it.each([
    ['a bad FCS', (w: Uint8Array) => w.set([w[6] ^ 0x01], 6), 'checksum'],
    ['a wrong protocol id', (w: Uint8Array) => rewrite(w, 0, 0x12), 'unknown-type'],
    ['a wrong message type', (w: Uint8Array) => rewrite(w, 1, 0x02), 'unknown-type'],
    ['a length field that disagrees', (w: Uint8Array) => rewrite(w, 3, 0x05), 'malformed'],
  ])('rejects a frame with %s', (_, corrupt, code) => {
    const wire = encodeFrame(hexToBytes('E1 00 00 02'));
    const copy = wire.slice();
    corrupt(copy);
    expect(parseFrame(copy)).toMatchObject({ kind: 'frame-error', code });
  });

  it('rejects short, aborted, unterminated and doubled frames', () => {
    const one = encodeFrame(hexToBytes('0E 00'));
    expect(parseFrame(hexToBytes('C0 11 01 C1'))).toMatchObject({ code: 'malformed' });
    expect(parseFrame(hexToBytes('C0 11 01 00 7D C1'))).toMatchObject({ code: 'malformed' });
    expect(parseFrame(one.subarray(0, -1))).toMatchObject({ code: 'malformed' });
    expect(parseFrame(Uint8Array.from([...one, ...one]))).toMatchObject({ code: 'malformed' });
  });

  it('checkFrame gives the body length of unescaped content', () => {
    const content = hexToBytes('11 01 00 02 0E 00');
    const fcs = frameCheckSequence(content);
    const whole = Uint8Array.from([...content, fcs & 0xff, fcs >> 8]);
    expect(checkFrame(whole, whole.length)).toBe(2);
  });
});

/** Rewrites content byte `index` of a wire frame and recomputes the FCS, so only that field is wrong. */
function rewrite(wire: Uint8Array, index: number, value: number): void {
  const parsed = unescape(wire);
  parsed[index] = value;
  const rewrapped = wrapTransparent(parsed.subarray(0, parsed.length - 2));
  wire.set(rewrapped.subarray(0, wire.length));
}

function unescape(wire: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 1; i < wire.length - 1; i++) out.push(wire[i] === 0x7d ? wire[++i] ^ 0x20 : wire[i]);
  return Uint8Array.from(out);
}
