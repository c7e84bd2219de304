import fc from 'fast-check';
import { UTC_ZONE } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { createOmronHemHidDriver } from '../../../src/devices/omron-hem-hid';
import { OmronHemHidDecoder } from '../../../src/devices/omron-hem-hid/decoder';
import { encodeRecord } from '../../../src/devices/omron-hem-hid/device-encoder';
import { OmronHemHidSimulator } from '../../../src/devices/omron-hem-hid/simulator';
import { readingSchema } from '../../../src/shared/domain/readings';
import { runHostLoop } from '../bp/host-loop';
import { normalize, readingsOf } from '../support';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const decoder = () =>
  new OmronHemHidDecoder('omron-hem-hid@t', { ledger: new BpRecordLedger(), zone: UTC_ZONE, maxRecords: 5 });
/** The device side of a whole session (5 records, all downloaded). */
function sessionBytes(seed: number): Uint8Array {
  const driver = createOmronHemHidDriver({ ledger: new BpRecordLedger(), zone: UTC_ZONE, maxRecords: 5 });
  const run = runHostLoop(driver, {
    simulator: new OmronHemHidSimulator({ seed, zone: UTC_ZONE }),
    startMs: T0,
  });
  return concatBytes(run.deviceBytes);
}
const stream = sessionBytes(3);
const expected = normalize(decoder().push(stream, T0));
const decodeSplit = (bytes: Uint8Array, cuts: number[]) => {
  const d = decoder();
  const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), bytes.length];
  return normalize(bounds.slice(1).flatMap((end, i) => d.push(bytes.subarray(bounds[i], end), T0)));
};
const valueKey = (r: { type: string; metric?: string; value?: unknown; time?: string }) =>
  `${r.metric}=${String(r.value)}@${r.time}`;
/** Every record of the stream, as a station that imported something older would import them. */
function importAll(bytes: Uint8Array) {
  const ledger = new BpRecordLedger();
  ledger.add('omron-hem-hid:M7080IT 207', '2000-01-01T00:00:00.000Z');
  return new OmronHemHidDecoder('omron-hem-hid@t', { ledger, zone: UTC_ZONE, maxRecords: 5 }).push(bytes, T0);
}
const originalValues = new Set(readingsOf(importAll(stream)).map(valueKey));
/** The times of the records a decoder downloaded (new or not): proves it decoded them. */
const downloadedTimes = (info: string[]) =>
  info.flatMap((line) => {
    const [key, value] = line.split('=');
    return key === 'bp-record-downloaded' || key === 'bp-record-duplicate' ? [value] : [];
  });
const streamTimes = downloadedTimes(expected.info);

describe('OmronHemHidDecoder', () => {
  it('decodes a whole session: 5 records downloaded, only the newest imported (first download)', () => {
    expect(streamTimes).toHaveLength(5);
    expect(expected.numerics).toHaveLength(3);
    expect(expected.numerics.every((r) => r.time === streamTimes[0])).toBe(true); // newest-first
    expect(expected.info.filter((line) => line.startsWith('bp-record-skipped-history='))).toHaveLength(4);
    expect(readingsOf(importAll(stream))).toHaveLength(15);
    expect(expected.errors).toEqual([]);
    expect(expected.info).toEqual(
      expect.arrayContaining(['version=M7080IT 207', 'record-count=5', 'status=OFF']),
    );
  });

  it('gives the same output for the stream split at every byte', () => {
    for (let cut = 1; cut < stream.length; cut++) expect(decodeSplit(stream, [cut])).toEqual(expected);
    const d = decoder();
    expect(normalize([...stream].flatMap((b) => d.push(Uint8Array.of(b), T0)))).toEqual(expected);
  });

  it('gives the same output for random multi-splits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 40 }), (cuts) => {
        expect(decodeSplit(stream, cuts)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a record whose XOR check fails, and counts it', () => {
    const d = decoder();
    const bad = hexToBytes('07 4F 4B 00 07 01 03 00 07 06 33 00 00 71 4B 47 03 00 00 4C 00 00 00 00');
    expect(d.push(bad, T0)).toEqual([
      { kind: 'frame-error', code: 'checksum', detail: expect.stringMatching(/XOR/) as unknown },
    ]);
    expect(d.stats.dropped).toBe(1);
    // An impossible date with a good check is out of range, not a reading.
    const feb30 = encodeRecord({
      time: { year: 2026, month: 2, day: 30, hour: 8, minute: 0, second: 0 },
      systolic: 120,
      diastolic: 80,
      pulse: 70,
      flags: 0,
    });
    expect(
      decoder()
        .push(feb30, T0)
        .map((e) => e.kind === 'frame-error' && e.code),
    ).toEqual(['out-of-range']);
  });

  describe('fuzzing (2,000 runs per property)', () => {
    const bytes = fc.uint8Array({ maxLength: 400 });
    const check = (input: Uint8Array) => {
      const d = decoder();
      const events = d.push(input, T0);
      for (const r of readingsOf(events)) expect(readingSchema.safeParse(r).success).toBe(true);
      expect(d.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
      return events;
    };

    it('never throws on random bytes', () => {
      fc.assert(
        fc.property(bytes, (b) => void check(b)),
        { numRuns: 2000 },
      );
    });

    it('resyncs after garbage: a valid session after any garbage decodes in full', () => {
      fc.assert(
        fc.property(bytes, (garbage) => {
          const out = normalize(check(concatBytes([garbage, stream])));
          // Garbage may hide at most the message it overlaps; the later records all decode.
          expect(downloadedTimes(out.info)).toEqual(expect.arrayContaining(streamTimes.slice(-4)));
        }),
        { numRuns: 2000 },
      );
    });

    it('a single bit flip never yields a wrong value: the record is dropped and counted', () => {
      fc.assert(
        fc.property(fc.nat({ max: stream.length - 1 }), fc.nat({ max: 7 }), (at, bit) => {
          const mutated = stream.slice();
          mutated[at] ^= 1 << bit;
          for (const r of readingsOf(check(mutated))) expect(originalValues.has(valueKey(r))).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('survives dropped, duplicated and truncated bytes, and decodes a valid session after them', () => {
      const mutation = fc.record({
        at: fc.nat({ max: stream.length - 1 }),
        kind: fc.constantFrom('drop', 'dup', 'truncate', 'flip'),
      });
      const tail = sessionBytes(11);
      const tailTimes = downloadedTimes(normalize(decoder().push(tail, T0)).info);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
          let b = [...stream];
          for (const m of mutations) {
            const at = Math.min(m.at, b.length - 1);
            if (m.kind === 'drop') b.splice(at, 1);
            else if (m.kind === 'dup') b.splice(at, 0, b[at]);
            else if (m.kind === 'truncate') b = b.slice(0, at);
            else b[at] ^= 0x10;
          }
          const out = normalize(check(concatBytes([Uint8Array.from(b), tail])));
          expect(downloadedTimes(out.info)).toEqual(expect.arrayContaining(tailTimes.slice(-4)));
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws on random report-shaped input (count + "OK" + random bytes)', () => {
      const report = fc.tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.uint8Array({ minLength: 7, maxLength: 7 }),
        fc.boolean(),
      );
      fc.assert(
        fc.property(fc.array(report, { maxLength: 12 }), (reports) => {
          const input = concatBytes(
            reports.map(([count, body, ok]) =>
              Uint8Array.from([count, ...(ok ? [0x4f, 0x4b, ...body.subarray(2)] : body)]),
            ),
          );
          check(input);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
