import fc from 'fast-check';
import { contecCms50Legacy } from '../../../src/devices/contec-cms50-legacy';
import { Cms50LegacyDecoder } from '../../../src/devices/contec-cms50-legacy/decoder';
import { encodeFrame } from '../../../src/devices/contec-cms50-legacy/device-encoder';
import {
  emptyLegacyFrame,
  parseFrame,
  type LegacyFrame,
} from '../../../src/devices/contec-cms50-legacy/frames';
import { Cms50LegacySimulator } from '../../../src/devices/contec-cms50-legacy/simulator';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';
import { expectDecodedMatchesSimulator } from '../simulator-check';
import { expectSameOutput, normalize, pushAll, readingsOf, splitStream } from '../support';

const DEVICE = 'contec-cms50-legacy@/dev/ttyUSB0';
const PERIOD = 1000 / 60;
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);

describe('legacy frames: document vectors (device-protocols §2.1)', () => {
  it('C5 33 06 41 61 → beep, signal 5, pleth 51, bar 6, PR 65, SpO2 97', () => {
    expect(parseFrame(hexToBytes('C5 33 06 41 61'))).toEqual({
      ...emptyLegacyFrame(),
      pulseBeep: true,
      signalStrength: 5,
      pleth: 51,
      barGraph: 6,
      pulseRate: 65,
      spo2: 97,
    });
  });
  it('85 20 46 02 5F → PR 130 (bit 7 from byte 2 bit 6), SpO2 95', () => {
    expect(parseFrame(hexToBytes('85 20 46 02 5F'))).toMatchObject({
      signalStrength: 5,
      pleth: 32,
      barGraph: 6,
      pulseRate: 130,
      spo2: 95,
    });
  });
  it('80 00 00 00 00 is valid; a missing sync bit or a stray bit 7 is rejected', () => {
    expect(parseFrame(hexToBytes('80 00 00 00 00'))).toMatchObject({ pulseRate: 0, spo2: 0 });
    for (const bad of [
      '00 00 00 00 00',
      '80 80 00 00 00',
      '80 00 80 00 00',
      '80 00 00 80 00',
      '80 00 00 00 80',
      '80 00 00 00',
    ]) {
      expect(parseFrame(hexToBytes(bad))).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    }
    expect(parseFrame(hexToBytes('80 00 00 00 65'))).toMatchObject({
      kind: 'frame-error',
      code: 'out-of-range',
    });
  });
  it('every field round-trips (PR 0..255 as in atbrask unittests)', () => {
    const arb = fc.record({
      signalStrength: fc.nat({ max: 15 }),
      byte0Bit4: fc.boolean(),
      spo2Dropping: fc.boolean(),
      pulseBeep: fc.boolean(),
      pleth: fc.nat({ max: 127 }),
      barGraph: fc.nat({ max: 15 }),
      probeError: fc.boolean(),
      searching: fc.boolean(),
      pulseRate: fc.nat({ max: 255 }),
      spo2: fc.nat({ max: 100 }),
    });
    fc.assert(
      fc.property(arb, (f: LegacyFrame) => void expect(parseFrame(encodeFrame(f))).toEqual(f)),
      { numRuns: 500 },
    );
  });
});

function frame(i: number, change: Partial<LegacyFrame> = {}): Uint8Array {
  return encodeFrame({
    ...emptyLegacyFrame(),
    signalStrength: 5,
    pleth: (i * 5) % 128,
    pulseRate: 60 + (i >> 5),
    spo2: 98 - (i >> 6),
    pulseBeep: i % 40 < 3,
    ...change,
  });
}

