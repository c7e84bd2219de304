import { BeurerBm58Decoder } from '../../../src/devices/beurer-bm58/decoder';
import { encodeRecord } from '../../../src/devices/beurer-bm58/device-encoder';
import type { StoredMeasurement } from '../../../src/devices/beurer-bm58/frames';
import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import type { NumericReading } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';

/** Test helpers: a hand-built download and decoding shortcuts. */

export const DEVICE = 'beurer-bm58@/dev/ttyUSB0';
export const measurement = (i: number): StoredMeasurement => ({
  systolic: 120 + i,
  diastolic: 80 - i,
  pulse: 60 + i,
  year: 2026,
  month: 11,
  day: 1 + i,
  hour: 8,
  minute: 15,
});
/** A download as the device sends it: 55, count, then records (one empty slot as A9). */
export const DOWNLOAD = concatBytes([
  hexToBytes('55 04'),
  encodeRecord(measurement(0)),
  hexToBytes('A9'),
  encodeRecord(measurement(2)),
  encodeRecord(measurement(1)),
]);

/** A download of these slots (null = an empty slot), with the handshake and the count. */
export const downloadOf = (slots: readonly (StoredMeasurement | null)[]): Uint8Array =>
  concatBytes([
    Uint8Array.of(0x55, slots.length),
    ...slots.map((m) => (m ? encodeRecord(m) : Uint8Array.of(0xa9))),
  ]);

/** The times of the records a decoder downloaded, new or not: proves it decoded them. */
export const recordTimesOf = (events: readonly DecodeEvent[]): string[] =>
  events.flatMap((e) =>
    e.kind === 'device-info' && (e.key === 'bp-record-downloaded' || e.key === 'bp-record-duplicate')
      ? [e.value]
      : [],
  );

export const decodeAll = (
  chunks: readonly Uint8Array[],
  decoder = new BeurerBm58Decoder(DEVICE),
): DecodeEvent[] => chunks.flatMap((c) => decoder.push(c, 0));
export const bpOf = (events: readonly DecodeEvent[]) =>
  (readingsOf(events) as NumericReading[]).map((r) => `${r.time} ${r.metric} ${r.value}`);
