import { z } from 'zod';
import { METRIC_IDS } from './metrics';

/**
 * Readings: the canonical shape every device reading takes on its way from a decoder to a screen,
 * the recorder and the consultant (design §3). Times are ISO 8601 UTC strings with milliseconds.
 * A value the device marks invalid or missing is `null`, never a number.
 */

/** Conditions a device reports about itself or its sensor; a status reading lists those active now. */
export const STATUS_FLAGS = [
  'probe-off',
  'probe-error',
  'searching',
  'searching-too-long',
  'low-spo2',
  'pulse-beep',
  'low-perfusion',
  'artifact',
  'lead-off',
  'low-battery',
  'alarm',
  // Nonin status bits (reference/device-protocols.md §3.1, §3.3): OOT "out of track", MPRF / yellow perfusion.
  'out-of-track',
  'marginal-perfusion',
  // ASCII-line oximeters (device-protocols.md §4): Masimo EXC 001 "no sensor" / Nellcor SD "sensor
  // disconnect"; Masimo EXC 400 "low signal IQ"; Nellcor LP "loss of pulse".
  'sensor-disconnected',
  'low-signal-quality',
  'pulse-lost',
  // Bluetooth LE health profiles (device-protocols.md §9): Blood Pressure Measurement status bits
  // (body movement, cuff too loose, irregular pulse, pulse rate out of range, improper position),
  // Intermediate Cuff Pressure = a measurement in progress; PLX status: equipment malfunction,
  // measurement questionable, demo/testing/calibration data (not from the patient).
  'body-movement',
  'cuff-loose',
  'irregular-pulse',
  'pulse-out-of-range',
  'improper-position',
  'measuring',
  'device-malfunction',
  'questionable',
  'test-data',
] as const;
export type StatusFlag = (typeof STATUS_FLAGS)[number];

const isoTime = z.iso.datetime({ offset: false, precision: 3 });
const deviceId = z.string().min(1).max(200);
const metricId = z.enum(METRIC_IDS);

export const numericReadingSchema = z.strictObject({
  type: z.literal('numeric'),
  device: deviceId,
  metric: metricId,
  value: z.number().finite().nullable(),
  unit: z.string().min(1).max(20),
  time: isoTime,
});

export const waveformReadingSchema = z.strictObject({
  type: z.literal('waveform'),
  device: deviceId,
  metric: metricId,
  unit: z.string().min(1).max(20),
  rateHz: z.number().positive().max(100_000),
  start: isoTime,
  /** Samples in device units scaled to `unit`; `null` marks a sample the device flagged invalid. */
  samples: z.array(z.number().finite().nullable()).max(100_000),
});

export const statusReadingSchema = z.strictObject({
  type: z.literal('status'),
  device: deviceId,
  flags: z.array(z.enum(STATUS_FLAGS)).max(STATUS_FLAGS.length),
  time: isoTime,
});

export const readingSchema = z.discriminatedUnion('type', [
  numericReadingSchema,
  waveformReadingSchema,
  statusReadingSchema,
]);

export type NumericReading = z.infer<typeof numericReadingSchema>;
export type WaveformReading = z.infer<typeof waveformReadingSchema>;
export type StatusReading = z.infer<typeof statusReadingSchema>;
export type Reading = z.infer<typeof readingSchema>;

/** Readings that left the backend together, numbered so a consumer can see a gap or a duplicate. */
export const readingBatchSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  readings: z.array(readingSchema),
});
export type ReadingBatch = z.infer<typeof readingBatchSchema>;

/** ISO 8601 UTC with milliseconds, the one time format of the contract. */
export function isoTimeOf(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
