import {
  summarizeStats,
  type StatsRecord,
} from '../../../../src/renderer/features/call/quality/stats-summary';

const sample = (records: StatsRecord[]): Map<string, StatsRecord> => new Map(records.map((r) => [r.id, r]));

const base = (
  t: number,
  lost: number,
  received: number,
  stethLost: number,
  stethReceived: number,
): StatsRecord[] => [
  { id: 'T', type: 'transport', selectedCandidatePairId: 'P' },
  {
    id: 'P',
    type: 'candidate-pair',
    currentRoundTripTime: 0.04,
    availableOutgoingBitrate: 900_000,
    localCandidateId: 'L',
    remoteCandidateId: 'R',
  },
  { id: 'L', type: 'local-candidate', candidateType: 'relay' },
  { id: 'R', type: 'remote-candidate', candidateType: 'host' },
  {
    id: 'V',
    type: 'inbound-rtp',
    kind: 'video',
    timestamp: t,
    packetsLost: lost,
    packetsReceived: received,
    bytesReceived: received * 1000,
    frameWidth: 640,
    frameHeight: 480,
    framesPerSecond: 30,
    jitter: 0.004,
  },
  {
    id: 'S',
    type: 'inbound-rtp',
    kind: 'audio',
    trackIdentifier: 'steth',
    timestamp: t,
    packetsLost: stethLost,
    packetsReceived: stethReceived,
    bytesReceived: stethReceived * 100,
    jitter: 0.01,
  },
];

describe('call quality from getStats', () => {
  it('computes loss over the interval, RTT, resolution and the relayed path', () => {
    const before = sample(base(0, 10, 1000, 0, 100));
    const now = sample(base(2000, 10, 1980, 5, 195)); // no new video loss; 5 of 100 stethoscope packets lost
    const summary = summarizeStats(now, before, new Set(['steth']));
    expect(summary.rttMs).toBeCloseTo(40);
    expect(summary.relayed).toBe(true);
    expect(summary.video).toEqual({ width: 640, height: 480, fps: 30 });
    expect(summary.availableOutgoingKbps).toBe(900);
    expect(summary.grade).toBe('good'); // 5 lost of ~1080 packets overall
    // 5 % loss is fine for a call but not for lung sounds: the stethoscope badge is stricter.
    expect(summary.stethoscope?.lossPct).toBeCloseTo(5);
    expect(summary.stethoscope?.grade).toBe('fair');
  });

  it("grades the station's outgoing stethoscope from the consultant's receiver reports", () => {
    const now = sample([
      { id: 'M', type: 'media-source', trackIdentifier: 'mic-steth' },
      { id: 'O', type: 'outbound-rtp', kind: 'audio', mediaSourceId: 'M' },
      { id: 'RI', type: 'remote-inbound-rtp', localId: 'O', fractionLost: 0.01, jitter: 0.005 },
    ]);
    expect(summarizeStats(now, null, new Set(['mic-steth'])).stethoscope).toEqual({
      lossPct: 1,
      jitterMs: 5,
      grade: 'good',
    });
  });

  it('has no stethoscope badge when there is no stethoscope stream, and no path before selection', () => {
    const summary = summarizeStats(new Map(), null);
    expect(summary.stethoscope).toBeNull();
    expect(summary.relayed).toBeNull();
    expect(summary.lossPct).toBeNull();
  });
});
