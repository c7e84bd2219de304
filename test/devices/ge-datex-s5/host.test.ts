import { createGeDatexS5Driver, geDatexS5 } from '../../../src/devices/ge-datex-s5';
import { readTransmissionRequest, requestDisplayedValues } from '../../../src/devices/ge-datex-s5/commands';
import { FlagFramer } from '../../../src/devices/ge-datex-s5/flag-framer';
import { GeDatexS5Simulator } from '../../../src/devices/ge-datex-s5/simulator';
import { readingsOf } from '../support';
import { runConversation } from '../beurer-bm58/conversation';

/** The requests in a host write. */
function requestsIn(bytes: Uint8Array) {
  const found: unknown[] = [];
  new FlagFramer().feed(bytes, {
    frame: (b, n) => found.push(readTransmissionRequest(b, n - 1)),
    malformed: () => found.push('malformed'),
  });
  return found;
}

describe('GeDatexS5Simulator', () => {
  it('is silent until asked, then sends a record at once and one per interval; interval 0 stops it', () => {
    const sim = new GeDatexS5Simulator({ seed: 3 });
    expect(sim.tick(10_000).bytes.length).toBe(0);
    const first = sim.receive(requestDisplayedValues(5), 10_000);
    expect(first.frames).toHaveLength(1);
    expect(sim.tick(14_900).frames).toHaveLength(0);
    expect(sim.tick(15_000).frames).toHaveLength(1);
    expect(sim.tick(30_000).frames).toHaveLength(3);
    expect(sim.receive(geDatexS5.host.onClose[0], 30_000).bytes.length).toBe(0);
    expect(sim.tick(60_000).bytes.length).toBe(0);
    expect(sim.isStreaming).toBe(false);
  });
  it('holds each cuff result in every record; its options set when the first comes and how often', () => {
    const sim = new GeDatexS5Simulator({ seed: 5, autoStart: true, nibpFirstRecord: 0, nibpEveryRecords: 3 });
    const frames = [...sim.tick(0).frames, ...sim.tick(30_000).frames];
    expect(frames).toHaveLength(7);
    // The result is in the first record, then new ones at records 3 and 6: only those list NIBP.
    expect(frames.map((f) => 'MDC_PRESS_BLD_NONINV_SYS' in f)).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(frames[0].MDC_PRESS_BLD_NONINV_SYS).toEqual(expect.any(Number));
  });
  it('ignores a request with a bad checksum', () => {
    const sim = new GeDatexS5Simulator();
    const request = requestDisplayedValues(5);
    request[request.length - 2] ^= 0x01;
    expect(sim.receive(request, 0).bytes.length).toBe(0);
  });
  it('streams without a request with autoStart, and is deterministic per seed', () => {
    const run = () => {
      const sim = new GeDatexS5Simulator({ seed: 9, autoStart: true });
      const first = sim.tick(0);
      return { first, later: sim.tick(60_000) };
    };
    const a = run();
    const b = run();
    expect(a.first.frames.length + a.later.frames.length).toBe(13);
    expect(a.later.bytes).toEqual(b.later.bytes);
  });
});

describe('GeDatexS5Host', () => {
  it('requests displayed values on open, decodes every record, and stops on close', () => {
    const result = runConversation(geDatexS5, new GeDatexS5Simulator({ seed: 4 }), { untilMs: 60_000 });
    expect(requestsIn(result.writes[0])).toEqual([{ recordType: 1, intervalS: 5, classBits: 0 }]);
    expect(requestsIn(result.writes.at(-1)!)).toEqual([{ recordType: 1, intervalS: 0, classBits: 0 }]);
    expect(result.writes).toHaveLength(2);
    // 13 records of 5 continuous numerics; the NIBP four only when they change: "no result" in the
    // first record, the first cuff result in the twelfth.
    expect(readingsOf(result.events)).toHaveLength(13 * 5 + 2 * 4);
    expect(result.error).toBeUndefined();
  });
  it('asks again after three silent intervals (monitor restarted), and the stream resumes', () => {
    const sim = new GeDatexS5Simulator({ seed: 4 });
    const host = geDatexS5.createHost!();
    sim.receive(host.open(0).writes[0] as Uint8Array, 0);
    // The monitor restarts and forgets the request: it goes quiet.
    sim.receive(geDatexS5.host.onClose[0], 1000);
    host.onEvent({ kind: 'device-info', key: 'dri-level', value: '9' }, 1000);
    expect(host.tick(15_500).writes).toHaveLength(0);
    const again = host.tick(16_000).writes;
    expect(again).toHaveLength(1);
    expect(sim.receive(again[0] as Uint8Array, 16_000).frames).toHaveLength(1);
    expect(host.tick(16_500).writes).toHaveLength(0);
  });
  it('honours a shorter interval for tests', () => {
    const driver = createGeDatexS5Driver({ intervalS: 1 });
    const result = runConversation(driver, new GeDatexS5Simulator(), { untilMs: 3000 });
    expect(readingsOf(result.events)).toHaveLength(4 * 5 + 4);
  });
});
