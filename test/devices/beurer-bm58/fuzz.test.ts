import fc from 'fast-check';
import { BeurerBm58Decoder } from '../../../src/devices/beurer-bm58/decoder';
import { encodeRecord } from '../../../src/devices/beurer-bm58/device-encoder';
import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { readingSchema } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';
import { decodeAll, DEVICE, DOWNLOAD, measurement, recordTimesOf } from './download';

describe('BeurerBm58Decoder fuzzing', () => {
  const originals = new Set(recordTimesOf(decodeAll([DOWNLOAD])));
  const check = (bytes: Uint8Array): DecodeEvent[] => {
    const decoder = new BeurerBm58Decoder(DEVICE);
    const events = decodeAll([bytes], decoder);
    const { frames, dropped } = decoder.stats;
    expect(events.filter((e) => e.kind === 'frame-error')).toHaveLength(dropped);
    expect(frames).toBeGreaterThanOrEqual(0);
    return events;
  };

  it('random bytes never throw; every reading comes from a date-valid record', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        for (const r of readingsOf(check(bytes))) expect(readingSchema.safeParse(r).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('garbage without the record header before a download: every record decodes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }).map((g) => g.map((b) => (b === 0xac ? 0x00 : b))),
        (garbage) => {
          // Garbage may shift where the decoder thinks the download ends, never hide a record.
          expect(recordTimesOf(check(concatBytes([garbage, DOWNLOAD])))).toEqual(
            expect.arrayContaining([...originals]),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a stray 0xAC before a download costs at most one record', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), (tail) => {
        const decoded = recordTimesOf(check(concatBytes([Uint8Array.of(0xac), tail, DOWNLOAD])));
        // The stray header may swallow bytes of a following record only if they form a valid date.
        expect(decoded.filter((d) => originals.has(d)).length).toBeGreaterThanOrEqual(originals.size - 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('bit flips, dropped and duplicated bytes never throw', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: DOWNLOAD.length - 1 }),
        fc.constantFrom('flip', 'drop', 'dup'),
        fc.nat({ max: 7 }),
        (at, kind, bit) => {
          const bytes = DOWNLOAD.slice();
          if (kind === 'flip') bytes[at] ^= 1 << bit;
          const mutated =
            kind === 'drop'
              ? concatBytes([DOWNLOAD.subarray(0, at), DOWNLOAD.subarray(at + 1)])
              : kind === 'dup'
                ? concatBytes([DOWNLOAD.subarray(0, at + 1), DOWNLOAD.subarray(at)])
                : bytes;
          check(mutated);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a truncated record is kept until its bytes arrive, then decodes', () => {
    const record = encodeRecord(measurement(3));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (keep) => {
        const decoder = new BeurerBm58Decoder(DEVICE);
        decoder.push(Uint8Array.of(0x55, 1), 0); // handshake, count 1: the record ends the download
        expect(readingsOf(decoder.push(record.subarray(0, keep), 0))).toEqual([]);
        expect(readingsOf(decoder.push(record.subarray(keep), 1))).toHaveLength(3);
      }),
      { numRuns: 2000 },
    );
  });
});
