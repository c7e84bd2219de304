import { concatBytes } from '../../../src/devices/framing/concat';
import { asciiBytes } from '../../../src/devices/framing/line-framer';
import { EXC } from '../../../src/devices/masimo-ascii/constants';
import { MasimoAsciiDecoder } from '../../../src/devices/masimo-ascii/decoder';
import { encodeLine } from '../../../src/devices/masimo-ascii/device-encoder';
import type { MasimoLine } from '../../../src/devices/masimo-ascii/frames';
import { normalize } from '../support';
import { decodeChecked, expectSplitIndependent, fuzzLineDecoder, valuesOf } from './line-stream-checks';

const DEVICE = 'masimo-ascii@/dev/ttyUSB0';
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
const RAD8_SAMPLE =
  '02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800\r\n';

function line(i: number, change: Partial<MasimoLine> = {}): Uint8Array {
  return encodeLine({
    deviceTime: '02/22/16 22:47:45',
    serialNumber: '0000056661',
    spo2: 90 + (i % 10),
    pulseRate: 60 + i,
    perfusionIndex: 1 + i / 100,
    spco: null,
    spmet: null,
    sphb: undefined,
    spoc: undefined,
    desat: null,
    piDelta: null,
    pvi: 12,
    alarm: 0,
    exceptions: EXC.setMode,
    exceptions1: undefined,
    ...change,
  });
}

const dashed = { spo2: null, pulseRate: null, perfusionIndex: null, pvi: null };
const lines = Array.from({ length: 12 }, (_, i) =>
  i === 4
    ? line(i, { ...dashed, exceptions: EXC.sensorOff })
    : i === 5
      ? line(i, { ...dashed, exceptions: EXC.pulseSearch })
      : i === 8
        ? line(i, { exceptions: EXC.setMode | EXC.interference })
        : i === 9
          ? line(i, { exceptions: EXC.setMode | EXC.ambientLight })
          : line(i),
);
const stream = concatBytes(lines);

describe('MasimoAsciiDecoder', () => {
  it('decodes the document sample into SpO2, pulse rate and PI, timed by arrival', () => {
    const decoder = new MasimoAsciiDecoder(DEVICE);
    const events = decodeChecked(decoder, asciiBytes(RAD8_SAMPLE), T0);
    const time = new Date(T0).toISOString();
    expect(events).toEqual([
      { kind: 'device-info', key: 'serial-number', value: '0000056661' },
      { kind: 'reading', reading: { type: 'status', device: DEVICE, flags: [], time } },
      ...[
        ['MDC_PULS_OXIM_SAT_O2', 98, '%'],
        ['MDC_PULS_OXIM_PULS_RATE', 97, '/min'],
        ['MDC_PULS_OXIM_PERF_REL', 3.6, '%'],
      ].map(([metric, value, unit]) => ({
        kind: 'reading',
        reading: { type: 'numeric', device: DEVICE, metric, value, unit, time },
      })),
    ]);
    expect(decoder.stats).toEqual({ frames: 1, dropped: 0, skippedBytes: 0 });
  });

  it('emits every numeric on every line, null for dashes, status on change only', () => {
    const out = normalize(decodeChecked(new MasimoAsciiDecoder(DEVICE), stream, T0 + 11_000));
    const spo2 = out.numerics.filter((n) => n.metric === 'MDC_PULS_OXIM_SAT_O2');
    expect(spo2.map((n) => n.value)).toEqual([90, 91, 92, 93, null, null, 96, 97, 98, 99, 90, 91]);
    // One line a second: a burst of 12 lines arriving at once keeps the one-second spacing.
    expect(spo2.map((n) => Date.parse(n.time) - T0)).toEqual(spo2.map((_, i) => i * 1000));
    expect(out.statuses.map((s) => s.flags)).toEqual([
      [],
      ['probe-off'],
      ['searching'],
      [],
      ['artifact'],
      [],
    ]);
    expect(out.info).toEqual(['serial-number=0000056661']);
  });

  it('reports a changed serial number, not a dashed one', () => {
    const decoder = new MasimoAsciiDecoder(DEVICE);
    const events = decodeChecked(
      decoder,
      concatBytes([
        line(0),
        line(1, { serialNumber: '----------' }),
        line(2, { serialNumber: '0000000042' }),
      ]),
      T0,
    );
    expect(normalize(events).info).toEqual(['serial-number=0000056661', 'serial-number=0000000042']);
  });

  it('gives identical output for a split at every byte and random multi-splits', () => {
    // Lines 3..9 hold every status change; fewer bytes keep the every-byte loop fast.
    expectSplitIndependent(() => new MasimoAsciiDecoder(DEVICE), concatBytes(lines.slice(3, 10)), T0);
  });

  it('drops and counts bad lines (grammar, too long, not text, trend record) and resyncs at once', () => {
    const decoder = new MasimoAsciiDecoder(DEVICE);
    const events = decodeChecked(
      decoder,
      concatBytes([
        asciiBytes('98% BPM=097 PI=03.60% SPCO=--.-%\r\n'), // joined mid-line
        line(1),
        asciiBytes(`${'x'.repeat(300)}\r\n`),
        Uint8Array.of(0x30, 0xff, 0x0d, 0x0a),
        asciiBytes('09/21/08 09:56:12 SpO2=097 PR=069 PI=04.69 EXC=800:SET\r\n'),
        asciiBytes(RAD8_SAMPLE.replace('SPO2=098', 'SPO2=101')),
        line(2),
      ]),
      T0,
    );
    const errors = events.flatMap((e) => (e.kind === 'frame-error' ? [e.code] : []));
    expect(errors.sort()).toEqual(['malformed', 'malformed', 'malformed', 'out-of-range', 'unknown-type']);
    expect(valuesOf(events, 'MDC_PULS_OXIM_SAT_O2')).toEqual([91, 92]);
    expect(decoder.stats).toEqual({ frames: 2, dropped: 5, skippedBytes: 302 });
  });

  it('reset forgets a partial line and the last status', () => {
    const decoder = new MasimoAsciiDecoder(DEVICE);
    decodeChecked(decoder, concatBytes([line(0), line(1).subarray(0, 50)]), T0);
    decoder.reset();
    const events = decodeChecked(decoder, line(2), T0 + 5000);
    expect(normalize(events).statuses).toHaveLength(1);
    expect(valuesOf(events, 'MDC_PULS_OXIM_SAT_O2')).toEqual([92]);
    expect(decoder.stats.dropped).toBe(0);
  });

  it('fuzz: random bytes, garbage, mutations, truncation, non-text bytes (5 × 2,000 runs)', () => {
    const kept = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11];
    fuzzLineDecoder(
      () => new MasimoAsciiDecoder(DEVICE),
      kept.map((i) => lines[i]),
      (i) => 90 + (kept[i] % 10),
      // ALARM and EXC are required: a line cut before them is never valid.
      (bytes) => String.fromCharCode(...bytes).indexOf(' ALARM='),
    );
  });
});
