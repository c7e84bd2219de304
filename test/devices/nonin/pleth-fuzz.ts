import fc from 'fast-check';
import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { readingSchema } from '../../../src/shared/domain/readings';
import { RESYNC_FRAMES } from '../../../src/devices/nonin/pleth-decoder';
import { normalize, readingsOf } from '../support';
import { chunkingInvariance, mutate, mutationsArb, tail } from './fuzz';
import type { PlethSuiteSubject } from './pleth-suite';
import { T0 } from './support';

/**
 * Fuzzing of a #2/#7 decoder over `valid` frames (consecutive, from a packet start), 5 properties ×
 * 2,000 runs: random bytes, garbage before valid frames, one corrupted frame, mutations, chunking.
 */
export function describePlethFuzz(subject: PlethSuiteSubject, valid: readonly Uint8Array[]): void {
  const validStream = concatBytes(valid);
  const check = (input: Uint8Array): DecodeEvent[] => {
    const decoder = subject.createDecoder();
    const events = decoder.push(input, T0);
    readingsOf(events).forEach((r) => readingSchema.parse(r));
    expect(decoder.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
    return events;
  };
  const plethOfValid = valid.map((_, i) => subject.plethOf(i));

  it('fuzz: random bytes never throw; after garbage it resyncs on the first frame it can confirm', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void check(b)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        const samples = normalize(check(concatBytes([garbage, validStream]))).samples;
        expect(tail(samples, valid.length - 1)).toEqual(plethOfValid.slice(1));
      }),
      { numRuns: 2000 },
    );
  });

  it('fuzz: a corrupted frame never yields a reading, is counted, and the frame after it decodes', () => {
    // Corrupted once the decoder is aligned (after RESYNC_FRAMES frames), with RESYNC_FRAMES whole
    // frames behind it as the evidence the decoder needs to align again.
    const lastCorruptible = valid.length - RESYNC_FRAMES - 1;
    fc.assert(
      fc.property(
        fc.integer({ min: RESYNC_FRAMES, max: lastCorruptible }),
        fc.nat({ max: 4 }),
        fc.integer({ min: 1, max: 255 }),
        (c, at, xor) => {
          const corrupted = valid.map((f, i) => (i === c ? f.map((b, j) => (j === at ? b ^ xor : b)) : f));
          const out = normalize(check(concatBytes(corrupted)));
          expect(out.errors.length).toBeGreaterThan(0);
          expect(out.samples.slice(0, c)).toEqual(plethOfValid.slice(0, c));
          expect(tail(out.samples, valid.length - c - 1)).toEqual(plethOfValid.slice(c + 1));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('fuzz: bit flips, dropped and duplicated bytes, truncation never throw', () => {
    fc.assert(
      fc.property(
        mutationsArb(validStream.length),
        (mutations) => void check(mutate(validStream, mutations)),
      ),
      { numRuns: 2000 },
    );
  });

  it('fuzz: any chunking of mutated frames after garbage gives the same values, errors and replies', () => {
    const input = fc
      .tuple(fc.uint8Array({ maxLength: 40 }), mutationsArb(validStream.length))
      .map(([garbage, mutations]) => concatBytes([garbage, mutate(validStream, mutations)]));
    fc.assert(chunkingInvariance(subject.createDecoder, input), { numRuns: 2000 });
  });
}
