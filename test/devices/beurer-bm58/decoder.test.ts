import fc from 'fast-check';
import { beurerBm58 } from '../../../src/devices/beurer-bm58';
import { BeurerBm58Decoder } from '../../../src/devices/beurer-bm58/decoder';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import type { DecodeEvent } from '../../../src/devices/driver';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema, type NumericReading } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';
import { decodeAll, DEVICE, DOWNLOAD, downloadOf, measurement, recordTimesOf } from './download';

describe('BeurerBm58Decoder', () => {
  it('first download: emits only the newest record (any order), at the end; passes reply bytes to the host', () => {
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
        value: 122,
        unit: 'mm[Hg]',
        time: '2026-11-03T08:15:00.000Z',
      },
      {
        type: 'numeric',
        device: DEVICE,
        metric: 'MDC_PRESS_BLD_NONINV_DIA',
        value: 78,
        unit: 'mm[Hg]',
        time: '2026-11-03T08:15:00.000Z',
      },
      {
        type: 'numeric',
        device: DEVICE,
        metric: 'MDC_PULS_RATE_NON_INV',
        value: 62,
        unit: '/min',
        time: '2026-11-03T08:15:00.000Z',
      },
    ]);
    expect(readings).toHaveLength(3);
    expect(events).toContainEqual({ kind: 'device-info', key: 'reply-byte', value: 'A9' });
    expect(
      events.flatMap((e) => (e.kind === 'device-info' && e.key.startsWith('bp-') ? [e.key] : [])),
    ).toEqual([
      'bp-record-downloaded',
      'bp-record-downloaded',
      'bp-record-downloaded',
      'bp-record-skipped-history',
      'bp-record-skipped-history',
      'bp-record',
    ]);
    // Nothing before the download's end (the last of the 4 announced replies).
    expect(readingsOf(decodeAll([DOWNLOAD.subarray(0, DOWNLOAD.length - 1)]))).toEqual([]);
  });

  it('later downloads, reconnects and replugs import only records newer than the newest imported', () => {
    const ledger = new BpRecordLedger();
    const decoder = new BeurerBm58Decoder(DEVICE, { ledger });
    const times = (events: DecodeEvent[]) => [
      ...new Set(readingsOf(events).map((r) => r.type === 'numeric' && r.time)),
    ];
    expect(times(decodeAll([DOWNLOAD], decoder))).toEqual(['2026-11-03T08:15:00.000Z']);
    decoder.reset(); // a reconnect within the session
    const again = decodeAll([downloadOf([measurement(4), measurement(0), measurement(3), null])], decoder);
    expect(times(again)).toEqual(['2026-11-04T08:15:00.000Z', '2026-11-05T08:15:00.000Z']);
    expect(again).toContainEqual({
      kind: 'device-info',
      key: 'bp-record-duplicate',
      value: '2026-11-01T08:15:00.000Z',
    });
    const replugged = new BeurerBm58Decoder(DEVICE, { ledger });
    expect(times(decodeAll([downloadOf([measurement(4), measurement(2)])], replugged))).toEqual([]);
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
    const downloaded = recordTimesOf(events);
    expect(downloaded).toHaveLength(5);
    // A first download: only the newest record, with values the simulator encoded.
    const readings = readingsOf(events) as NumericReading[];
    expect(readings.map((r) => r.time)).toEqual(Array(3).fill([...downloaded].sort().at(-1)));
    const values = readings.map((r) => r.value);
    expect(
      expected.map((f) => [f.MDC_PRESS_BLD_NONINV_SYS, f.MDC_PRESS_BLD_NONINV_DIA, f.MDC_PULS_RATE_NON_INV]),
    ).toContainEqual(values);
    expect(events.at(-1)).toEqual({ kind: 'device-info', key: 'reply-byte', value: 'A9' });
  });
});
