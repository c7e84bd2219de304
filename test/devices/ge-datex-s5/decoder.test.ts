import fc from 'fast-check';
import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { geDatexS5 } from '../../../src/devices/ge-datex-s5';
import { GeDatexS5Decoder } from '../../../src/devices/ge-datex-s5/decoder';
import { encodeDisplayedRecord } from '../../../src/devices/ge-datex-s5/device-encoder';
import { BASIC_FIELDS, type BasicValues } from '../../../src/devices/ge-datex-s5/frames';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { readingSchema } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';
import { TYPICAL } from './records';

const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
const FIELDS = BASIC_FIELDS.length;

/** Decoded readings grouped per record: each group is the record's values in BASIC_FIELDS order. */
function recordsOf(events: readonly DecodeEvent[]): BasicValues[] {
  const values = readingsOf(events).map((r) => (r.type === 'numeric' ? r.value : Number.NaN));
  const groups: BasicValues[] = [];
  for (let i = 0; i < values.length; i += FIELDS) groups.push(values.slice(i, i + FIELDS));
  return groups;
}

const decodeAll = (chunks: readonly Uint8Array[]): { events: DecodeEvent[]; decoder: GeDatexS5Decoder } => {
  const decoder = new GeDatexS5Decoder('ge-datex-s5@/dev/ttyUSB0');
  return { events: chunks.flatMap((c) => decoder.push(c, T0)), decoder };
};

const sampleValues = (i: number): BasicValues =>
  TYPICAL.map((v, k) => (v === null ? null : k === 1 && i % 3 === 2 ? null : v + i));
const frames = (count: number): Uint8Array[] =>
  Array.from({ length: count }, (_, i) =>
    encodeDisplayedRecord({ number: i, timeS: 1_764_000_000 + 5 * i, values: sampleValues(i) }),
  );

describe('GeDatexS5Decoder', () => {
  it('emits every basic field of a record as a valid numeric reading at the arrival time', () => {
    const { events, decoder } = decodeAll([frames(1)[0]]);
    const readings = readingsOf(events);
    expect(readings.map((r) => readingSchema.parse(r))).toHaveLength(FIELDS);
    expect(readings[0]).toEqual({
      type: 'numeric',
      device: 'ge-datex-s5@/dev/ttyUSB0',
      metric: 'MDC_ECG_HEART_RATE',
      value: 72,
      unit: '/min',
      time: '2026-11-25T16:00:00.000Z',
    });
    expect(events[0]).toEqual({ kind: 'device-info', key: 'dri-level', value: '9' });
    expect(decoder.stats).toEqual({ frames: 1, dropped: 0, skippedBytes: 0 });
  });

  it('gives identical output for a split at every byte boundary and random multi-splits', () => {
    const stream = concatBytes(frames(3));
    const whole = decodeAll([stream]).events;
    expect(recordsOf(whole)).toEqual([0, 1, 2].map(sampleValues));
    for (let cut = 1; cut < stream.length; cut++) {
      expect(decodeAll([stream.subarray(0, cut), stream.subarray(cut)]).events).toEqual(whole);
    }
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 40 }), (cuts) => {
        const bounds = [0, ...new Set(cuts)].sort((a, b) => a - b).concat(stream.length);
        const chunks = bounds.slice(1).map((end, i) => stream.subarray(bounds[i], end));
        expect(decodeAll(chunks).events).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes what the simulator encoded, record for record, nulls included', () => {
    const stream = generateStream(geDatexS5, 600, { seed: 7, startMs: T0 });
    const decoder = geDatexS5.createDecoder('sim');
    const events = stream.chunks.flatMap((c) => decoder.push(c.bytes, c.atMs));
    expect(decoder.stats.dropped).toBe(0);
    const got = readingsOf(events).map((r) => (r.type === 'numeric' ? [r.metric, r.value] : [r.type]));
    expect(got).toEqual(stream.frames.flatMap((f) => Object.entries(f)));
    expect(stream.frames.length).toBe(121);
    expect(stream.frames.some((f) => f.MDC_PULS_OXIM_SAT_O2 === null)).toBe(true);
    // A cuff cycle a minute: ten results in ten minutes (plus "no result" once at the start).
    expect(stream.frames.filter((f) => 'MDC_PRESS_BLD_NONINV_SYS' in f)).toHaveLength(11);
  });
});

describe('GeDatexS5Decoder fuzzing', () => {
  const originals = [0, 1, 2, 3].map(sampleValues);
  const stream = concatBytes(frames(4));
  const isOriginal = (values: BasicValues): boolean =>
    originals.some((o) => JSON.stringify(o) === JSON.stringify(values));

  it('random bytes never throw and never yield a reading', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const { events, decoder } = decodeAll([bytes]);
        expect(readingsOf(events)).toEqual([]);
        expect(decoder.stats.frames).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('garbage before valid frames: every frame after the garbage decodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (garbage) => {
        expect(recordsOf(decodeAll([garbage, stream]).events)).toEqual(originals);
      }),
      { numRuns: 2000 },
    );
  });

  it('a bit flip never yields a wrong reading, and costs at most the frames it touched', () => {
    fc.assert(
      fc.property(fc.nat({ max: stream.length - 1 }), fc.nat({ max: 7 }), (at, bit) => {
        const mutated = stream.slice();
        mutated[at] ^= 1 << bit;
        const { events, decoder } = decodeAll([mutated]);
        const records = recordsOf(events);
        expect(records.every(isOriginal)).toBe(true);
        expect(records.length).toBeGreaterThanOrEqual(originals.length - 2);
        // A flipped final flag leaves the last frame open, waiting for more bytes: not yet an error.
        if (records.length < originals.length && at < stream.length - 1)
          expect(decoder.stats.dropped + decoder.stats.skippedBytes).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('dropped and duplicated bytes never throw or yield a wrong reading', () => {
    fc.assert(
      fc.property(fc.nat({ max: stream.length - 1 }), fc.boolean(), (at, duplicate) => {
        const mutated = duplicate
          ? concatBytes([stream.subarray(0, at + 1), stream.subarray(at)])
          : concatBytes([stream.subarray(0, at), stream.subarray(at + 1)]);
        const records = recordsOf(decodeAll([mutated]).events);
        expect(records.every(isOriginal)).toBe(true);
        expect(records.length).toBeGreaterThanOrEqual(originals.length - 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('a truncated frame is dropped and counted; the frames around it decode', () => {
    const [a, b, c] = frames(3);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: b.length - 2 }), (keep) => {
        const { events, decoder } = decodeAll([a, b.subarray(0, keep), c]);
        expect(recordsOf(events)).toEqual([sampleValues(0), sampleValues(2)]);
        expect(decoder.stats.dropped).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });
});
