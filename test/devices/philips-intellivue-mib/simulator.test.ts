import type { DecodeEvent } from '../../../src/devices/driver';
import { bytesToHex } from '../../../src/devices/framing/hex';
import { philipsIntellivueMib } from '../../../src/devices/philips-intellivue-mib';
import {
  associationRequest,
  mdsCreateResult,
  pollNumericsRequest,
  releaseRequest,
} from '../../../src/devices/philips-intellivue-mib/commands';
import { IntellivueDecoder } from '../../../src/devices/philips-intellivue-mib/decoder';
import { IntellivueSimulator } from '../../../src/devices/philips-intellivue-mib/simulator';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { normalize, pushAll } from '../support';
import { flatten } from './fixtures';

const T0 = Date.UTC(2026, 0, 1);
const infoOf = (events: DecodeEvent[]) => normalize(events).info;

describe('IntellivueSimulator', () => {
  it('answers the association request with an accept and the MDS create event', () => {
    const sim = new IntellivueSimulator();
    const out = sim.receive(associationRequest(), T0);
    expect(out.frames).toEqual([{}, {}]);
    expect(infoOf(new IntellivueDecoder('t').push(out.bytes, T0))).toEqual([
      'association=accepted',
      'mds-create-event=1',
    ]);
    expect(sim.isAssociated).toBe(true);
  });

  it('answers polls with the numerics it encoded, and ignores the create result', () => {
    const sim = new IntellivueSimulator({ seed: 5 });
    sim.receive(associationRequest(), T0);
    expect(sim.receive(mdsCreateResult(1), T0 + 10).bytes).toHaveLength(0);
    const out = sim.receive(pollNumericsRequest(7, 3), T0 + 1000);
    expect(out.frames).toHaveLength(1);
    const events = new IntellivueDecoder('t').push(out.bytes, T0 + 1000);
    expect(normalize(events).numerics.map((n) => [n.metric, n.value])).toEqual(flatten(out.frames));
    expect(infoOf(events)).toEqual(['poll-result=7']);
    // The first polls come before the first cuff cycle: no NIBP value yet.
    expect(out.frames[0].MDC_PRESS_BLD_NONINV_SYS).toBeNull();
  });

  it('holds each cuff result and repeats it every poll: 75 s of polls give two BPs, each once, at its time', () => {
    const stream = generateStream(philipsIntellivueMib, 75, { seed: 3, startMs: T0 });
    const readings = normalize(pushAll(philipsIntellivueMib.createDecoder('sim'), stream.chunks)).numerics;
    const systolic = readings.filter((r) => r.metric === 'MDC_PRESS_BLD_NONINV_SYS');
    // "No result" once before the first cycle, then the results of the cycles at polls 8 and 68.
    expect(systolic.map((r) => r.value === null)).toEqual([true, false, false]);
    const [, first, second] = systolic;
    for (const bp of [first, second]) {
      const group = readings.filter((r) => r.time === bp.time && r.metric !== 'MDC_ECG_HEART_RATE');
      expect(group.map((r) => r.metric)).toEqual(
        expect.arrayContaining([
          'MDC_PRESS_BLD_NONINV_SYS',
          'MDC_PRESS_BLD_NONINV_DIA',
          'MDC_PRESS_BLD_NONINV_MEAN',
          'MDC_PULS_RATE_NON_INV',
        ]),
      );
    }
    // Each cuff result is dated 400 ms before the poll that first holds it (its time stamp).
    expect(Date.parse(second.time) - Date.parse(first.time)).toBe(60_000);
    // Every poll a second still carries every continuous numeric.
    expect(readings.filter((r) => r.metric === 'MDC_ECG_HEART_RATE').length).toBeGreaterThanOrEqual(75);
  });

  it('can hold a result from before the session and take a measurement soon after start', () => {
    const sim = new IntellivueSimulator({
      seed: 4,
      autoStart: true,
      heldNibp: { systolic: 142, diastolic: 91, mean: 108, pulse: 77, measuredAgoS: 13 * 24 * 3600 },
      nibpFirstPoll: 2,
      nibpEveryPolls: 300,
    });
    const decoder = philipsIntellivueMib.createDecoder('sim');
    const systolic = [0, 1, 2, 3, 4].flatMap((i) => {
      const out = sim.receive(pollNumericsRequest(i + 1, i + 1), T0 + i * 1000);
      return normalize(decoder.push(out.bytes, T0 + i * 1000)).numerics.filter(
        (r) => r.metric === 'MDC_PRESS_BLD_NONINV_SYS',
      );
    });
    expect(systolic.map((r) => [r.value, r.time])).toEqual([
      [142, new Date(T0 - 13 * 24 * 3600_000).toISOString()],
      [expect.any(Number), new Date(T0 + 2000 - 400).toISOString()],
    ]);
  });

  it('takes requests split across chunks; ignores polls before association and bad frames', () => {
    const sim = new IntellivueSimulator();
    expect(sim.receive(pollNumericsRequest(1, 1), T0).bytes).toHaveLength(0);
    const request = associationRequest();
    expect(sim.receive(request.subarray(0, 50), T0).bytes).toHaveLength(0);
    expect(sim.receive(request.subarray(50), T0).frames).toHaveLength(2);
    const corrupted = pollNumericsRequest(1, 1);
    corrupted[10] ^= 0x01;
    expect(sim.receive(corrupted, T0).bytes).toHaveLength(0);
    expect(sim.tick().bytes).toHaveLength(0);
  });

  it('answers the release request and stops answering polls', () => {
    const sim = new IntellivueSimulator();
    sim.receive(associationRequest(), T0);
    const events = new IntellivueDecoder('t').push(sim.receive(releaseRequest(), T0).bytes, T0);
    expect(infoOf(events)).toEqual(['association=released']);
    expect(sim.receive(pollNumericsRequest(1, 1), T0).bytes).toHaveLength(0);
  });

  it('answers polls without an association when auto-started', () => {
    const sim = new IntellivueSimulator({ autoStart: true });
    expect(sim.receive(pollNumericsRequest(1, 1), T0).frames).toHaveLength(1);
  });

  it('is deterministic from its seed', () => {
    const a = bytesToHex(generateStream(philipsIntellivueMib, 20, { seed: 9 }).bytes);
    expect(bytesToHex(generateStream(philipsIntellivueMib, 20, { seed: 9 }).bytes)).toBe(a);
    expect(bytesToHex(generateStream(philipsIntellivueMib, 20, { seed: 10 }).bytes)).not.toBe(a);
  });

  it('decodes to exactly what it encoded over a long run (NIBP cycles and probe-off included)', () => {
    const stream = generateStream(philipsIntellivueMib, 300, { seed: 3, startMs: T0 });
    const decoder = new IntellivueDecoder('sim');
    const events = pushAll(decoder, stream.chunks);
    const out = normalize(events);
    expect(out.errors).toEqual([]);
    expect(out.numerics.map((n) => [n.metric, n.value])).toEqual(flatten(stream.frames));
    const polled = stream.frames.filter((f) => 'MDC_ECG_HEART_RATE' in f);
    // One poll a second for 300 s; the host's last tick may fall exactly on the end of the run.
    expect(polled.length).toBeGreaterThanOrEqual(300);
    expect(polled.length).toBeLessThanOrEqual(301);
    expect(polled.some((f) => f.MDC_PULS_OXIM_SAT_O2 === null)).toBe(true);
    expect(new Set(polled.map((f) => f.MDC_PRESS_BLD_NONINV_SYS)).size).toBeGreaterThan(3);
    for (const f of polled) {
      expect(f.MDC_ECG_HEART_RATE).toBeGreaterThanOrEqual(60);
      expect(f.MDC_ECG_HEART_RATE).toBeLessThanOrEqual(100);
      expect(f.MDC_TEMP).toBeGreaterThanOrEqual(36.5);
    }
    expect(decoder.stats.frames).toBe(stream.frames.length);
  });
});
