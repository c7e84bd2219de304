import { ByteRemainder } from '../../../src/devices/framing/byte-remainder';
import { concatBytes } from '../../../src/devices/framing/concat';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';
import { createPrng } from '../../../src/devices/framing/prng';

describe('hex', () => {
  it('round-trips and accepts the usual notations', () => {
    expect(bytesToHex(hexToBytes('01 e0 85'))).toBe('01 E0 85');
    expect(hexToBytes('0x7D,0x81')).toEqual(Uint8Array.of(0x7d, 0x81));
    expect(hexToBytes('')).toEqual(new Uint8Array(0));
  });
  it('rejects odd lengths and non-hex characters with a clear error', () => {
    expect(() => hexToBytes('ABC')).toThrow(/odd number/);
    expect(() => hexToBytes('ZZ')).toThrow(/not a hex/);
  });
});

describe('prng', () => {
  it('is deterministic per seed and stays in range', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const c = createPrng(1);
    const ints = Array.from({ length: 1000 }, () => c.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(createPrng(43).next()).not.toBe(createPrng(42).next());
  });
});

describe('ByteRemainder and concatBytes', () => {
  it('joins the kept tail with the next chunk', () => {
    const r = new ByteRemainder();
    const first = Uint8Array.of(1, 2, 3);
    expect(r.join(first)).toBe(first);
    r.keep(first, 1);
    expect(r.size).toBe(2);
    const joined = r.join(Uint8Array.of(4));
    expect([...joined]).toEqual([2, 3, 4]);
    r.keep(joined, 2); // keeping from a view of its own buffer
    expect([...r.join(Uint8Array.of(5))]).toEqual([4, 5]);
    r.clear();
    expect(r.size).toBe(0);
  });
  it('grows past its initial capacity', () => {
    const r = new ByteRemainder();
    r.keep(new Uint8Array(5000).fill(7), 0);
    const joined = r.join(new Uint8Array(5000).fill(8));
    expect(joined.length).toBe(10000);
    expect(joined[4999]).toBe(7);
    expect(joined[5000]).toBe(8);
  });
  it('concatenates', () => {
    expect([...concatBytes([Uint8Array.of(1), Uint8Array.of(), Uint8Array.of(2, 3)])]).toEqual([1, 2, 3]);
  });
});
