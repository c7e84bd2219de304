import fc from 'fast-check';
import { ByteReader, ByteWriter } from '../../../src/shared/vitals/bytes';
import { bestRiceK, nextRiceK, readRice, riceBits, writeRice } from '../../../src/shared/vitals/rice';

const encode = (symbols: number[], k: number): Uint8Array => {
  const w = new ByteWriter();
  writeRice(w, symbols, k);
  return w.toBytes();
};

describe('Rice-coded sample symbols', () => {
  it('round-trips any symbols below 2^53 with any parameter, in the bits it says, padded to a byte', () => {
    const symbol = fc.oneof(fc.nat(3), fc.nat(1000), fc.maxSafeNat());
    fc.assert(
      fc.property(fc.array(symbol, { maxLength: 30 }), fc.nat(52), (symbols, k) => {
        const bytes = encode(symbols, k);
        expect(bytes.length).toBe(Math.ceil(riceBits(symbols, k) / 8));
        const reader = new ByteReader(bytes);
        expect(readRice(reader, symbols.length, k)).toEqual(symbols);
        expect(reader.remaining).toBe(0);
      }),
    );
  });

  it('chooses a parameter that fits the noise: ~10 bits for deltas of ±300 steps, ~2 for a ±1 difference', () => {
    const noise = Array.from({ length: 100 }, (_, i) => (i * 7919) % 600);
    const k = bestRiceK(noise);
    expect(riceBits(noise, k) / noise.length).toBeLessThan(10.5);
    expect(Math.abs(nextRiceK(noise) - k)).toBeLessThanOrEqual(1);
    const small = Array.from({ length: 100 }, (_, i) => i % 3);
    expect(riceBits(small, bestRiceK(small)) / small.length).toBeLessThanOrEqual(2);
    expect(nextRiceK([])).toBe(0);
  });

  it('refuses padding that is not zero, a truncated run, an escape a quotient could say, and no bits at all', () => {
    const bytes = encode([5], 0); // 000001 + 0 + padding 0
    const refused = (b: number[], count: number, k: number): void =>
      expect(() => readRice(new ByteReader(Uint8Array.from(b)), count, k)).toThrow();
    refused([bytes[0] | 1], 1, 0);
    refused([0xff], 1, 0);
    refused([], 1, 0);
    refused([0xff, 0xff, 0xff, 0xff, 0b0000_0100, 0b1000_0000], 1, 10); // escape for 2 < 32 × 2^10
    expect(() => readRice(new ByteReader(new Uint8Array(1)), 9, 0)).toThrow(/truncated/);
  });
});
