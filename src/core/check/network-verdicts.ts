import { NETWORK_THRESHOLDS, type CheckStatus } from '../../shared/domain/equipment-check';

/**
 * What a measured link allows, from the shared thresholds (issue 7): from 1 Mbit/s full video;
 * from 300 kbit/s reduced video; below, audio and vitals only. Pure, so the CLI, `check.run` and
 * the tests classify the same way.
 */
export type ThroughputVerdict = 'full-video' | 'reduced-video' | 'audio-only';

export function throughputVerdict(kbps: number): { verdict: ThroughputVerdict; status: CheckStatus } {
  if (kbps >= NETWORK_THRESHOLDS.videoFullUploadKbps) return { verdict: 'full-video', status: 'pass' };
  if (kbps >= NETWORK_THRESHOLDS.audioOnlyUploadKbps) return { verdict: 'reduced-video', status: 'warn' };
  // The call still works for the essentials, but a video consultation as planned does not: fail.
  return { verdict: 'audio-only', status: 'fail' };
}

export type LatencyVerdict = 'good' | 'high-jitter' | 'slow' | 'very-slow';

export function latencyVerdict(
  rttMs: number,
  jitterMs: number,
): { verdict: LatencyVerdict; status: CheckStatus } {
  if (rttMs >= NETWORK_THRESHOLDS.failRttMs) return { verdict: 'very-slow', status: 'fail' };
  if (rttMs >= NETWORK_THRESHOLDS.warnRttMs) return { verdict: 'slow', status: 'warn' };
  if (jitterMs >= NETWORK_THRESHOLDS.warnJitterMs) return { verdict: 'high-jitter', status: 'warn' };
  return { verdict: 'good', status: 'pass' };
}

/** The advice for a weak link, whatever its cause (issue 7's "4G advice"). */
export const WEAK_LINK_ADVICE =
  'Use a wired connection if you can. On 4G/5G, place the router near a window or high up, away from metal cabinets, and keep other devices off the connection during the consultation.';

/**
 * Round trip as the median of the samples, jitter as the median difference between consecutive
 * samples (RFC 3550's |D|, taken as a median rather than a running mean): one stall of the
 * measuring machine itself (a GC pause, a busy CPU) must not read as an unsteady network, while a
 * link that wobbles on most pings still does. The worst sample is kept apart.
 */
export function summarizeRtt(samplesMs: readonly number[]): {
  rttMs: number;
  jitterMs: number;
  maxRttMs: number;
} {
  if (samplesMs.length === 0) return { rttMs: Number.NaN, jitterMs: Number.NaN, maxRttMs: Number.NaN };
  const differences: number[] = [];
  for (let i = 1; i < samplesMs.length; i += 1)
    differences.push(Math.abs((samplesMs[i] ?? 0) - (samplesMs[i - 1] ?? 0)));
  return {
    rttMs: round1(median(samplesMs)),
    jitterMs: differences.length === 0 ? 0 : round1(median(differences)),
    maxRttMs: round1(Math.max(...samplesMs)),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
