import fc from 'fast-check';
import { Cms50V7Decoder } from '../../../src/devices/contec-cms50-v7/decoder';
import {
  encodeDeviceId,
  encodeFeedback,
  encodeFree,
  encodeRealtime,
} from '../../../src/devices/contec-cms50-v7/device-encoder';
import { emptyRealtimeFields, type RealtimeFields } from '../../../src/devices/contec-cms50-v7/frames';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';
import { expectSameOutput, normalize, pushAll, readingsOf, splitStream } from '../support';

const DEVICE = 'contec-cms50-v7@/dev/ttyUSB0';
const PERIOD = 1000 / 60;
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);

function realtime(i: number, change: Partial<RealtimeFields> = {}): RealtimeFields {
  return {
    ...emptyRealtimeFields(),
    signalStrength: 5,
    pleth: (i * 7) % 128,
    barGraph: i % 16,
    pulseRate: 70 + Math.floor(i / 40),
    spo2: 97 - Math.floor(i / 50),
    perfusionIndex: 1.5,
    pulseBeep: i % 45 < 3,
    ...change,
  };
}

/** A capture: replies, then 150 real-time packages with a probe-off episode and invalid values. */
function capture(): { stream: Uint8Array; sampleEnds: number[] } {
  const packages: Uint8Array[] = [encodeFree(), encodeFree(), encodeDeviceId('user')];
  const isSample: boolean[] = [false, false, false];
  for (let i = 0; i < 150; i++) {
    const probeOff = i >= 90 && i < 100;
    packages.push(
      encodeRealtime(
        realtime(
          i,
          probeOff
            ? {
                probeError: true,
                pleth: 0x40,
                pulseRate: null,
                spo2: null,
                perfusionIndex: null,
                piInvalid: true,
              }
            : {},
        ),
      ),
    );
    isSample.push(true);
    if (i === 120) {
      packages.push(encodeFeedback(0xb3, 5));
      isSample.push(false);
    }
  }
  const sampleEnds: number[] = [];
  let offset = 0;
  packages.forEach((p, i) => {
    offset += p.length;
    if (isSample[i]) sampleEnds.push(offset);
  });
  return { stream: concatBytes(packages), sampleEnds };
}

const decodeSplit = (stream: Uint8Array, sampleEnds: number[], cuts: number[]) =>
  normalize(pushAll(new Cms50V7Decoder(DEVICE), splitStream(stream, cuts, sampleEnds, T0, PERIOD)));

