import fc from 'fast-check';
import type { DecodeEvent, Decoder, DeviceDriver } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { readingSchema } from '../../../src/shared/domain/readings';
import { expectSameOutput, normalize, pushAll, readingsOf, splitStream } from '../support';

/**
 * Checks shared by the ASCII-line oximeter tests (masimo-ascii, nellcor-ascii): chunking
 * independence, the fuzz properties, and decoder output == simulator frames. Lines come one a
 * second, so a line counts as complete at its first line-end byte (CR).
 */
const LINE_PERIOD_MS = 1000;

/** Byte offsets just past each line's first line-end byte. */
export function lineEnds(stream: Uint8Array): number[] {
  const ends: number[] = [];
  for (let i = 0; i < stream.length; i++) {
    const isEnd = stream[i] === 0x0d || stream[i] === 0x0a;
    const prevIsEnd = i > 0 && (stream[i - 1] === 0x0d || stream[i - 1] === 0x0a);
    if (isEnd && !prevIsEnd) ends.push(i + 1);
  }
  return ends;
}

export function expectSplitIndependent(createDecoder: () => Decoder, stream: Uint8Array, t0: number): void {
  const ends = lineEnds(stream);
  const decode = (cuts: number[]) =>
    normalize(pushAll(createDecoder(), splitStream(stream, cuts, ends, t0, LINE_PERIOD_MS)));
  const whole = decode([]);
  for (let cut = 1; cut < stream.length; cut++) expectSameOutput(decode([cut]), whole);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 40 }), (cuts) =>
      expectSameOutput(decode(cuts), whole),
    ),
    { numRuns: 300 },
  );
}

/**
 * Decodes `input` in one push: never throws, errors are counted, and (unless the caller checks
 * exact values itself: schema parsing dominates fuzz time) readings are schema-valid.
 */
export function decodeChecked(
  decoder: Decoder,
  input: Uint8Array,
  atMs: number,
  validate = true,
): DecodeEvent[] {
  const before = decoder.stats.dropped;
  const events = decoder.push(input, atMs);
  if (validate) readingsOf(events).forEach((r) => readingSchema.parse(r));
  expect(decoder.stats.dropped - before).toBe(events.filter((e) => e.kind === 'frame-error').length);
  return events;
}

/** The values of `metric` in emission order. */
export function valuesOf(events: readonly DecodeEvent[], metric: string): (number | null)[] {
  return readingsOf(events).flatMap((r) => (r.type === 'numeric' && r.metric === metric ? [r.value] : []));
}

const RUNS = 2000;

/**
 * Five fuzz properties × 2,000 runs over `lines` (valid, complete lines with their line ends,
 * line i carrying SpO2 `spo2Of(i)`); any prefix of `line` up to `invalidPrefixEnd(line)` bytes
 * breaks the grammar.
 */
