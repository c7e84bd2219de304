import { outboundLossPct } from '../../../../src/renderer/features/call/quality/outbound-loss';
import type { StatsRecord, StatsSample } from '../../../../src/renderer/features/call/quality/stats-summary';

const sample = (records: StatsRecord[]): StatsSample => new Map(records.map((r) => [r.id, r]));

const outbound = (id: string, packetsSent: number): StatsRecord => ({
  id,
  type: 'outbound-rtp',
  packetsSent,
});
const report = (id: string, localId: string, fractionLost: number, reportsReceived: number): StatsRecord => ({
  id,
  type: 'remote-inbound-rtp',
  localId,
  fractionLost,
  reportsReceived,
});

describe('loss on what this side sends', () => {
  it('weights each stream’s reported fraction by the packets it sent', () => {
    const before = sample([
      outbound('a', 0),
      outbound('v', 0),
      report('ra', 'a', 0, 1),
      report('rv', 'v', 0, 1),
    ]);
    const now = sample([
      outbound('a', 50),
      outbound('v', 150),
      report('ra', 'a', 0.02, 2),
      report('rv', 'v', 0.3, 2),
    ]);
    expect(outboundLossPct(now, before)).toBeCloseTo((100 * (0.02 * 50 + 0.3 * 150)) / 200);
  });

  it('a report that did not change since the last sample says nothing', () => {
    const before = sample([outbound('a', 0), report('ra', 'a', 0.5, 3)]);
    const now = sample([outbound('a', 50), report('ra', 'a', 0.5, 3)]);
    expect(outboundLossPct(now, before)).toBeNull();
  });

  it('no packets sent is not 0 % loss', () => {
    const before = sample([outbound('a', 100), report('ra', 'a', 0, 1)]);
    const now = sample([outbound('a', 100), report('ra', 'a', 0, 2)]);
    expect(outboundLossPct(now, before)).toBeNull();
    expect(outboundLossPct(new Map(), null)).toBeNull();
  });

  it('the loss on what we receive (inbound-rtp) does not count', () => {
    const now = sample([
      outbound('a', 50),
      report('ra', 'a', 0, 1),
      { id: 'in', type: 'inbound-rtp', packetsLost: 40, packetsReceived: 60 },
    ]);
    expect(outboundLossPct(now, null)).toBe(0);
  });

  it('without reportsReceived, a new report is one with a new timestamp', () => {
    const before = sample([
      outbound('a', 0),
      { id: 'ra', type: 'remote-inbound-rtp', localId: 'a', fractionLost: 0.1, timestamp: 1 },
    ]);
    const same = sample([
      outbound('a', 50),
      { id: 'ra', type: 'remote-inbound-rtp', localId: 'a', fractionLost: 0.1, timestamp: 1 },
    ]);
    const fresh = sample([
      outbound('a', 50),
      { id: 'ra', type: 'remote-inbound-rtp', localId: 'a', fractionLost: 0.1, timestamp: 2 },
    ]);
    expect(outboundLossPct(same, before)).toBeNull();
    expect(outboundLossPct(fresh, before)).toBeCloseTo(10);
  });
});