describe('Cms50V7Decoder', () => {
  it('decodes the document stream vector into readings with the contract shape', () => {
    const events = new Cms50V7Decoder(DEVICE).push(hexToBytes('01 E0 85 B3 96 C1 E1 FF FF'), T0);
    const readings = readingsOf(events);
    readings.forEach((r) => readingSchema.parse(r));
    const time = new Date(T0).toISOString();
    expect(readings).toEqual([
      { type: 'status', device: DEVICE, flags: [], time },
      { type: 'numeric', device: DEVICE, metric: 'MDC_PULS_OXIM_SAT_O2', value: 97, unit: '%', time },
      { type: 'numeric', device: DEVICE, metric: 'MDC_PULS_OXIM_PULS_RATE', value: 65, unit: '/min', time },
      { type: 'numeric', device: DEVICE, metric: 'MDC_PULS_OXIM_PERF_REL', value: null, unit: '%', time },
      {
        type: 'waveform',
        device: DEVICE,
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: time,
        samples: [51],
      },
    ]);
  });

  it('emits numerics on change and once per second, status on change, one waveform per push', () => {
    const { stream, sampleEnds } = capture();
    const out = decodeSplit(stream, sampleEnds, []);
    expect(out.samples).toHaveLength(150);
    expect(out.samples.slice(88, 102)).toEqual([
      ...[88, 89].map((i) => (i * 7) % 128),
      ...Array<null>(10).fill(null),
      ...[100, 101].map((i) => (i * 7) % 128),
    ]);
    const spo2 = out.numerics.filter((n) => n.metric === 'MDC_PULS_OXIM_SAT_O2');
    expect(spo2.map((n) => n.value)).toEqual([97, 96, null, 95]);
    expect(out.statuses.some((s) => s.flags.includes('probe-off'))).toBe(true);
    expect(out.statuses.some((s) => s.flags.includes('pulse-beep'))).toBe(true);
    expect(out.info).toEqual([
      'device-state=free',
      'device-state=free',
      'device-id=user',
      'command-feedback=0xB3: not supported',
    ]);
    expect(out.sampleTimes[149]).toBeCloseTo(T0 + 149 * PERIOD, 0);
  });

  it('gives identical readings for a split at every byte boundary', () => {
    const { stream, sampleEnds } = capture();
    const whole = decodeSplit(stream, sampleEnds, []);
    for (let cut = 1; cut < stream.length; cut++)
      expectSameOutput(decodeSplit(stream, sampleEnds, [cut]), whole);
  });

  it('gives identical readings for random multi-splits', () => {
    const { stream, sampleEnds } = capture();
    const whole = decodeSplit(stream, sampleEnds, []);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 60 }), (cuts) => {
        expectSameOutput(decodeSplit(stream, sampleEnds, cuts), whole);
      }),
      { numRuns: 300 },
    );
  });

  it('drops and counts malformed packages without a reading, and resyncs on the next package', () => {
    const decoder = new Cms50V7Decoder(DEVICE);
    const good = encodeRealtime(realtime(1));
    const truncated = good.subarray(0, 5);
    const outOfRange = hexToBytes('01 80 85 B3 96 C1 E5 FF FF');
    const events = decoder.push(concatBytes([truncated, outOfRange, hexToBytes('0C 81'), good]), T0);
    expect(
      events.filter((e) => e.kind === 'frame-error').map((e) => e.kind === 'frame-error' && e.code),
    ).toEqual(['malformed', 'malformed', 'out-of-range']);
    expect(normalize(events).samples).toEqual([7]);
    expect(decoder.stats).toEqual({ frames: 1, dropped: 3, skippedBytes: 0 });
  });

  it('skips and counts garbage bytes; reset forgets a partial package', () => {
    const decoder = new Cms50V7Decoder(DEVICE);
    decoder.push(hexToBytes('FF 80 13 7F'), T0);
    expect(decoder.stats.skippedBytes).toBe(4);
    decoder.push(encodeRealtime(realtime(0)).subarray(0, 4), T0);
    decoder.reset();
    expect(normalize(decoder.push(encodeRealtime(realtime(2)), T0 + 100)).samples).toEqual([14]);
  });
});

