import type { Reading, WaveformReading } from '../../../src/shared/domain/readings';
import { decodeMessage, encodeMessage } from '../../../src/shared/vitals/codec';
import type { ControlMessage } from '../../../src/shared/vitals/messages';
import { EPOCH_MS, decodeWith, dictionaryFor, encodeBatch, roundTrip } from './support';

const DEVICE = 'contec-cms50-v7@/dev/ttyUSB0';
const ECG = 'openbci-cyton@/dev/ttyUSB1';
const T = '2026-11-25T16:49:08.123Z';

const numeric = (
  metric: 'MDC_PULS_OXIM_SAT_O2' | 'MDC_TEMP_BODY',
  value: number | null,
  time = T,
): Reading => ({
  type: 'numeric',
  device: DEVICE,
  metric,
  value,
  unit: metric === 'MDC_TEMP_BODY' ? 'Cel' : '%',
  time,
});

const ecg = (samples: (number | null)[], start = T): WaveformReading => ({
  type: 'waveform',
  device: ECG,
  metric: 'MDC_ECG_ELEC_POTL_II',
  unit: 'mV',
  rateHz: 250,
  start,
  samples,
});

describe('vitals codec: readings round-trip exactly', () => {
  it('numerics: integers, decimals, nulls, negatives, big and small values', () => {
    const values = [
      97,
      0,
      null,
      -40,
      36.6,
      37.25,
      -0.001,
      1e21,
      5e-324,
      Number.MAX_VALUE,
      -Number.MAX_SAFE_INTEGER,
      0.1 + 0.2,
    ];
    const readings = values.map((v) => numeric('MDC_TEMP_BODY', v));
    expect(roundTrip(readings)).toEqual(readings);
  });

  it('waveforms: pleth counts, mV with 1 µV and 0.1 µV steps, nulls, float fallbacks', () => {
    const readings: Reading[] = [
      {
        type: 'waveform',
        device: DEVICE,
        metric: 'MDC_PULS_OXIM_PLETH',
        unit: '1',
        rateHz: 60,
        start: T,
        samples: [51, 52, 53, null, 60],
      },
      ecg([0.123, -0.456, 1.5, 0, -2.047]),
      ecg([0.1234, -0.0001, null, 3.2767], '2026-11-25T16:49:08.163Z'),
      ecg([Math.PI, -Math.E, null, 1e-300, -1e300]),
      ecg([2 ** 49, 0.001]),
      ecg([]),
    ];
    expect(roundTrip(readings)).toEqual(readings);
  });

  it('status flags: a set in table order as a bitmask, any other order or repeats as a list', () => {
    const readings: Reading[] = [
      { type: 'status', device: DEVICE, flags: [], time: T },
      { type: 'status', device: DEVICE, flags: ['probe-off', 'searching', 'test-data'], time: T },
      { type: 'status', device: DEVICE, flags: ['lead-off', 'probe-off', 'lead-off'], time: T },
    ];
    expect(roundTrip(readings)).toEqual(readings);
  });

  it('times at the ends of the ISO range, before the epoch and far from the batch base', () => {
    const readings = ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z'].map(
      (t) => numeric('MDC_PULS_OXIM_SAT_O2', 97, t),
    );
    expect(roundTrip(readings)).toEqual(readings);
  });

  it('keeps 3-lead ECG runs compact: continuation records, about one byte per quiet sample', () => {
    const leads = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II', 'MDC_ECG_ELEC_POTL_III'] as const;
    const readings: Reading[] = [];
    for (let run = 0; run < 4; run++) {
      for (const metric of leads) {
        const samples = Array.from(
          { length: 10 },
          (_, i) => Math.round(Math.sin(run * 10 + i) * 20) / 1000 + 0,
        );
        readings.push({ ...ecg(samples, new Date(Date.parse(T) + run * 40).toISOString()), metric });
      }
    }
    const { batch } = encodeBatch(readings);
    expect(roundTrip(readings)).toEqual(readings);
    expect(batch.length).toBeLessThan(120 * 1.25 + 40);
  });

  it('leaves out, with a reason, readings the wire cannot carry', () => {
    const { messages } = encodeBatch([numeric('MDC_PULS_OXIM_SAT_O2', 97)]);
    expect(messages.length).toBe(1);
    expect(() => encodeBatch([numeric('MDC_PULS_OXIM_SAT_O2', 97, '2026-11-25')])).toThrow(/time/);
    expect(() => encodeBatch([numeric('MDC_PULS_OXIM_SAT_O2', Number.NaN)])).toThrow(/finite/);
    expect(() => encodeBatch([{ ...ecg([1]), rateHz: 0 }])).toThrow(/rate/);
  });
});

