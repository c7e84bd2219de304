import type { HostStep, HostWrite } from '../../../src/devices/driver';
import { philipsIntellivueMib } from '../../../src/devices/philips-intellivue-mib';
import {
  RELEASE_REQUEST_BODY,
  RELEASE_RESPONSE_BODY,
  releaseRequest,
} from '../../../src/devices/philips-intellivue-mib/commands';
import {
  associationResult,
  releaseResponse,
} from '../../../src/devices/philips-intellivue-mib/device-encoder';
import { parseFrame } from '../../../src/devices/philips-intellivue-mib/frames';
import { IntellivueHost } from '../../../src/devices/philips-intellivue-mib/host';
import { IntellivueSimulator } from '../../../src/devices/philips-intellivue-mib/simulator';
import type { Reading } from '../../../src/shared/domain/readings';

const T0 = Date.UTC(2026, 0, 1);

/** The session's loop, purely: host writes → simulator → decoder → host, ticking every 100 ms. */
function runLoop(seconds: number, options: { silentAfterMs?: number; seed?: number } = {}) {
  const host = philipsIntellivueMib.createHost!();
  const sim = new IntellivueSimulator({ seed: options.seed ?? 1 });
  const decoder = philipsIntellivueMib.createDecoder('loop');
  const readings: Reading[] = [];
  const sent: Uint8Array[] = [];
  const simulated: Record<string, number | null>[] = [];
  let error: HostStep['error'];
  const apply = (step: HostStep, atMs: number): void => {
    error ??= step.error;
    for (const write of step.writes) {
      const bytes = asBytes(write);
      sent.push(bytes);
      if (options.silentAfterMs !== undefined && atMs >= T0 + options.silentAfterMs) continue;
      const out = sim.receive(bytes, atMs);
      simulated.push(...out.frames.filter((f) => Object.keys(f).length > 0));
      for (const event of decoder.push(out.bytes, atMs)) {
        if (event.kind === 'reading') readings.push(event.reading);
        apply(host.onEvent(event, atMs), atMs);
      }
    }
  };
  apply(host.open(T0), T0);
  for (let t = T0; t <= T0 + seconds * 1000 && !error; t += host.tickIntervalMs) apply(host.tick(t), t);
  const closing = host.close(T0 + seconds * 1000 + 1);
  return { readings, sent, simulated, error, closing, sim };
}

describe('IntellivueHost', () => {
  it('associates, confirms the create event, polls once a second, and releases on close', () => {
    const { readings, sent, simulated, error, closing, sim } = runLoop(10);
    expect(error).toBeUndefined();
    const bodies = sent.map(body);
    expect(bodies[0][0]).toBe(0x0d); // association request
    expect(Array.from(bodies[1].subarray(4, 6))).toEqual([0x00, 0x02]); // RORS: the create result
    const polls = bodies.slice(2);
    expect(polls).toHaveLength(11); // at 0 s (after the create event), then 1 s … 10 s
    polls.forEach((poll, i) => expect((poll[28] << 8) | poll[29]).toBe(i + 1)); // poll numbers
    expect(readings.map((r) => (r.type === 'numeric' ? r.value : undefined))).toEqual(
      simulated.flatMap((f) => Object.values(f)),
    );
    expect(body(closing.writes[0] as Uint8Array)).toEqual(RELEASE_REQUEST_BODY);
    expect(sim.isAssociated).toBe(true);
  });

  it('reports a timeout when no association result comes', () => {
    const host = new IntellivueHost();
    host.open(T0);
    expect(host.tick(T0 + 4900).error).toBeUndefined();
    const { error } = host.tick(T0 + 5000);
    expect(error?.code).toBe('timeout');
    expect(error?.message).toBe('no association result within 5000 ms');
    expect(host.close().writes).toEqual([]);
  });

  it('reports a timeout when the create event does not follow the accept', () => {
    const host = new IntellivueHost();
    host.open(T0);
    const decoder = philipsIntellivueMib.createDecoder('t');
    for (const e of decoder.push(associationResult(true), T0 + 100)) host.onEvent(e, T0 + 100);
    expect(host.tick(T0 + 5099).error).toBeUndefined();
    expect(host.tick(T0 + 5100).error?.message).toContain('MDS create event');
  });

  it('reports a timeout when the monitor stops answering polls', () => {
    const { error, readings } = runLoop(20, { silentAfterMs: 3000 });
    expect(error).toEqual({ code: 'timeout', message: 'monitor silent for 5000 ms' });
    expect(readings.length).toBeGreaterThan(0);
  });

  it.each([
    [associationResult(false), 'refused'],
    [releaseResponse(), 'released'],
  ])('ends with a protocol error when the monitor %#', (frame, word) => {
    const host = new IntellivueHost();
    host.open(T0);
    const decoder = philipsIntellivueMib.createDecoder('t');
    const steps = decoder.push(frame, T0 + 50).map((e) => host.onEvent(e, T0 + 50));
    expect(steps.find((s) => s.error)?.error).toEqual({
      code: 'protocol',
      message: `monitor ${word} the association`,
    });
    expect(host.tick(T0 + 10_000)).toEqual({ writes: [] });
  });

  it('answers a release request from the monitor, then ends with a protocol error', () => {
    const host = new IntellivueHost();
    host.open(T0);
    const decoder = philipsIntellivueMib.createDecoder('t');
    const [step] = decoder.push(releaseRequest(), T0).map((e) => host.onEvent(e, T0));
    expect(step.error).toEqual({ code: 'protocol', message: 'monitor asked to release the association' });
    expect(step.writes.map((w) => body(asBytes(w)))).toEqual([RELEASE_RESPONSE_BODY]);
  });

  it('ignores frame errors and events before open', () => {
    const host = new IntellivueHost();
    expect(host.onEvent({ kind: 'device-info', key: 'association', value: 'refused' }, T0)).toEqual({
      writes: [],
    });
    host.open(T0);
    expect(host.onEvent({ kind: 'frame-error', code: 'checksum', detail: '' }, T0)).toEqual({ writes: [] });
  });
});

function asBytes(write: HostWrite): Uint8Array {
  if (write instanceof Uint8Array) return write;
  throw new Error('IntelliVue writes plain bytes only');
}

function body(wire: Uint8Array): Uint8Array {
  const parsed = parseFrame(wire);
  if (!(parsed instanceof Uint8Array)) throw new Error(parsed.detail);
  return parsed;
}
