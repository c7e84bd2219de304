import fc from 'fast-check';
import { noninDf13 } from '../../../src/devices/nonin-df13';
import { NoninDf13Decoder } from '../../../src/devices/nonin-df13/decoder';
import { encodeRecord, encodeTimeReply } from '../../../src/devices/nonin-df13/device-encoder';
import { type SpotCheckRecord } from '../../../src/devices/nonin-df13/frames';
import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { DEVICE_TIME_KEY } from '../../../src/devices/nonin/sim-report-streams';
import { readingSchema } from '../../../src/shared/domain/readings';
import { normalize, readingsOf } from '../support';
import { chunkingInvariance, mutate, mutationsArb, tail } from '../nonin/fuzz';
import { decodeSimulated, PULSE, SPO2, T0 } from '../nonin/support';

const DEVICE = 'nonin-df13@/dev/rfcomm0';
const VECTOR = '00 02 00 0D 00 0E 20 25 11 25 14 30 15 00 02 00 00 48 00 61 7F 03';
const RECORD: SpotCheckRecord = {
  clock: { year: 2025, month: 11, day: 25, hour: 14, minute: 30, second: 15 },
  smartPoint: true,
  noMeasurement: false,
  fromMemory: false,
  lowBattery: false,
  pulseRate: 72,
  spo2: 97,
};

describe('NoninDf13Decoder', () => {
  it('stamps the numerics with the record’s own time, not the arrival time', () => {
    const events = new NoninDf13Decoder(DEVICE).push(hexToBytes(VECTOR), T0);
    expect(normalize(events).numerics).toEqual([
      { metric: SPO2, value: 97, unit: '%', time: '2025-11-25T14:30:15.000Z' },
      { metric: PULSE, value: 72, unit: '/min', time: '2025-11-25T14:30:15.000Z' },
    ]);
    expect(normalize(events).statuses).toEqual([{ flags: [], time: '2025-11-25T14:30:15.000Z' }]);
    readingsOf(events).forEach((r) => readingSchema.parse(r));
  });

  it('repeats identical values (each record is a measurement); NOMS gives nulls; low battery is a status', () => {
    const records = [
      RECORD,
      RECORD,
      { ...RECORD, noMeasurement: true, pulseRate: null, spo2: null, lowBattery: true },
    ];
    const out = normalize(new NoninDf13Decoder(DEVICE).push(concatBytes(records.map(encodeRecord)), T0));
    expect(out.numerics.filter((n) => n.metric === SPO2).map((n) => n.value)).toEqual([97, 97, null]);
    expect(out.statuses.map((s) => s.flags)).toEqual([[], ['low-battery']]);
  });

  it('reports ACK/NAK before the first record and the reply to "get time" as device-info', () => {
    const clock = { year: 2050, month: 12, day: 31, hour: 14, minute: 30, second: 15 };
    const events = new NoninDf13Decoder(DEVICE).push(
      concatBytes([Uint8Array.of(0x06), encodeTimeReply(clock), hexToBytes(VECTOR)]),
      T0,
    );
    expect(normalize(events).info).toEqual(['format-select=ack', 'device-time=2050-12-31T14:30:15.000Z']);
    expect(encodeTimeReply(clock)).toEqual(hexToBytes('02 F2 06 32 0C 1F 0E 1E 0F 03'));
  });

  const records = Array.from({ length: 6 }, (_, i) =>
    encodeRecord({ ...RECORD, spo2: 90 + i, clock: { ...RECORD.clock, second: i } }),
  );
  const stream = concatBytes(records);
  const decodeChunks = (cuts: number[]) => {
    const decoder = new NoninDf13Decoder(DEVICE);
    const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), stream.length];
    return normalize(
      bounds.slice(1).flatMap((end, i) => decoder.push(stream.subarray(bounds[i], end), T0 + i)),
    );
  };

  it('gives identical readings for a split at every byte boundary and random multi-splits', () => {
    const whole = decodeChunks([]);
    for (let cut = 1; cut < stream.length; cut++) expect(decodeChunks([cut])).toEqual(whole);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 40 }),
        (cuts) => void expect(decodeChunks(cuts)).toEqual(whole),
      ),
      { numRuns: 300 },
    );
  });

  const expected = records.map((_, i) => 90 + i);
  const check = (input: Uint8Array): DecodeEvent[] => {
    const decoder = new NoninDf13Decoder(DEVICE);
    const events = decoder.push(input, T0);
    readingsOf(events).forEach((r) => readingSchema.parse(r));
    expect(decoder.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
    return events;
  };
  const spo2s = (events: DecodeEvent[]) =>
    normalize(events)
      .numerics.filter((n) => n.metric === SPO2)
      .map((n) => n.value);

  it('fuzz: random bytes never throw; after garbage it resyncs within one record', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void check(b)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        expect(tail(spo2s(check(concatBytes([garbage, stream]))), records.length - 1)).toEqual(
          expected.slice(1),
        );
      }),
      { numRuns: 2000 },
    );
  });

  // Each corrupted record has another behind it: a corrupted length on the last one rightly waits for more bytes.
  it('fuzz: a corrupted record never yields a reading, is counted, and the next record decodes', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 4 }),
        fc.integer({ min: 4, max: 21 }),
        fc.integer({ min: 1, max: 255 }),
        (k, at, xor) => {
          const corrupted = records.map((r, i) => (i === k ? r.map((b, j) => (j === at ? b ^ xor : b)) : r));
          const out = normalize(check(concatBytes(corrupted)));
          expect(out.errors.length).toBeGreaterThan(0);
          expect(out.numerics.filter((n) => n.metric === SPO2).map((n) => n.value)).toEqual(
            expected.filter((_, i) => i !== k),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('fuzz: bit flips, dropped and duplicated bytes, truncation never throw', () => {
    fc.assert(
      fc.property(mutationsArb(stream.length), (mutations) => void check(mutate(stream, mutations))),
      { numRuns: 2000 },
    );
  });

  it('fuzz: any chunking of mutated records after garbage gives the same values, errors and replies', () => {
    const input = fc
      .tuple(fc.uint8Array({ maxLength: 40 }), mutationsArb(stream.length))
      .map(([garbage, mutations]) => concatBytes([garbage, mutate(stream, mutations)]));
    fc.assert(
      chunkingInvariance(() => new NoninDf13Decoder(DEVICE), input),
      { numRuns: 2000 },
    );
  });
});

describe('noninDf13 driver and simulator', () => {
  it('decoded simulator records reproduce the values and device times the simulator encoded', () => {
    const { out, frames } = decodeSimulated(noninDf13, 120, 9);
    const records = frames.filter((f) => DEVICE_TIME_KEY in f);
    expect(records.length).toBeGreaterThan(30);
    expect(out.errors).toEqual([]);
    expect(out.info).toEqual(['format-select=ack']);
    for (const metric of [SPO2, PULSE]) {
      const numerics = out.numerics.filter((n) => n.metric === metric);
      expect(numerics.map((n) => n.value)).toEqual(records.map((f) => f[metric]));
      expect(numerics.map((n) => Date.parse(n.time))).toEqual(records.map((f) => f[DEVICE_TIME_KEY]));
    }
    expect(records.some((f) => f[SPO2] === null)).toBe(true);
    // The two stored records come first, with times before the connection.
    expect(records.slice(0, 2).every((f) => f[DEVICE_TIME_KEY]! < T0)).toBe(true);
  });
  it('selects format #13 on open', () => {
    expect(noninDf13.host.onOpen).toEqual([hexToBytes('02 70 02 02 0D 03')]);
  });
});
