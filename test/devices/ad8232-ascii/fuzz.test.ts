import fc from 'fast-check';
import { Ad8232Decoder } from '../../../src/devices/ad8232-ascii/decoder';
import { encodeLine } from '../../../src/devices/ad8232-ascii/device-encoder';
import { concatBytes } from '../../../src/devices/framing/concat';
import { readingSchema } from '../../../src/shared/domain/readings';
import { normalize, readingsOf } from '../support';

/** fast-check fuzzing: 5 properties × 2,000 runs = 10,000 runs for this decoder. */
const RUNS = 2000;
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
const values = [500, 501, null, 503, 1023, 0, 507, 508];
const lines = (vs: readonly (number | null)[]) => concatBytes(vs.map(encodeLine));
const validStream = lines(values);

function check(input: Uint8Array, chunks = 1) {
  const decoder = new Ad8232Decoder('ad8232-ascii@fuzz', 1023);
  const size = Math.ceil(input.length / chunks) || 1;
  const events = [];
  for (let at = 0; at < input.length; at += size) {
    events.push(...decoder.push(input.subarray(at, at + size), T0 + at * 7));
  }
  for (const r of readingsOf(events)) readingSchema.parse(r);
  expect(decoder.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
  return normalize(events);
}

describe('Ad8232Decoder fuzz', () => {
  it('random bytes never throw, in one push or many', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 7 }), (bytes, chunks) => {
        check(bytes, chunks);
      }),
      { numRuns: RUNS },
    );
  });

  it('garbage before valid lines: all but the line the garbage runs into decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (garbage) => {
        const out = check(concatBytes([garbage, validStream]));
        expect(out.samples.slice(-(values.length - 1))).toEqual(values.slice(1));
      }),
      { numRuns: RUNS },
    );
  });

  it('bit flips, dropped and duplicated bytes, truncation never throw; never more samples than lines', () => {
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
        for (const v of out.samples)
          expect(v === null || (Number.isInteger(v) && v >= 0 && v <= 1023)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('text that is not a value or ! is a frame error; the values around it decode', () => {
    const noise = fc.stringMatching(/^[a-zA-Z][ -~]{0,12}$/);
    const item = fc.oneof(fc.integer({ min: 0, max: 1023 }), fc.constant(null), noise);
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        (items, chunks) => {
          const bytes = concatBytes([
            encodeLine(1),
            ...items.map((x) =>
              typeof x === 'string' ? new TextEncoder().encode(`${x}\r\n`) : encodeLine(x),
            ),
          ]);
          const out = check(bytes, chunks);
          expect(out.samples).toEqual(items.filter((x) => typeof x !== 'string'));
          expect(out.errors).toHaveLength(items.filter((x) => typeof x === 'string').length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any line ending (CR, LF, CRLF, LFCR, blank lines) and chunking gives the same samples', () => {
    const ending = fc.constantFrom('\r', '\n', '\r\n', '\n\r', '\r\n\r\n');
    const line = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 1023 }), fc.constant(null)), ending);
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (items, chunks) => {
          const textStream = `5\r\n${items.map(([v, end]) => `${v ?? '!'}${end}`).join('')}`;
          const out = check(new TextEncoder().encode(textStream), chunks);
          expect(out.samples).toEqual(items.map(([v]) => v));
          expect(out.errors).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
