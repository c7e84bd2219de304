import fc from 'fast-check';
import { beurerBm58 } from '../../../src/devices/beurer-bm58';
import { BeurerBm58Decoder } from '../../../src/devices/beurer-bm58/decoder';
import { encodeRecord } from '../../../src/devices/beurer-bm58/device-encoder';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema, type NumericReading } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';
import { decodeAll, DEVICE, DOWNLOAD, measurement } from './download';

describe('BeurerBm58Decoder', () => {
  it('emits systolic, diastolic and pulse with the record time, and passes reply bytes to the host', () => {
    const events = decodeAll([DOWNLOAD]);
    expect(events.slice(0, 2)).toEqual([
      { kind: 'device-info', key: 'reply-byte', value: '55' },
      { kind: 'device-info', key: 'reply-byte', value: '04' },
    ]);
    const readings = readingsOf(events);
    readings.forEach((r) => readingSchema.parse(r));
    expect(readings.slice(0, 3)).toEqual([
      {
        type: 'numeric',
        device: DEVICE,
        metric: 'MDC_PRESS_BLD_NONINV_SYS',
        value: 120,
        unit: 'mm[Hg]',
        time: '2026-11-01T08:15:00.000Z',
      },
      {
        type: 'numeric',
        device: DEVICE,
        metric: 'MDC_PRESS_BLD_NONINV_DIA',
        value: 80,
        unit: 'mm[Hg]',
        time: '2026-11-01T08:15:00.000Z',
      },
      {
        type: 'numeric',
        device: DEVICE,
        metric: 'MDC_PULS_RATE_NON_INV',
        value: 60,
        unit: '/min',
        time: '2026-11-01T08:15:00.000Z',
      },
    ]);
    expect(readings).toHaveLength(9);
    expect(events).toContainEqual({ kind: 'device-info', key: 'reply-byte', value: 'A9' });
    expect(events).toContainEqual({
      kind: 'device-info',
      key: 'measurement',
      value: 'new',
    });
  });

  it('never re-emits a record already downloaded in the session, even after a reset', () => {
    const decoder = new BeurerBm58Decoder(DEVICE);
    const record = encodeRecord(measurement(0));
    expect(readingsOf(decoder.push(record, 0))).toHaveLength(3);
    const again = decoder.push(record, 1);
    expect(readingsOf(again)).toEqual([]);
    expect(again).toEqual([{ kind: 'device-info', key: 'measurement', value: 'already downloaded' }]);
    decoder.reset();
    expect(readingsOf(decoder.push(record, 2))).toEqual([]);
    // Same time, different values: a different measurement.
    expect(readingsOf(decoder.push(encodeRecord({ ...measurement(0), pulse: 61 }), 3))).toHaveLength(3);
  });

  it('gives identical output for a split at every byte boundary and random multi-splits', () => {
    const whole = decodeAll([DOWNLOAD]);
    for (let cut = 1; cut < DOWNLOAD.length; cut++) {
      expect(decodeAll([DOWNLOAD.subarray(0, cut), DOWNLOAD.subarray(cut)])).toEqual(whole);
    }
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: DOWNLOAD.length - 1 }), { maxLength: 20 }), (cuts) => {
        const bounds = [0, ...new Set(cuts)].sort((a, b) => a - b).concat(DOWNLOAD.length);
        expect(decodeAll(bounds.slice(1).map((end, i) => DOWNLOAD.subarray(bounds[i], end)))).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes what the simulator encoded', () => {
    const sim = beurerBm58.createSimulator({ seed: 5 });
    const out = [
      sim.receive(hexToBytes('AA A2'), 0),
      ...[1, 2, 3, 4, 5, 6].map((n) => sim.receive(Uint8Array.of(0xa3, n), n)),
    ];
    const events = decodeAll(out.map((o) => o.bytes));
    const expected = out.flatMap((o) => o.frames).filter((f) => 'MDC_PRESS_BLD_NONINV_SYS' in f);
    expect(expected).toHaveLength(5);
    const values = (readingsOf(events) as NumericReading[]).map((r) => r.value);
    expect(values).toEqual(
      expected.flatMap((f) => [
        f.MDC_PRESS_BLD_NONINV_SYS,
        f.MDC_PRESS_BLD_NONINV_DIA,
        f.MDC_PULS_RATE_NON_INV,
      ]),
    );
    expect(events.at(-1)).toEqual({ kind: 'device-info', key: 'reply-byte', value: 'A9' });
  });
});
