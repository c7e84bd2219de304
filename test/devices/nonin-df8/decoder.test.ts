import fc from 'fast-check';
import { noninDf8 } from '../../../src/devices/nonin-df8';
import { NoninDf8Decoder } from '../../../src/devices/nonin-df8/decoder';
import { encodeFrame } from '../../../src/devices/nonin-df8/device-encoder';
import { emptyDf8Frame, type Df8Frame } from '../../../src/devices/nonin-df8/frames';
import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';
import { expectSameOutput, normalize, pushAll, readingsOf, splitStream } from '../support';
import { chunkingInvariance, mutate, mutationsArb, tail } from '../nonin/fuzz';
import { decodeSimulated, PULSE, SPO2, T0 } from '../nonin/support';

const DEVICE = 'nonin-df8@/dev/ttyUSB0';

const frame = (i: number, change: Partial<Df8Frame> = {}): Uint8Array =>
  encodeFrame({ ...emptyDf8Frame(), pulseRate: 60 + i, spo2: 90 + (i % 10), ...change });

describe('NoninDf8Decoder', () => {
  const frames = Array.from({ length: 20 }, (_, i) =>
    frame(
      i,
      i >= 5 && i < 8
        ? { sensorAlarm: true, pulseRate: null, spo2: null }
        : i === 12
          ? { lowPerfusion: true, artifact: true }
          : {},
    ),
  );
  const stream = concatBytes(frames);
  const sampleEnds = frames.map((_, i) => (i + 1) * 4);
  const decode = (cuts: number[]) =>
    normalize(pushAll(new NoninDf8Decoder(DEVICE), splitStream(stream, cuts, sampleEnds, T0, 1000)));

  it('emits both numerics every frame (once a second) and status on change, one second apart', () => {
    const out = decode([]);
    const pulse = out.numerics.filter((n) => n.metric === PULSE);
    expect(pulse.map((n) => n.value)).toEqual(frames.map((_, i) => (i >= 5 && i < 8 ? null : 60 + i)));
    expect(pulse.map((n) => Date.parse(n.time))).toEqual(frames.map((_, i) => T0 + i * 1000));
    expect(out.statuses.map((s) => s.flags)).toEqual([
      [],
      ['probe-off'],
      [],
      ['low-perfusion', 'artifact'],
      [],
    ]);
    expect(out.samples).toEqual([]);
    readingsOf(new NoninDf8Decoder(DEVICE).push(stream, T0)).forEach((r) => readingSchema.parse(r));
  });

  it('gives identical readings for a split at every byte boundary and random multi-splits', () => {
    const whole = decode([]);
    for (let cut = 1; cut < stream.length; cut++) expectSameOutput(decode([cut]), whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 30 }), (cuts) =>
        expectSameOutput(decode(cuts), whole),
      ),
      { numRuns: 300 },
    );
  });

  it('drops and counts a frame cut short, skips garbage, reports ACK before the first frame', () => {
    const decoder = new NoninDf8Decoder(DEVICE);
    const events = decoder.push(
      concatBytes([hexToBytes('06 7F'), frame(1), hexToBytes('80 48'), frame(2), hexToBytes('80 48 65 00')]),
      T0,
    );
    expect(normalize(events).errors).toEqual(['malformed', 'out-of-range']);
    expect(normalize(events).info).toEqual(['format-select=ack']);
    expect(
      normalize(events)
        .numerics.filter((n) => n.metric === SPO2)
        .map((n) => n.value),
    ).toEqual([91, 92]);
    expect(decoder.stats).toEqual({ frames: 2, dropped: 2, skippedBytes: 4 });
  });

  const valid = frames.slice(8, 20);
  const validStream = concatBytes(valid);
  const expected = valid.map((f) => f[2]);
  const check = (input: Uint8Array): DecodeEvent[] => {
    const decoder = new NoninDf8Decoder(DEVICE);
    const events = decoder.push(input, T0);
    readingsOf(events).forEach((r) => readingSchema.parse(r));
    expect(decoder.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
    return events;
  };
  const spo2s = (events: DecodeEvent[]) =>
    normalize(events)
      .numerics.filter((n) => n.metric === SPO2)
      .map((n) => n.value);

  it('fuzz: random bytes never throw; after garbage it resyncs within one frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void check(b)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        expect(tail(spo2s(check(concatBytes([garbage, validStream]))), valid.length - 1)).toEqual(
          expected.slice(1),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('fuzz: a frame with a corrupted byte never yields a wrong reading and the next frame decodes', () => {
    fc.assert(
      fc.property(fc.nat({ max: 9 }), fc.nat({ max: 3 }), (k, at) => {
        // Setting bit 7 of a data byte (or clearing it in STATUS) is what #8 can detect without a checksum.
        const corrupted = valid.map((f, i) => (i === k + 1 ? f.map((b, j) => (j === at ? b ^ 0x80 : b)) : f));
        const out = normalize(check(concatBytes(corrupted)));
        const values = out.numerics.filter((n) => n.metric === SPO2).map((n) => n.value);
        expect(values.slice(0, k + 1)).toEqual(expected.slice(0, k + 1));
        expect(tail(values, valid.length - k - 2)).toEqual(expected.slice(k + 2));
        expect(values).toHaveLength(valid.length - 1);
      }),
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
    fc.assert(
      chunkingInvariance(() => new NoninDf8Decoder(DEVICE), input),
      { numRuns: 2000 },
    );
  });
});

describe('noninDf8 driver and simulator', () => {
  it('decoded simulator bytes reproduce every frame the simulator encoded', () => {
    const { out, frames } = decodeSimulated(noninDf8, 900, 5);
    const reports = frames.filter((f) => SPO2 in f);
    expect(out.errors).toEqual([]);
    expect(out.info).toEqual(['format-select=ack']);
    for (const metric of [SPO2, PULSE]) {
      expect(out.numerics.filter((n) => n.metric === metric).map((n) => n.value)).toEqual(
        reports.map((f) => f[metric]),
      );
    }
    expect(reports.some((f) => f[SPO2] === null)).toBe(true);
  });
  it('selects format #8 on open', () => {
    expect(noninDf8.host.onOpen).toEqual([hexToBytes('02 70 02 02 08 03')]);
  });
});
