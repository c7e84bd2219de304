import { LinkWatch } from '../../../../src/renderer/features/call/link-watch';
import { inboundBytes, receivedNothing } from '../../../../src/renderer/features/call/quality/link-activity';
import type { StatsRecord, StatsSample } from '../../../../src/renderer/features/call/quality/stats-summary';
import { DEFAULT_RECONNECT_TIMING } from '../../../../src/renderer/features/call/reconnect-timing';
import { ManualClock } from './manual-clock';

const TIMING = DEFAULT_RECONNECT_TIMING;

function sample(...records: Record<string, unknown>[]): StatsSample {
  return new Map(records.map((record) => [String(record['id']), record as StatsRecord]));
}

describe('what a stats sample says about the link', () => {
  it('counts every byte the ICE transport received', () => {
    expect(inboundBytes(sample({ id: 'T1', type: 'transport', bytesReceived: 1200 }))).toBe(1200);
    // No transport figures (an older browser): the nominated pair's.
    expect(
      inboundBytes(
        sample(
          { id: 'P1', type: 'candidate-pair', nominated: true, bytesReceived: 800 },
          { id: 'P2', type: 'candidate-pair', nominated: false, bytesReceived: 99 },
        ),
      ),
    ).toBe(800);
    expect(inboundBytes(sample({ id: 'I', type: 'inbound-rtp', packetsReceived: 3 }))).toBeNull();
  });

  it('calls a sample in which nothing arrived "nothing received", never a good link', () => {
    const before = sample({ id: 'T1', type: 'transport', bytesReceived: 5000 });
    expect(receivedNothing(sample({ id: 'T1', type: 'transport', bytesReceived: 5000 }), before)).toBe(true);
    expect(receivedNothing(sample({ id: 'T1', type: 'transport', bytesReceived: 5400 }), before)).toBe(false);
    expect(receivedNothing(before, null)).toBe(false);
  });
});

describe('LinkWatch', () => {
  function watch(bytes: () => number | null) {
    const clock = new ManualClock();
    const changes: [boolean, number][] = [];
    const link = new LinkWatch(
      () => Promise.resolve(bytes()),
      (silent) => changes.push([silent, clock.now()]),
      TIMING,
      clock,
    );
    link.start();
    return { clock, changes, link };
  }

  it('says "silent" within linkSilentMs plus one sample of the last byte, and "flowing" when bytes come back', async () => {
    let received = 0;
    let flowing = true;
    const { clock, changes } = watch(() => (flowing ? (received += 700) : received));
    await clock.advance(5000);
    expect(changes).toEqual([]);
    flowing = false;
    const cutAt = clock.now();
    await clock.advance(3000);
    expect(changes).toHaveLength(1);
    const [silent, at] = changes[0];
    expect(silent).toBe(true);
    expect(at - cutAt).toBeLessThanOrEqual(TIMING.linkSilentMs + TIMING.linkSampleMs);
    flowing = true;
    await clock.advance(TIMING.linkSampleMs);
    expect(changes.at(-1)?.[0]).toBe(false);
  });

  it('concludes nothing from samples without figures, and stops when told', async () => {
    const { clock, changes, link } = watch(() => null);
    await clock.advance(10_000);
    expect(changes).toEqual([]);
    link.stop();
    expect(link.isSilent).toBe(false);
  });
});