describe('Cms50V7Decoder fuzzing', () => {
  const valid = Array.from({ length: 8 }, (_, i) => encodeRealtime(realtime(i + 3)));
  const validStream = concatBytes(valid);
  const bytes = fc.uint8Array({ maxLength: 300 });

  const check = (input: Uint8Array) => {
    const decoder = new Cms50V7Decoder(DEVICE);
    const events = decoder.push(input, T0);
    for (const r of readingsOf(events)) readingSchema.parse(r);
    const errors = events.filter((e) => e.kind === 'frame-error').length;
    expect(decoder.stats.dropped).toBe(errors);
    return events;
  };

  it('never throws on random bytes, and every reading is well formed', () => {
    fc.assert(
      fc.property(bytes, (b) => void check(b)),
      { numRuns: 2000 },
    );
  });

  it('decodes every valid package after any garbage (resync within one package)', () => {
    fc.assert(
      fc.property(bytes, (garbage) => {
        const samples = normalize(check(concatBytes([garbage, validStream]))).samples;
        expect(samples.slice(-8)).toEqual(valid.map((_, i) => ((i + 3) * 7) % 128));
      }),
      { numRuns: 2000 },
    );
  });

  it('survives bit flips, dropped, duplicated bytes and truncation', () => {
    const mutation = fc.record({
      at: fc.nat({ max: validStream.length - 1 }),
      kind: fc.constantFrom('flip', 'drop', 'dup', 'truncate'),
      bit: fc.nat({ max: 7 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let s = [...validStream];
        for (const m of mutations) {
          const at = m.at % Math.max(1, s.length);
          if (m.kind === 'flip') s[at] = s[at] ^ (1 << m.bit);
          else if (m.kind === 'drop') s.splice(at, 1);
          else if (m.kind === 'dup') s.splice(at, 0, s[at] ?? 0);
          else s = s.slice(0, at);
        }
        const decoder = new Cms50V7Decoder(DEVICE);
        const events = decoder.push(Uint8Array.from(s), T0);
        // No checksum in V7: a flipped value bit can still decode, but never outside the field's range,
        // and never more samples than packages that passed validation.
        const out = normalize(events);
        expect(out.samples.length).toBeLessThanOrEqual(decoder.stats.frames);
        expect(decoder.stats.dropped).toBe(out.errors.length);
        for (const n of out.numerics) {
          if (n.value === null) continue;
          const max =
            n.metric === 'MDC_PULS_OXIM_SAT_O2' ? 100 : n.metric === 'MDC_PULS_OXIM_PERF_REL' ? 22 : 254;
          expect(n.value >= 0 && n.value <= max).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numeric refresh', () => {
  it('repeats an unchanged value once per second of device time', () => {
    const decoder = new Cms50V7Decoder(DEVICE);
    const steady = concatBytes(
      Array.from({ length: 181 }, () => encodeRealtime(realtime(0, { pulseBeep: false }))),
    );
    const out = normalize(decoder.push(steady, T0 + 180 * PERIOD));
    expect(
      out.numerics.filter((n) => n.metric === 'MDC_PULS_OXIM_SAT_O2').map((n) => Date.parse(n.time) - T0),
    ).toEqual([0, 1000, 2000, 3000]);
    expect(out.statuses).toHaveLength(1);
  });
});

describe('device replies become device-info events', () => {
  it.each([
    ['02 80 80 C3 CD D3 B5 B0 C4', 'model=CMS50D'],
    ['03 80 C3 EF EE F4 E5 E3 A0', 'vendor=Contec'],
    ['05 80 81 E1 EE EE E1 A0 A0', 'user=1: anna'],
    ['06 80 80 87', 'protocol-version=7'],
    ['0B 81 A1 80', 'command-feedback=0xA1: done'],
    ['0D 80 81', 'disconnect-notice=shutdown'],
    ['0E 80 80', 'pi-supported=yes'],
    ['10 80 82', 'user-count=2'],
    ['11 80 81 80 80 80 80 80 80', 'storage-data=none'],
    ['11 80 82 80 80 80 80 80 80', 'device-notice=type 2'],
  ])('%s → %s', (hex, expected) => {
    expect(normalize(new Cms50V7Decoder(DEVICE).push(hexToBytes(hex), T0)).info).toEqual([expected]);
  });

  it('joins the two model segments, and storage packages say nothing', () => {
    const decoder = new Cms50V7Decoder(DEVICE);
    const events = decoder.push(
      hexToBytes('02 80 80 C3 CD D3 B5 B0 C4 02 80 81 AB A0 A0 A0 A0 A0 0F 80 DE C2 DE C2 DE C2'),
      T0,
    );
    expect(normalize(events).info).toEqual(['model=CMS50D', 'model=CMS50D+']);
    expect(decoder.stats.frames).toBe(3);
  });
});

describe('sample timing', () => {
  const pkg = (i: number) => encodeRealtime(realtime(i, { pulseBeep: false }));

  it('keeps a lost package as a gap in time and starts a new waveform run after it', () => {
    const broken = pkg(1).slice(0, 6); // cut short by the next package's type byte
    const events = new Cms50V7Decoder(DEVICE).push(
      concatBytes([pkg(0), broken, pkg(2), pkg(3)]),
      T0 + 3 * PERIOD,
    );
    const waves = readingsOf(events).filter((r) => r.type === 'waveform');
    expect(waves.map((w) => (w.type === 'waveform' ? w.samples.length : 0))).toEqual([1, 2]);
    expect(waves.map((w) => (w.type === 'waveform' ? Date.parse(w.start) - T0 : 0))).toEqual([
      0,
      Math.round(2 * PERIOD),
    ]);
  });

  it('re-anchors on arrival after a gap in the stream', () => {
    const decoder = new Cms50V7Decoder(DEVICE);
    decoder.push(pkg(0), T0);
    const later = normalize(decoder.push(concatBytes([pkg(1), pkg(2)]), T0 + 5000));
    expect(later.sampleTimes[1]).toBeCloseTo(T0 + 5000, 0);
    expect(later.sampleTimes[0]).toBeCloseTo(T0 + 5000 - PERIOD, 0);
  });
});
