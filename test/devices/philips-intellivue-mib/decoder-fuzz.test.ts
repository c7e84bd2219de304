import fc from 'fast-check';
import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { IntellivueDecoder } from '../../../src/devices/philips-intellivue-mib/decoder';
import { readingSchema } from '../../../src/shared/domain/readings';
import { normalize, readingsOf } from '../support';
import { pollNumericsReply } from '../../../src/devices/philips-intellivue-mib/device-encoder';
import { flatten, pollObjects } from './fixtures';

/** 5 properties × 2,000 runs: the 10,000 fuzz runs the issue asks of each decoder. */
const RUNS = 2000;
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
// Polls after the first NIBP result, whose values change every poll: each poll's NIBP is a new
// measurement, so every intact frame yields all its numerics whichever frames around it are lost.
const window = [5, 6, 7, 8, 9, 10].map((i, k) => ({ ...pollObjects(i), pollNumber: k + 1 }));
const polls = window.map((p) =>
  pollNumericsReply(p.pollNumber, p.pollNumber, p.pollNumber * 8000, p.objects),
);
const pollValues = window.map((p) => p.values);
const stream = concatBytes(polls);
const frameStarts = polls.map((_, i) => polls.slice(0, i).reduce((n, f) => n + f.length, 0));

/** Decodes in one push; schema-checks readings where the input is random (valid frames are checked elsewhere). */
function decode(input: Uint8Array, validate = false): { events: DecodeEvent[]; decoder: IntellivueDecoder } {
  const decoder = new IntellivueDecoder('fuzz');
  const events = decoder.push(input, T0);
  if (validate) for (const reading of readingsOf(events)) readingSchema.parse(reading);
  expect(decoder.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
  return { events, decoder };
}

const pairs = (events: DecodeEvent[]) => normalize(events).numerics.map((n) => [n.metric, n.value]);

describe('IntellivueDecoder fuzzing', () => {
  it('never throws on random bytes, and every reading is well formed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void decode(bytes, true)),
      { numRuns: RUNS },
    );
  });

  it('decodes every valid frame after any garbage (resync within one frame)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        // A C0 always starts a frame, so even garbage that leaves a frame open or an escape
        // pending loses nothing: the first real frame decodes.
        const { events } = decode(concatBytes([garbage, stream]));
        expect(pairs(events)).toEqual(flatten(pollValues));
      }),
      { numRuns: RUNS },
    );
  });

  it('never yields a reading from a frame with a flipped bit, and counts it', () => {
    fc.assert(
      fc.property(fc.nat({ max: stream.length - 1 }), fc.nat({ max: 7 }), (at, bit) => {
        const corrupted = stream.slice();
        corrupted[at] ^= 1 << bit;
        const { events, decoder } = decode(corrupted);
        const hit = frameStarts.findLastIndex((start) => start <= at);
        const expected = flatten(pollValues.filter((_, i) => i !== hit));
        expect(pairs(events)).toEqual(expected);
        // Only a flip of the frame's own C0 loses it silently (its bytes are skipped, not a frame),
        // and a flip of the stream's last C1 leaves the last frame waiting for its end.
        if (at !== frameStarts[hit] && at !== stream.length - 1) {
          expect(decoder.stats.dropped).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('survives dropped, duplicated bytes and truncation: readings only from intact frames', () => {
    const mutation = fc.record({
      at: fc.nat({ max: stream.length - 1 }),
      kind: fc.constantFrom('drop', 'dup', 'truncate'),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let bytes = [...stream];
        for (const m of mutations) {
          const at = m.at % Math.max(1, bytes.length);
          if (m.kind === 'drop') bytes.splice(at, 1);
          else if (m.kind === 'dup') bytes.splice(at, 0, bytes[at] ?? 0);
          else bytes = bytes.slice(0, at);
        }
        const { events, decoder } = decode(Uint8Array.from(bytes));
        // Every decoded poll is one of the originals, whole and in order.
        const decodedPolls = events.filter((e) => e.kind === 'device-info' && e.key === 'poll-result');
        expect(decodedPolls.length).toBe(decoder.stats.frames);
        const got = pairs(events);
        const expected = decodedPolls.flatMap((e) =>
          e.kind === 'device-info' ? flatten([pollValues[Number(e.value) - 1]]) : [],
        );
        expect(got).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('decodes the intact frames among truncated ones and garbage between frames', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.uint8Array({ maxLength: 12 })), {
          minLength: polls.length,
          maxLength: polls.length,
        }),
        (plan) => {
          const parts: Uint8Array[] = [];
          const kept: number[] = [];
          plan.forEach(([truncate, cut, garbage], i) => {
            const frame = polls[i];
            parts.push(truncate ? frame.subarray(0, 1 + (cut % (frame.length - 1))) : frame);
            if (!truncate) kept.push(i);
            // Garbage without frame bytes: it must only be skipped.
            parts.push(garbage.filter((b) => b !== 0xc0 && b !== 0xc1 && b !== 0x7d));
          });
          const { events } = decode(concatBytes(parts));
          expect(pairs(events)).toEqual(flatten(kept.map((i) => pollValues[i])));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