describe('Cms50LegacyDecoder', () => {
  const frames = Array.from({ length: 120 }, (_, i) =>
    i >= 70 && i < 80
      ? frame(i, { probeError: true })
      : i >= 80 && i < 85
        ? frame(i, { searching: true })
        : frame(i, i === 100 ? { spo2Dropping: true } : {}),
  );
  const stream = concatBytes(frames);
  const sampleEnds = frames.map((_, i) => (i + 1) * 5);
  const decode = (cuts: number[]) =>
    normalize(pushAll(new Cms50LegacyDecoder(DEVICE), splitStream(stream, cuts, sampleEnds, T0, PERIOD)));

  it('maps flags and values to readings; no measurement while probe error or searching', () => {
    const out = decode([]);
    expect(out.samples).toHaveLength(120);
    expect(out.samples.slice(68, 82)).toEqual([
      ...[68, 69].map((i) => (i * 5) % 128),
      ...Array<null>(10).fill(null),
      400 % 128,
      405 % 128,
    ]);
    expect(out.statuses.map((s) => s.flags.join('+'))).toContain('probe-off');
    expect(out.statuses.map((s) => s.flags.join('+'))).toContain('searching');
    expect(out.statuses.map((s) => s.flags.join('+'))).toContain('low-spo2');
    const pr = out.numerics.filter((n) => n.metric === 'MDC_PULS_OXIM_PULS_RATE').map((n) => n.value);
    expect(pr).toEqual([60, 61, 62, null, 62, 63]);
    expect(out.numerics.some((n) => n.metric === 'MDC_PULS_OXIM_PERF_REL')).toBe(false);
    readingsOf(new Cms50LegacyDecoder(DEVICE).push(stream, T0)).forEach((r) => readingSchema.parse(r));
  });

  it('gives identical readings for a split at every byte boundary and random multi-splits', () => {
    const whole = decode([]);
    for (let cut = 1; cut < stream.length; cut++) expectSameOutput(decode([cut]), whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 60 }), (cuts) =>
        expectSameOutput(decode(cuts), whole),
      ),
      { numRuns: 300 },
    );
  });

  it('drops and counts a frame cut short, skips garbage, resyncs at once', () => {
    const decoder = new Cms50LegacyDecoder(DEVICE);
    const events = decoder.push(
      concatBytes([hexToBytes('00 7F C5 33'), frame(1), hexToBytes('80 00 00 00 65'), frame(2)]),
      T0,
    );
    expect(
      events.filter((e) => e.kind === 'frame-error').map((e) => e.kind === 'frame-error' && e.code),
    ).toEqual(['malformed', 'out-of-range']);
    expect(normalize(events).samples).toEqual([5, 10]);
    expect(decoder.stats).toEqual({ frames: 2, dropped: 2, skippedBytes: 2 });
  });

  const valid = Array.from({ length: 8 }, (_, i) => frame(i + 1));
  const validStream = concatBytes(valid);
  const check = (input: Uint8Array) => {
    const decoder = new Cms50LegacyDecoder(DEVICE);
    const events = decoder.push(input, T0);
    readingsOf(events).forEach((r) => readingSchema.parse(r));
    expect(decoder.stats.dropped).toBe(events.filter((e) => e.kind === 'frame-error').length);
    return events;
  };

  it('fuzz: random bytes never throw; valid frames after garbage all decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void check(b)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        expect(normalize(check(concatBytes([garbage, validStream]))).samples.slice(-8)).toEqual(
          valid.map((_, i) => ((i + 1) * 5) % 128),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('fuzz: bit flips, dropped and duplicated bytes, truncation never throw', () => {
    const mutation = fc.record({
      at: fc.nat({ max: 39 }),
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
        check(Uint8Array.from(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Cms50LegacySimulator and driver', () => {
  it('streams unsolicited at 60 frames/s of device time and ignores host bytes', () => {
    const sim = new Cms50LegacySimulator({ seed: 2 });
    expect(sim.receive(hexToBytes('7D 81 A1 80 80 80 80 80 80'), 0).bytes).toHaveLength(0);
    expect(sim.tick(1000).frames).toHaveLength(61);
    expect(sim.tick(2000).bytes).toHaveLength(60 * 5);
  });
  it('decoded simulator bytes reproduce the values the simulator encoded', () => {
    expectDecodedMatchesSimulator(contecCms50Legacy, 400, 11);
  });
  it('declares 19200 8O1 with XON/XOFF and an empty host script', () => {
    expect(contecCms50Legacy.link).toEqual({
      baudRate: 19200,
      dataBits: 8,
      parity: 'odd',
      stopBits: 1,
      xonxoff: true,
    });
    expect(contecCms50Legacy.host).toEqual({ onOpen: [], onClose: [] });
  });
});