describe('vitals codec: control messages and refusals', () => {
  const messages: ControlMessage[] = [
    { kind: 'hello', sessionId: 'station-7f3a', epochMs: EPOCH_MS, firstSeq: 1234 },
    { kind: 'hello', sessionId: 'é', epochMs: -5, firstSeq: 0 },
    {
      kind: 'dict',
      entries: [
        { table: 'device', index: 0, text: DEVICE },
        { table: 'metric', index: 0, text: 'MDC_PULS_OXIM_PLETH' },
        { table: 'unit', index: 0, text: '1' },
        { table: 'series', index: 0, device: 0, metric: 0, unit: 0, rateHz: 62.5 },
        { table: 'series', index: 1, device: 0, metric: 0, unit: 0, rateHz: null },
      ],
    },
    { kind: 'ack', nextSeq: 17, ranges: [] },
    {
      kind: 'ack',
      nextSeq: 17,
      ranges: [
        { from: 19, to: 19 },
        { from: 21, to: 400 },
      ],
    },
    { kind: 'ping', id: 3, sentAtMs: 123.456 },
    { kind: 'pong', id: 3, pingSentAtMs: 123.456, receivedAtMs: 1e12 + 0.5, sentAtMs: 1e12 + 0.75 },
  ];

  it.each(messages.map((m) => [m.kind, m] as const))('%s round-trips', (_kind, message) => {
    expect(decodeMessage(encodeMessage(message), null)).toEqual({ ok: true, value: message });
  });

  it('refuses a wrong version, an unknown kind, trailing bytes, oversized input, and batches before hello', () => {
    const ping = encodeMessage({ kind: 'ping', id: 1, sentAtMs: 1 });
    const reseal = (bytes: number[]): Uint8Array => {
      const out = Uint8Array.from([...bytes, 0]);
      out[out.length - 1] = crcOf(out.subarray(0, -1));
      return out;
    };
    const body = [...ping.subarray(1, -1)];
    expect(decodeMessage(reseal([0x35, ...body]), null)).toMatchObject({
      ok: false,
      error: { message: /version 3/ },
    });
    expect(decodeMessage(reseal([0x1f, ...body]), null)).toMatchObject({
      ok: false,
      error: { message: /unknown message kind/ },
    });
    expect(decodeMessage(reseal([...ping.subarray(0, -1), 7]), null)).toMatchObject({
      ok: false,
      error: { message: /trailing/ },
    });
    expect(decodeMessage(new Uint8Array(300_000), null)).toMatchObject({
      ok: false,
      error: { message: /over 262144/ },
    });
    expect(decodeMessage(new Uint8Array(0), null)).toMatchObject({
      ok: false,
      error: { message: /truncated/ },
    });
    const { batch } = encodeBatch([numeric('MDC_PULS_OXIM_SAT_O2', 97)]);
    expect(decodeMessage(batch, null)).toMatchObject({ ok: false, error: { message: /before hello/ } });
  });

  it('refuses a batch naming dictionary entries the receiver never got', () => {
    const readings = [numeric('MDC_PULS_OXIM_SAT_O2', 97)];
    const { batch } = encodeBatch([numeric('MDC_TEMP_BODY', 37), ...readings]);
    expect(decodeMessage(batch, dictionaryFor(readings))).toMatchObject({
      ok: false,
      error: { message: /unknown series/ },
    });
  });

  it('skips and counts readings of a metric this build does not know (a newer sender)', () => {
    const { messages, batch } = encodeBatch([numeric('MDC_PULS_OXIM_SAT_O2', 97)]);
    const dict = decodeMessage(messages[0], null);
    if (!dict.ok || dict.value.kind !== 'dict') throw new Error('no dict');
    const renamed = dict.value.entries.map((e) =>
      e.table === 'metric' ? { ...e, text: 'MDC_FROM_THE_FUTURE' } : e,
    );
    const decoded = decodeWith([encodeMessage({ kind: 'dict', entries: renamed })], batch);
    expect(decoded).toMatchObject({ readings: [], skipped: 1 });
  });
});

function crcOf(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
