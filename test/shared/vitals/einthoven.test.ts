import fc from 'fast-check';
import type { Reading, WaveformReading } from '../../../src/shared/domain/readings';
import { ByteWriter } from '../../../src/shared/vitals/bytes';
import { decodeMessage } from '../../../src/shared/vitals/codec';
import { crc8 } from '../../../src/shared/vitals/crc8';
import {
  DERIVED,
  MESSAGE_KIND,
  RECORD_TYPE,
  RECORD_TYPES,
  WIRE_VERSION,
} from '../../../src/shared/vitals/wire-format';
import { dictionaryFor, encodeBatch, roundTrip } from './support';

const ECG = 'openbci-cyton@/dev/ttyUSB1';
const T0 = Date.UTC(2026, 11, 6, 8, 0, 0);
const LEADS = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II', 'MDC_ECG_ELEC_POTL_III'] as const;
type Lead = (typeof LEADS)[number];

const lead = (metric: Lead, samples: (number | null)[], startMs = T0, device = ECG): WaveformReading => ({
  type: 'waveform',
  device,
  metric,
  unit: 'mV',
  rateHz: 250,
  start: new Date(startMs).toISOString(),
  samples,
});

/** 20 ms readings of leads I, II, III as the Cyton's driver gives them: 0.1 µV steps, noise of ±15 µV. */
function cytonLike(runs: number, offsetSteps: (k: number) => number): Reading[] {
  let seed = 7;
  const noise = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % 301) - 150;
  const readings: Reading[] = [];
  for (let run = 0; run < runs; run++) {
    const i = Array.from({ length: 5 }, () => noise());
    const ii = Array.from({ length: 5 }, () => noise() + 2000);
    const iii = ii.map((v, k) => v - i[k] + offsetSteps(run * 5 + k));
    const startMs = T0 + run * 20;
    for (const [metric, steps] of [
      [LEADS[0], i],
      [LEADS[1], ii],
      [LEADS[2], iii],
    ] as const)
      readings.push(
        lead(
          metric,
          steps.map((s) => s / 10_000),
          startMs,
        ),
      );
  }
  return readings;
}

describe('vitals codec: lead III from leads I and II (Einthoven)', () => {
  it('sends III as its difference from II − I: exact, about a byte a sample, with on-time continuations', () => {
    const exact = cytonLike(5, () => 0);
    const rounded = cytonLike(5, (n) => (n % 3) - 1);
    expect(roundTrip(exact)).toEqual(exact);
    expect(roundTrip(rounded)).toEqual(rounded);
    // The same readings with III from another device (nothing to derive it from) cost more.
    const apart = rounded.map((r) =>
      r.type === 'waveform' && r.metric === LEADS[2] ? { ...r, device: 'other' } : r,
    );
    const derivedBytes = encodeBatch(rounded).batch.length;
    const apartBytes = encodeBatch(apart).batch.length;
    expect(apartBytes - derivedBytes).toBeGreaterThan(25 * 0.5);
    // 75 samples, Rice-coded: I and II ~10 bits each, III ~2; a one-byte head for each on-time
    // continuation, ~6 bytes for each lead's first record and ~10 for the batch's header (114 here).
    expect(derivedBytes).toBeLessThan((50 * 10 + 25 * 2) / 8 + 12 * 1.5 + 3 * 6 + 10);
  });

  it('falls back to III on its own when I or II is missing, shorter, later, null or in other steps', () => {
    const cases: Reading[][] = [
      [lead(LEADS[0], [0.001, 0.002]), lead(LEADS[2], [0.003, 0.004])],
      [lead(LEADS[0], [0.001, 0.002]), lead(LEADS[1], [0.003]), lead(LEADS[2], [0.003, 0.004])],
      [lead(LEADS[0], [0.001]), lead(LEADS[1], [0.003], T0 + 4), lead(LEADS[2], [0.002])],
      [lead(LEADS[0], [0.001, null]), lead(LEADS[1], [0.003, 0.004]), lead(LEADS[2], [0.002, 0.004])],
      [lead(LEADS[0], [0.001, 0.002]), lead(LEADS[1], [0.003, 0.004]), lead(LEADS[2], [0.002, null])],
      [lead(LEADS[0], [0.5, 1]), lead(LEADS[1], [0.25, 1]), lead(LEADS[2], [0.00001, Math.PI])],
      [lead(LEADS[2], [0.1, 0.2]), lead(LEADS[0], [0.001, 0.002]), lead(LEADS[1], [0.003, 0.004])],
    ];
    for (const readings of cases) expect(roundTrip(readings)).toEqual(readings);
  });

  it('any mix of leads, starts, lengths and values round-trips exactly', () => {
    const value = fc.oneof(
      fc.integer({ min: -30_000, max: 30_000 }).map((n) => n / 10_000),
      fc.integer({ min: -3000, max: 3000 }).map((n) => n / 1000),
      fc.constant(null),
    );
    const reading = fc.record({
      metric: fc.constantFrom(...LEADS),
      startStep: fc.integer({ min: 0, max: 3 }),
      samples: fc.array(value, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 15 }), (specs) => {
        const readings = specs.map((s) => lead(s.metric, s.samples, T0 + s.startStep * 20));
        expect(roundTrip(readings)).toEqual(readings);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses derived samples that no leads I and II of the same samples in the batch back', () => {
    const readings = [lead(LEADS[0], [0.001]), lead(LEADS[1], [0.002, 0.003]), lead(LEADS[2], [0.001])];
    const dictionary = dictionaryFor(readings);
    const batch = (records: (w: ByteWriter) => void, count: number): Uint8Array => {
      const w = new ByteWriter();
      w.u8((WIRE_VERSION << 4) | MESSAGE_KIND.batch);
      w.varuint(0);
      w.varint(T0 - dictionary.epochMs);
      w.varuint(count);
      records(w);
      w.u8(crc8(w.toBytes()));
      return w.toBytes();
    };
    const record = (w: ByteWriter, series: number, encoding: number, symbols: number[]): void => {
      w.varuint(series * RECORD_TYPES + RECORD_TYPE.waveform);
      w.varint(0);
      w.u8(encoding);
      w.varuint(symbols.length);
      for (const s of symbols) w.varuint(s);
    };
    // III derived with only I before it; with I and II of other lengths; I derived; III in other steps.
    const bad = [
      batch((w) => (record(w, 0, 4, [20]), record(w, 2, 4 | DERIVED, [0])), 2),
      batch((w) => (record(w, 0, 4, [20]), record(w, 1, 4, [40, 2]), record(w, 2, 4 | DERIVED, [0])), 3),
      batch((w) => record(w, 0, 4 | DERIVED, [0]), 1),
      batch((w) => (record(w, 0, 4, [20]), record(w, 1, 4, [40]), record(w, 2, 3 | DERIVED, [0])), 3),
      batch((w) => (record(w, 0, 4, [20]), record(w, 1, 4, [40]), record(w, 2, 4 | DERIVED | 0x10, [0])), 3),
      batch((w) => w.varuint(0 * RECORD_TYPES + 5), 1),
    ];
    for (const bytes of bad) expect(decodeMessage(bytes, dictionary)).toMatchObject({ ok: false });
    const good = batch(
      (w) => (record(w, 0, 4, [20]), record(w, 1, 4, [60]), record(w, 2, 4 | DERIVED, [1])),
      3,
    );
    expect(decodeMessage(good, dictionary)).toMatchObject({
      ok: true,
      value: { readings: [{ samples: [0.001] }, { samples: [0.003] }, { samples: [0.0019] }] },
    });
  });
});
