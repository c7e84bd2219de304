import fc from 'fast-check';
import { readingSchema } from '../../../src/shared/domain/readings';
import { crc8 } from '../../../src/shared/vitals/crc8';
import { decodeMessage, encodeMessage } from '../../../src/shared/vitals/codec';
import type { ControlMessage } from '../../../src/shared/vitals/messages';
import { batchArb, decodeWith, dictionaryFor, encodeBatch, readingArb } from './support';

/** 5 properties × 2,000 runs: the codec's share of fuzzing, a few seconds on CI. */
const RUNS = { numRuns: 2000 };

const sealed = (bytes: Uint8Array): Uint8Array => Uint8Array.from([...bytes, crc8(bytes)]);

describe('vitals codec under fuzzing', () => {
  it('any batch of schema-valid readings round-trips exactly', () => {
    fc.assert(
      fc.property(batchArb, fc.nat(), (readings, seq) => {
        const { messages, batch } = encodeBatch(readings, seq);
        const decoded = decodeWith(messages, batch);
        expect(decoded.seq).toBe(seq);
        expect(decoded.readings).toEqual(readings);
      }),
      RUNS,
    );
  });

  it('random bytes never throw; what is accepted is a message that re-encodes to itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const decoded = decodeMessage(bytes, null);
        if (!decoded.ok) return;
        const again = decodeMessage(encodeMessage(decoded.value as ControlMessage), null);
        expect(again).toEqual(decoded);
      }),
      RUNS,
    );
  });

  it('every truncation of a valid batch or dict is refused', () => {
    fc.assert(
      fc.property(batchArb, fc.nat(), fc.boolean(), (readings, cutSeed, cutDict) => {
        const { messages, batch } = encodeBatch(readings);
        const whole = cutDict ? messages[0] : batch;
        const cut = whole.subarray(0, cutSeed % whole.length);
        expect(decodeMessage(cut, dictionaryFor(readings)).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('every single-bit flip of a valid batch is refused (CRC-8)', () => {
    fc.assert(
      fc.property(batchArb, fc.nat(), (readings, bitSeed) => {
        const { batch } = encodeBatch(readings);
        const flipped = batch.slice();
        const bit = bitSeed % (flipped.length * 8);
        flipped[bit >> 3] ^= 1 << (bit & 7);
        expect(decodeMessage(flipped, dictionaryFor(readings)).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('random batch bodies behind a valid header and CRC never throw, and decode only to valid readings', () => {
    fc.assert(
      fc.property(
        fc.array(readingArb, { minLength: 1, maxLength: 4 }),
        fc.uint8Array({ minLength: 1, maxLength: 96 }),
        (readings, body) => {
          const decoded = decodeMessage(sealed(Uint8Array.from([0x13, ...body])), dictionaryFor(readings));
          if (!decoded.ok || decoded.value.kind !== 'batch') return;
          for (const reading of decoded.value.readings)
            expect(readingSchema.safeParse(reading).success).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
