import fc from 'fast-check';
import { BLE_PROFILES, type BleProfile } from '../../../src/devices/ble/profiles';
import type { DecodeEvent } from '../../../src/devices/driver';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';

/**
 * Per characteristic decoder: 5 properties × 2,000 runs. Whatever arrives, `push` never throws,
 * each value is exactly one frame or one dropped frame, and every reading passes the contract schema.
 */
const RUNS = 2000;
const T0 = Date.UTC(2026, 10, 25, 17, 0, 0);

/** A valid value per characteristic, to mutate (document vectors where there is one). */
const VALID: Record<string, string> = {
  '00002a37-0000-1000-8000-00805f9b34fb': '1E 48 10 00 00 04 00 02',
  // Flags 0x1E: mmHg (with 0x1F the same bytes say 121 kPa, 907 mmHg: an impossible value, dropped).
  '00002a35-0000-1000-8000-00805f9b34fb': '1E 79 00 50 00 5F 00 EA 07 0B 19 11 00 00 48 00 01 3F 00',
  '00002a36-0000-1000-8000-00805f9b34fb': '10 96 00 FF 07 FF 07 00 00',
  '00002a5f-0000-1000-8000-00805f9b34fb': '1F DE F3 CA F3 CA F3 5A F5 D4 F3 B2 F2 20 01 00 00 00 7A E3',
  '00002a5e-0000-1000-8000-00805f9b34fb': '0F AC F3 BE F5 E8 07 0B 1D 17 08 39 20 40 22 00 00 66 E3',
  '00002a1c-0000-1000-8000-00805f9b34fb': '06 6E 01 00 FF EA 07 0B 19 11 00 00 06',
};

function expectAccounted(profile: BleProfile, values: readonly Uint8Array[]): void {
  const decoder = profile.createDecoder(`${profile.protocol}@fuzz`);
  let errors = 0;
  let impossible = 0;
  values.forEach((value, i) => {
    const events: DecodeEvent[] = decoder.push(value, T0 + i * 1000);
    for (const event of events) {
      if (event.kind === 'frame-error') errors++;
      else if (event.kind === 'value-error') impossible++;
      else if (event.kind === 'reading') readingSchema.parse(event.reading);
    }
    expect(events.filter((e) => e.kind === 'frame-error').length).toBeLessThanOrEqual(1);
  });
  expect(decoder.stats.frames + decoder.stats.dropped).toBe(values.length);
  expect(decoder.stats.dropped).toBe(errors);
  expect(decoder.stats.outOfRange).toBe(impossible);
  expect(decoder.stats.skippedBytes).toBe(0);
}

describe.each(BLE_PROFILES.map((p) => [`${p.protocol} ${p.characteristic.slice(4, 8)}`, p] as const))(
  'fuzz %s',
  (_name, profile) => {
    const valid = hexToBytes(VALID[profile.characteristic]);
    const mutate = (edit: (bytes: Uint8Array) => Uint8Array) => edit(Uint8Array.from(valid));

    it('the valid sample decodes', () => {
      const decoder = profile.createDecoder('d@x');
      expect(decoder.push(valid, T0).some((e) => e.kind === 'reading')).toBe(true);
      expect(decoder.stats).toEqual({ frames: 1, dropped: 0, skippedBytes: 0, outOfRange: 0 });
    });

    it('random values', () => {
      fc.assert(
        fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 4 }), (values) =>
          expectAccounted(profile, values),
        ),
        { numRuns: RUNS },
      );
    });

    it('random flags with a random body', () => {
      fc.assert(
        fc.property(fc.nat({ max: 255 }), fc.uint8Array({ minLength: 2, maxLength: 30 }), (flags, body) =>
          expectAccounted(profile, [Uint8Array.of(flags, ...body)]),
        ),
        { numRuns: RUNS },
      );
    });

    it('truncated valid values are counted as dropped', () => {
      fc.assert(
        fc.property(fc.nat({ max: valid.length - 1 }), (length) => {
          const decoder = profile.createDecoder('d@x');
          const events = decoder.push(valid.subarray(0, length), T0);
          // Heart rate without RR intervals still decodes when cut between RR values.
          if (decoder.stats.dropped === 0) expect(profile.protocol).toBe('ble-heart-rate');
          else expect(events).toEqual([expect.objectContaining({ kind: 'frame-error' })]);
        }),
        { numRuns: RUNS },
      );
    });

    it('bit flips', () => {
      fc.assert(
        fc.property(fc.array(fc.nat({ max: valid.length * 8 - 1 }), { minLength: 1, maxLength: 4 }), (bits) =>
          expectAccounted(profile, [
            mutate((b) => {
              for (const bit of bits) b[bit >> 3] ^= 1 << (bit & 7);
              return b;
            }),
          ]),
        ),
        { numRuns: RUNS },
      );
    });

    it('garbage between valid values loses nothing else', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 3 }),
          fc.uint8Array({ minLength: 25, maxLength: 40 }),
          (a, b) => {
            expectAccounted(profile, [valid, a, b, valid]);
            const decoder = profile.createDecoder('d@x');
            for (const value of [valid, a, b, valid]) decoder.push(value, T0);
            expect(decoder.stats.frames).toBeGreaterThanOrEqual(2);
          },
        ),
        { numRuns: RUNS },
      );
    });
  },
);
