import type { StatsSample } from './stats-summary';

/**
 * Everything the peer connection has received so far, in bytes: media, RTCP feedback and the data
 * channels all cross the ICE transport. A link that still carries anything moves this counter many
 * times a second (audio alone is 50 packets/s, and the receiver's congestion feedback flows back to
 * every sender), so a sample in which it stood still is an interrupted link, never a "good" one
 * with 0 kbit/s. Null when the sample has no transport figures (then nothing is concluded).
 */
export function inboundBytes(sample: StatsSample): number | null {
  let total: number | null = null;
  for (const record of sample.values()) {
    if (record.type !== 'transport') continue;
    const bytes = record['bytesReceived'];
    if (typeof bytes === 'number' && Number.isFinite(bytes)) total = (total ?? 0) + bytes;
  }
  if (total !== null) return total;
  for (const record of sample.values()) {
    if (record.type !== 'candidate-pair' || record['nominated'] !== true) continue;
    const bytes = record['bytesReceived'];
    if (typeof bytes === 'number' && Number.isFinite(bytes)) total = (total ?? 0) + bytes;
  }
  return total;
}

/** Whether nothing arrived between two samples of the same connection. */
export function receivedNothing(now: StatsSample, before: StatsSample | null): boolean {
  if (before === null) return false;
  const current = inboundBytes(now);
  const previous = inboundBytes(before);
  return current !== null && previous !== null && current <= previous;
}
