import fc from 'fast-check';
import { METRIC_IDS } from '../../../src/shared/domain/metrics';
import { STATUS_FLAGS, isoTimeOf, type Reading } from '../../../src/shared/domain/readings';
import { BatchWriter } from '../../../src/shared/vitals/batch-writer';
import { decodeMessage, encodeDictMessages } from '../../../src/shared/vitals/codec';
import { DecoderDictionary } from '../../../src/shared/vitals/decoder-dictionary';
import { EncoderDictionary } from '../../../src/shared/vitals/encoder-dictionary';
import type { BatchMessage } from '../../../src/shared/vitals/messages';
import { MAX_TIME_MS, MIN_TIME_MS } from '../../../src/shared/vitals/wire-format';

export const EPOCH_MS = Date.UTC(2026, 10, 25, 16, 0, 0);

/** Encodes readings as one batch and decodes it with a fresh receiver-side dictionary. */
export function encodeBatch(
  readings: readonly Reading[],
  seq = 0,
): { messages: Uint8Array[]; batch: Uint8Array } {
  const dictionary = new EncoderDictionary();
  const writer = new BatchWriter(dictionary);
  for (const reading of readings) {
    const reason = writer.append(reading);
    if (reason !== null) throw new Error(`cannot encode ${JSON.stringify(reading)}: ${reason}`);
  }
  const batch = writer.finish(seq, EPOCH_MS);
  return { messages: encodeDictMessages(dictionary.takeNew()), batch };
}

export function decodeWith(messages: readonly Uint8Array[], batch: Uint8Array): BatchMessage {
  const dictionary = new DecoderDictionary('test', EPOCH_MS);
  for (const message of messages) {
    const decoded = decodeMessage(message, null);
    if (!decoded.ok || decoded.value.kind !== 'dict') throw new Error('dict did not decode');
    dictionary.apply(decoded.value.entries);
  }
  const decoded = decodeMessage(batch, dictionary);
  if (!decoded.ok) throw new Error(decoded.error.message);
  if (decoded.value.kind !== 'batch') throw new Error(`decoded a ${decoded.value.kind}`);
  return decoded.value;
}

export function roundTrip(readings: readonly Reading[]): Reading[] {
  const { messages, batch } = encodeBatch(readings);
  return decodeWith(messages, batch).readings;
}

/** A dictionary as a receiver holds it after the `dict` messages of `readings`. */
export function dictionaryFor(readings: readonly Reading[]): DecoderDictionary {
  const dictionary = new DecoderDictionary('test', EPOCH_MS);
  for (const message of encodeBatch(readings).messages) {
    const decoded = decodeMessage(message, null);
    if (decoded.ok && decoded.value.kind === 'dict') dictionary.apply(decoded.value.entries);
  }
  return dictionary;
}

// ---- fast-check arbitraries of schema-valid readings ----

const deviceArb = fc.oneof(
  fc.constantFrom('contec-cms50-v7@/dev/ttyUSB0', 'openbci-cyton@COM3', 'nonin-df7@/dev/ttyACM0'),
  fc
    .string({ minLength: 1, maxLength: 200, unit: 'grapheme' })
    .filter((s) => s.length >= 1 && s.length <= 200),
);
const unitArb = fc.oneof(
  fc.constantFrom('%', '/min', 'mV', '1', 'Cel', 'mm[Hg]'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const timeArb = fc
  .oneof(
    fc.integer({ min: EPOCH_MS - 86_400_000, max: EPOCH_MS + 86_400_000 }),
    fc.integer({ min: MIN_TIME_MS, max: MAX_TIME_MS }),
  )
  .map(isoTimeOf);

/** Finite numbers of every shape: integers, decimals (mV with 1–4 decimals), any double. */
export const valueArb = fc
  .oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.integer({ min: -3_000_000, max: 3_000_000 }).map((n) => n / 1000),
    fc.integer({ min: -30_000_000, max: 30_000_000 }).map((n) => n / 10_000),
    fc.maxSafeInteger(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  )
  .map((v) => (Object.is(v, -0) ? 0 : v));

const sampleArb = fc.option(valueArb, { freq: 10 });

export const readingArb: fc.Arbitrary<Reading> = fc.oneof(
  fc.record({
    type: fc.constant('numeric' as const),
    device: deviceArb,
    metric: fc.constantFrom(...METRIC_IDS),
    value: fc.option(valueArb, { freq: 5 }),
    unit: unitArb,
    time: timeArb,
  }),
  fc.record({
    type: fc.constant('waveform' as const),
    device: deviceArb,
    metric: fc.constantFrom(...METRIC_IDS),
    unit: unitArb,
    rateHz: fc.oneof(
      fc.constantFrom(60, 75, 250, 500, 0.5, 62.5),
      fc.double({ min: 1e-3, max: 100_000, noNaN: true }),
    ),
    start: timeArb,
    samples: fc.oneof(
      fc.array(sampleArb, { maxLength: 40 }),
      fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 40 }),
    ),
  }),
  fc.record({
    type: fc.constant('status' as const),
    device: deviceArb,
    flags: fc.oneof(
      fc.subarray([...STATUS_FLAGS]),
      fc.array(fc.constantFrom(...STATUS_FLAGS), { maxLength: STATUS_FLAGS.length }),
    ),
    time: timeArb,
  }),
);

/** Readings of one station: a few devices, like real batches (so series and continuations repeat). */
export const batchArb = fc.array(readingArb, { minLength: 1, maxLength: 12 });
