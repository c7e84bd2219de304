import { concatBytes } from '../../../src/devices/framing/concat';
import { asciiBytes } from '../../../src/devices/framing/line-framer';
import { NellcorAsciiDecoder } from '../../../src/devices/nellcor-ascii/decoder';
import { encodeDataLine, encodeHeader } from '../../../src/devices/nellcor-ascii/device-encoder';
import type { NellcorData } from '../../../src/devices/nellcor-ascii/frames';
import { SIMULATED_HEADER } from '../../../src/devices/nellcor-ascii/simulator';
import { normalize } from '../support';
import {
  decodeChecked,
  expectSplitIndependent,
  fuzzLineDecoder,
  valuesOf,
} from '../masimo-ascii/line-stream-checks';

const DEVICE = 'nellcor-ascii@/dev/ttyUSB0';
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
const SPO2 = 'MDC_PULS_OXIM_SAT_O2';

function line(i: number, change: Partial<NellcorData> = {}): Uint8Array {
  return encodeDataLine({
    deviceTime: `12-NOV-97 14:00:${String(i % 60).padStart(2, '0')}`,
    spo2: 90 + (i % 10),
    pulseRate: 60 + i,
    pulseAmplitude: 40,
    starred: 0,
    codes: [],
    ...change,
  });
}

const dashed = { spo2: null, pulseRate: null, pulseAmplitude: null };
const CODES: Record<number, string[]> = {
  4: ['SO'],
  5: ['PS'],
  7: ['MO'],
  8: ['LM'],
  9: ['LP'],
  10: ['PL', 'AS'],
};
const lines = Array.from({ length: 12 }, (_, i) =>
  line(i, { ...(i === 4 || i === 5 ? dashed : {}), codes: CODES[i] ?? [] }),
);

describe('NellcorAsciiDecoder', () => {
  it('decodes the NPB-290 sample line into SpO2 and pulse rate, timed by arrival', () => {
    const decoder = new NellcorAsciiDecoder(DEVICE);
    const events = decodeChecked(decoder, asciiBytes('12-NOV-97 14:00:05 100 120 50\r\n'), T0);
    const time = new Date(T0).toISOString();
    expect(events).toEqual([
      { kind: 'reading', reading: { type: 'status', device: DEVICE, flags: [], time } },
      {
        kind: 'reading',
        reading: { type: 'numeric', device: DEVICE, metric: SPO2, value: 100, unit: '%', time },
      },
      {
        kind: 'reading',
        reading: {
          type: 'numeric',
          device: DEVICE,
          metric: 'MDC_PULS_OXIM_PULS_RATE',
          value: 120,
          unit: '/min',
          time,
        },
      },
    ]);
    expect(decoder.stats).toEqual({ frames: 1, dropped: 0, skippedBytes: 0 });
  });

  it('turns the header into device info once, skips the column header, maps status codes', () => {
    const header = encodeHeader(SIMULATED_HEADER);
    const out = normalize(
      decodeChecked(new NellcorAsciiDecoder(DEVICE), concatBytes([header, ...lines, header]), T0 + 11_000),
    );
    expect(out.errors).toEqual([]);
    expect(out.info).toEqual([
      'model=N-595',
      'firmware-version=1.5.0.1',
      'firmware-crc=A3F1',
      'spo2-alarm-limits=85-100%',
      'pulse-rate-alarm-limits=40-170BPM',
      'alarm-limits-mode=ADULT',
      'sat-seconds=0',
      'spo2-response-mode=NORMAL',
    ]);
    const spo2 = out.numerics.filter((n) => n.metric === SPO2);
    expect(spo2.map((n) => n.value)).toEqual([90, 91, 92, 93, null, null, 96, 97, 98, 99, 90, 91]);
    expect(spo2.map((n) => Date.parse(n.time) - T0)).toEqual(spo2.map((_, i) => i * 1000));
    expect(out.statuses.map((s) => s.flags)).toEqual([
      [],
      ['probe-off'],
      ['searching'],
      [],
      ['artifact'],
      ['artifact', 'pulse-lost'],
      ['pulse-lost'],
      ['alarm'],
      [],
    ]);
  });

  it('gives identical output for a split at every byte and random multi-splits', () => {
    expectSplitIndependent(() => new NellcorAsciiDecoder(DEVICE), concatBytes(lines.slice(3, 11)), T0);
  });

  it('drops and counts bad lines (grammar, too long, not text, SpO2 > 100) and resyncs at once', () => {
    const decoder = new NellcorAsciiDecoder(DEVICE);
    const events = decodeChecked(
      decoder,
      concatBytes([
        asciiBytes('0 120 50\r\n'), // joined mid-line
        line(1),
        asciiBytes(`${'9'.repeat(300)}\r\n`),
        Uint8Array.of(0x31, 0x80, 0x0a),
        asciiBytes('12-NOV-97 14:00:05 101 120 50\r\n'),
        line(2),
      ]),
      T0,
    );
    const errors = events.flatMap((e) => (e.kind === 'frame-error' ? [e.code] : []));
    expect(errors.sort()).toEqual(['malformed', 'malformed', 'malformed', 'out-of-range']);
    expect(valuesOf(events, SPO2)).toEqual([91, 92]);
    expect(decoder.stats).toEqual({ frames: 2, dropped: 4, skippedBytes: 302 });
  });

  it('reset forgets a partial line, the last status and the device info', () => {
    const decoder = new NellcorAsciiDecoder(DEVICE);
    decodeChecked(
      decoder,
      concatBytes([encodeHeader(SIMULATED_HEADER), line(0), line(1).subarray(0, 12)]),
      T0,
    );
    decoder.reset();
    const out = normalize(
      decodeChecked(decoder, concatBytes([encodeHeader(SIMULATED_HEADER), line(2)]), T0 + 5000),
    );
    expect(out.statuses).toHaveLength(1);
    expect(out.info).toHaveLength(8);
    expect(out.numerics.filter((n) => n.metric === SPO2).map((n) => n.value)).toEqual([92]);
    expect(decoder.stats.dropped).toBe(0);
  });

  it('fuzz: random bytes, garbage, mutations, truncation, non-text bytes (5 × 2,000 runs)', () => {
    const kept = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11];
    fuzzLineDecoder(
      () => new NellcorAsciiDecoder(DEVICE),
      kept.map((i) => lines[i]),
      (i) => 90 + (kept[i] % 10),
      // Codes are optional and a value can lose digits: only a cut before PA is surely invalid.
      (bytes) =>
        String.fromCharCode(...bytes)
          .split(' ')
          .slice(0, 4)
          .join(' ').length,
    );
  });
});
