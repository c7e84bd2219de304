import fc from 'fast-check';
import { CytonDecoder } from '../../../src/devices/openbci-cyton/decoder';
import { encodeText } from '../../../src/devices/openbci-cyton/device-encoder';
import { countsToMv } from '../../../src/devices/openbci-cyton/frames';
import { readingSchema } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';
import { byLead, packets, stream } from './helpers';

/** fast-check fuzzing: 5 properties × 2,000 runs = 10,000 runs for this decoder. */
const RUNS = 2000;
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
const I = 'MDC_ECG_ELEC_POTL_I';
const valid = packets(8, 10);
const validStream = stream(valid);
const validLeadI = valid.map((_, i) => countsToMv((i + 1) * 1000, 24));

/** Decodes `input` in one push; checks what must always hold and returns the output. */
function check(input: Uint8Array, chunks = 1) {
  const decoder = new CytonDecoder('openbci-cyton@fuzz');
  const size = Math.ceil(input.length / chunks) || 1;
  const events = [];
  for (let at = 0; at < input.length; at += size) {
    events.push(...decoder.push(input.subarray(at, at + size), T0 + at));
  }
  for (const r of readingsOf(events)) readingSchema.parse(r);
  expect(decoder.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
  return byLead(events);
}

describe('CytonDecoder fuzz', () => {
  it('random bytes never throw, in one push or many', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1, max: 7 }), (bytes, chunks) => {
        check(bytes, chunks);
      }),
      { numRuns: RUNS },
    );
  });

  it('garbage before valid packets: they all decode (resync within one packet)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        const out = check(stream([garbage, validStream]));
        expect(out.samples[I]?.slice(-valid.length)).toEqual(validLeadI);
      }),
      { numRuns: RUNS },
    );
  });

  it('bit flips, dropped and duplicated bytes, truncation never throw; untouched packets after decode', () => {
    const mutation = fc.record({
      at: fc.nat({ max: validStream.length - 1 }),
      kind: fc.constantFrom('flip', 'drop', 'dup', 'truncate'),
      bit: fc.nat({ max: 7 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let s = [...validStream];
        for (const m of mutations) {
          const at = m.at % Math.max(1, s.length);
          if (m.kind === 'flip') s[at] ^= 1 << m.bit;
          else if (m.kind === 'drop') s.splice(at, 1);
          else if (m.kind === 'dup') s.splice(at, 0, s[at] ?? 0);
          else s = s.slice(0, at);
        }
        const out = check(Uint8Array.from(s));
        // Every emitted sample is one of the values sent, or comes from a packet whose data bytes
        // were hit (no checksum exists to catch those): never more samples than packets sent.
        expect((out.samples[I] ?? []).length).toBeLessThanOrEqual(valid.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('a corrupted packet costs at most itself and the next one', () => {
    fc.assert(
      fc.property(fc.nat({ max: 7 }), fc.nat({ max: 32 }), fc.nat({ max: 255 }), (p, at, byte) => {
        const parts = valid.map((b) => Uint8Array.from(b));
        parts[p][at] = byte;
        const out = check(stream([...parts, ...packets(2, 18)]));
        const got = out.samples[I] ?? [];
        expect(got.length).toBeGreaterThanOrEqual(valid.length + 2 - 2);
        // Packets after the corrupted one come back intact, in order, at the end.
        const tail = validLeadI.slice(p + 2);
        expect(got.slice(got.length - 2 - tail.length, got.length - 2)).toEqual(tail);
      }),
      { numRuns: RUNS },
    );
  });

  it('text and packets interleaved in random order and chunking: every packet and message decodes', () => {
    const part = fc.oneof(
      fc.constant('packets' as const),
      fc.stringMatching(/^[ -#%-~\n]{0,40}$/).map((text) => ({ text })),
    );
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, chunks) => {
          let sent = 0;
          let messages = 0;
          const bytes = parts.map((p) => {
            if (p === 'packets') {
              sent += 3;
              return stream(packets(3, sent * 7));
            }
            messages++;
            return encodeText(p.text);
          });
          const out = check(stream(bytes), chunks);
          expect(out.samples[I] ?? []).toHaveLength(sent);
          expect(out.info.filter((line) => line.startsWith('board-message='))).toHaveLength(messages);
          expect(out.errors).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
