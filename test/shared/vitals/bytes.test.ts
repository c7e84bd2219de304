import { ByteReader, ByteWriter, WireError, unzigzag, zigzag } from '../../../src/shared/vitals/bytes';
import { crc8 } from '../../../src/shared/vitals/crc8';

function written(write: (w: ByteWriter) => void): Uint8Array {
  const w = new ByteWriter(1);
  write(w);
  return w.toBytes();
}

describe('vitals bytes', () => {
  it.each([0, 1, 127, 128, 16_383, 16_384, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER])(
    'varuint %d round-trips',
    (n) => {
      const bytes = written((w) => w.varuint(n));
      expect(new ByteReader(bytes).varuint('n')).toBe(n);
      expect(bytes.length).toBe(Math.max(1, Math.ceil(Math.log2(n + 1) / 7)));
    },
  );

  it.each([0, -1, 1, -64, 63, -(2 ** 51), 2 ** 51])('zigzag %d round-trips', (n) => {
    expect(unzigzag(zigzag(n))).toBe(n);
    expect(new ByteReader(written((w) => w.varint(n))).varint('n')).toBe(n);
  });

  it('refuses varints that are truncated, non-canonical, too long or beyond 2^53', () => {
    expect(() => new ByteReader(Uint8Array.of(0x80)).varuint('x')).toThrow(/truncated/);
    expect(() => new ByteReader(Uint8Array.of(0x81, 0x00)).varuint('x')).toThrow(/non-canonical/);
    expect(() => new ByteReader(new Uint8Array(9).fill(0xff)).varuint('x')).toThrow(/longer than 8/);
    expect(() =>
      new ByteReader(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)).varuint('x'),
    ).toThrow(WireError);
  });

  it('writes UTF-8 strings of any length and refuses invalid UTF-8 or over-long text', () => {
    for (const text of ['a', 'é€😀', 'x'.repeat(200)]) {
      expect(new ByteReader(written((w) => w.string(text))).string('s', 200)).toBe(text);
    }
    expect(() => new ByteReader(Uint8Array.of(2, 0xc3, 0x28)).string('s', 10)).toThrow(/UTF-8/);
    expect(() => new ByteReader(written((w) => w.string('abc'))).string('s', 2)).toThrow(/longer than 2/);
    expect(() => new ByteReader(Uint8Array.of(0)).string('s', 2)).toThrow(/empty/);
  });

  it('CRC-8 (SMBUS) matches the catalogue check value and catches every single-bit flip', () => {
    expect(crc8(new TextEncoder().encode('123456789'))).toBe(0xf4);
    const data = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff);
    const crc = crc8(data);
    for (let bit = 0; bit < data.length * 8; bit++) {
      const flipped = data.slice();
      flipped[bit >> 3] ^= 1 << (bit & 7);
      expect(crc8(flipped)).not.toBe(crc);
    }
  });
});
