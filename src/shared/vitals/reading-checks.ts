import { STATUS_FLAGS, type Reading } from '../domain/readings';
import { LIMITS, MAX_TIME_MS, MIN_TIME_MS } from './wire-format';

/**
 * What the encoder checks before it spends a byte on a reading: the bounds the wire format (and
 * the reading schema) can carry. The station's readings pass; anything else is left out and counted
 * rather than sent in a form the receiver would refuse.
 */

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export const FLAG_INDEX: ReadonlyMap<string, number> = new Map(STATUS_FLAGS.map((flag, i) => [flag, i]));

/** Epoch ms of a canonical ISO time, or NaN. */
export function timeOf(iso: string): number {
  if (!ISO_TIME.test(iso)) return Number.NaN;
  const ms = Date.parse(iso);
  return ms >= MIN_TIME_MS && ms <= MAX_TIME_MS ? ms : Number.NaN;
}

function isText(text: string, maxChars: number): boolean {
  return text.length > 0 && text.length <= maxChars;
}

/** Why a reading cannot be encoded, or null when it can. */
export function unencodableReason(reading: Reading): string | null {
  if (!isText(reading.device, LIMITS.deviceChars)) return 'device id length';
  if (reading.type === 'status') {
    if (!Number.isFinite(timeOf(reading.time))) return 'time';
    if (reading.flags.length > STATUS_FLAGS.length) return 'too many flags';
    return reading.flags.every((flag) => FLAG_INDEX.has(flag)) ? null : 'unknown flag';
  }
  if (!isText(reading.unit, LIMITS.unitChars)) return 'unit length';
  if (!isText(reading.metric, LIMITS.metricChars)) return 'metric length';
  if (reading.type === 'numeric') {
    if (!Number.isFinite(timeOf(reading.time))) return 'time';
    return reading.value === null || Number.isFinite(reading.value) ? null : 'value not finite';
  }
  if (!Number.isFinite(timeOf(reading.start))) return 'start time';
  if (!(reading.rateHz > 0 && reading.rateHz <= LIMITS.rateHz)) return 'rate';
  if (reading.samples.length > LIMITS.samplesPerWaveform) return 'too many samples';
  for (const sample of reading.samples)
    if (sample !== null && !Number.isFinite(sample)) return 'sample not finite';
  return null;
}

/** An upper bound on a reading's encoded size, to decide whether it still fits in the batch. */
export function maxEncodedBytes(reading: Reading): number {
  return reading.type === 'waveform' ? 32 + 9 * reading.samples.length : 48;
}
