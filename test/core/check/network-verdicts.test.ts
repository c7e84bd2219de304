import { latencyVerdict, summarizeRtt, throughputVerdict } from '../../../src/core/check/network-verdicts';
import { NETWORK_THRESHOLDS } from '../../../src/shared/domain/equipment-check';

describe('network thresholds', () => {
  it.each([
    [20_000, 'full-video', 'pass'],
    [NETWORK_THRESHOLDS.videoFullUploadKbps, 'full-video', 'pass'],
    [999, 'reduced-video', 'warn'],
    [NETWORK_THRESHOLDS.audioOnlyUploadKbps, 'reduced-video', 'warn'],
    [299, 'audio-only', 'fail'],
    [0, 'audio-only', 'fail'],
  ])('%i kbit/s → %s (%s)', (kbps, verdict, status) => {
    expect(throughputVerdict(kbps)).toEqual({ verdict, status });
  });

  it.each([
    [12, 1, 'good', 'pass'],
    [12, 40, 'high-jitter', 'warn'],
    [150, 1, 'slow', 'warn'],
    [400, 1, 'very-slow', 'fail'],
  ])('RTT %i ms, jitter %i ms → %s', (rtt, jitter, verdict, status) => {
    expect(latencyVerdict(rtt, jitter)).toEqual({ verdict, status });
  });

  it('summarises pings as the median and the median consecutive difference, worst kept apart', () => {
    expect(summarizeRtt([10, 30, 20, 20])).toEqual({ rttMs: 20, jitterMs: 10, maxRttMs: 30 });
    expect(summarizeRtt([5])).toEqual({ rttMs: 5, jitterMs: 0, maxRttMs: 5 });
    // One stall of the machine itself is not a jittery link…
    expect(summarizeRtt([2, 2, 3, 2, 300, 2, 3, 2, 2, 2]).jitterMs).toBeLessThan(2);
    // …a link that wobbles on every ping is.
    expect(summarizeRtt([5, 60, 5, 70, 5, 65, 5, 60, 5, 70]).jitterMs).toBeGreaterThan(30);
  });
});