export function fuzzLineDecoder(
  createDecoder: () => Decoder,
  lines: readonly Uint8Array[],
  spo2Of: (lineIndex: number) => number,
  invalidPrefixEnd: (line: Uint8Array) => number,
): void {
  const valid = concatBytes([...lines]);
  const SPO2 = 'MDC_PULS_OXIM_SAT_O2';
  const expected = lines.map((_, i) => spo2Of(i));

  // 1. Random bytes.
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void decodeChecked(createDecoder(), bytes, 0)),
    { numRuns: RUNS },
  );
  // 2. Garbage, then valid lines: at most the first line (merged with the garbage) is lost.
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
      const got = valuesOf(decodeChecked(createDecoder(), concatBytes([garbage, valid]), 0, false), SPO2);
      expect(got.slice(-(lines.length - 1))).toEqual(expected.slice(1));
    }),
    { numRuns: RUNS },
  );
  // 3. Bit flips, dropped and duplicated bytes, truncation: never more lines out than in.
  const mutation = fc.record({
    at: fc.nat({ max: valid.length - 1 }),
    kind: fc.constantFrom('flip', 'drop', 'dup', 'truncate'),
    bit: fc.nat({ max: 7 }),
  });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
      let s = [...valid];
      for (const m of mutations) {
        const at = m.at % Math.max(1, s.length);
        if (m.kind === 'flip') s[at] = s[at] ^ (1 << m.bit);
        else if (m.kind === 'drop') s.splice(at, 1);
        else if (m.kind === 'dup') s.splice(at, 0, s[at] ?? 0);
        else s = s.slice(0, at);
      }
      const decoder = createDecoder();
      decodeChecked(decoder, Uint8Array.from(s), 0);
      expect(decoder.stats.frames).toBeLessThanOrEqual(lines.length + 5);
    }),
    { numRuns: RUNS },
  );
  // 4. A line cut short (to at most `invalidPrefixEnd` of its bytes), then the rest: the cut line
  //    is dropped and counted, the rest decode. Without a checksum, a cut inside the last field can
  //    leave a valid line: the caller says how short a prefix must be to be surely invalid.
  fc.assert(
    fc.property(
      fc.nat({ max: lines.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (which, fraction) => {
        const line = lines[which];
        const cut = line.subarray(0, Math.floor(fraction * invalidPrefixEnd(line)));
        const decoder = createDecoder();
        const events = decodeChecked(decoder, concatBytes([cut, Uint8Array.of(0x0d, 0x0a), valid]), 0, false);
        expect(valuesOf(events, SPO2)).toEqual(expected);
        expect(decoder.stats.dropped).toBe(cut.length > 0 ? 1 : 0);
      },
    ),
    { numRuns: RUNS },
  );
  // 5. A byte that is not text inside one line: that line is dropped and counted, the others decode.
  fc.assert(
    fc.property(
      fc.nat({ max: lines.length - 1 }),
      fc.nat({ max: 200 }),
      fc.oneof(
        fc.integer({ min: 0x00, max: 0x08 }),
        fc.integer({ min: 0x0e, max: 0x1f }),
        fc.integer({ min: 0x7f, max: 0xff }),
      ),
      (which, position, byte) => {
        const line = [...lines[which]];
        line.splice(position % (line.length - 2), 0, byte);
        const input = concatBytes([
          ...lines.slice(0, which),
          Uint8Array.from(line),
          ...lines.slice(which + 1),
        ]);
        const decoder = createDecoder();
        const events = decodeChecked(decoder, input, 0, false);
        expect(valuesOf(events, SPO2)).toEqual(expected.filter((_, i) => i !== which));
        expect(decoder.stats).toMatchObject({ frames: lines.length - 1, dropped: 1 });
      },
    ),
    { numRuns: RUNS },
  );
}

/**
 * Decoded simulator bytes give back every line's values, in order, nulls included, each timed at
 * the second the simulator sent its line. Returns the status flag sets seen.
 */
export function expectLineDecoderMatchesSimulator(
  driver: DeviceDriver,
  seconds: number,
  seed: number,
  metrics: readonly string[],
): string[] {
  const startMs = Date.UTC(2026, 0, 1);
  const stream = generateStream(driver, seconds, { seed, startMs });
  const out = normalize(pushAll(driver.createDecoder('sim'), stream.chunks));
  expect(out.errors).toEqual([]);
  const frames = stream.frames.filter((f) => metrics[0] in f);
  expect(frames).toHaveLength(seconds + 1);
  for (const metric of metrics) {
    const numerics = out.numerics.filter((n) => n.metric === metric);
    expect(numerics.map((n) => n.value)).toEqual(frames.map((f) => f[metric]));
    expect(numerics.map((n) => Date.parse(n.time))).toEqual(frames.map((_, i) => startMs + i * 1000));
  }
  const seen = out.statuses.map((s) => s.flags.join('+'));
  // The run is long enough to include invalid values (dashes) too.
  expect(frames.some((f) => f[metrics[0]] === null)).toBe(true);
  return seen;
}
