import type { DecodeEvent } from '../../../src/devices/driver';
import { geDatexS5 } from '../../../src/devices/ge-datex-s5';
import { GeDatexS5Decoder } from '../../../src/devices/ge-datex-s5/decoder';
import { readingsOf } from '../support';
import { TYPICAL_RAW, frame, record, type RawFields } from './literal-records';

/**
 * Episodic NIBP, control codes, checksum and plausible ranges of the S/5 decoder, pinned by
 * records written from the PROTOCOL.md tables (literal-records.ts).
 */

const DEVICE = 'ge-datex-s5@/dev/ttyUSB0';
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const NIBP = [
  'MDC_PRESS_BLD_NONINV_SYS',
  'MDC_PRESS_BLD_NONINV_DIA',
  'MDC_PRESS_BLD_NONINV_MEAN',
  'MDC_PULS_RATE_NON_INV',
];

const numerics = (events: readonly DecodeEvent[]) =>
  readingsOf(events).flatMap((r) => (r.type === 'numeric' ? [[r.metric, r.value, r.time] as const] : []));

describe('S/5 NIBP: one reading per cuff result, at the record where it first appears', () => {
  it('a held NIBP shown in 60 records (5 s apart) is one BP; a later result is a second one at its record', () => {
    const decoder = geDatexS5.createDecoder(DEVICE);
    const held = { ...TYPICAL_RAW, nibpSys: 11100, nibpDia: 7300, nibpMean: 8600, nibpHr: 72 };
    const later = { ...held, nibpSys: 12400 };
    const events = Array.from({ length: 70 }, (_, i) =>
      decoder.push(frame(record(i < 60 ? held : later)), T0 + i * 5000),
    ).flat();
    const bp = numerics(events).filter(([metric]) => NIBP.includes(metric));
    expect(bp).toEqual([
      ['MDC_PRESS_BLD_NONINV_SYS', 111, iso(T0)],
      ['MDC_PRESS_BLD_NONINV_DIA', 73, iso(T0)],
      ['MDC_PRESS_BLD_NONINV_MEAN', 86, iso(T0)],
      ['MDC_PULS_RATE_NON_INV', 72, iso(T0)],
      ['MDC_PRESS_BLD_NONINV_SYS', 124, iso(T0 + 60 * 5000)],
      ['MDC_PRESS_BLD_NONINV_DIA', 73, iso(T0 + 60 * 5000)],
      ['MDC_PRESS_BLD_NONINV_MEAN', 86, iso(T0 + 60 * 5000)],
      ['MDC_PULS_RATE_NON_INV', 72, iso(T0 + 60 * 5000)],
    ]);
    // The continuous numerics stream: heart rate in every record.
    expect(numerics(events).filter(([metric]) => metric === 'MDC_ECG_HEART_RATE')).toHaveLength(70);
  });

  it('"no result" (no data in all four) is emitted once, then the first result', () => {
    const decoder = new GeDatexS5Decoder(DEVICE);
    const none: RawFields = { hr: 72 };
    const bp = [none, none, none, TYPICAL_RAW, TYPICAL_RAW]
      .flatMap((fields, i) => numerics(decoder.push(frame(record(fields)), T0 + i * 5000)))
      .filter(([metric]) => NIBP.includes(metric));
    expect(bp.map(([, value, time]) => [value, time])).toEqual([
      ...Array<unknown>(4).fill([null, iso(T0)]),
      [120, iso(T0 + 15_000)],
      [80, iso(T0 + 15_000)],
      [93, iso(T0 + 15_000)],
      [70, iso(T0 + 15_000)],
    ]);
  });

  it('reset forgets the result: the next session reports it again', () => {
    const decoder = new GeDatexS5Decoder(DEVICE);
    const count = () => numerics(decoder.push(frame(record(TYPICAL_RAW)), T0)).length;
    expect(count()).toBe(9);
    expect(count()).toBe(5);
    decoder.reset();
    expect(count()).toBe(9);
  });
});

describe('S/5 control codes and checksum', () => {
  it.each([
    [-32767, '01 80', 'no data'],
    [-32766, '02 80', 'not updated'],
    [-32765, '03 80', 'discontinuity'],
    [-32764, '04 80', 'under range'],
    [-32763, '05 80', 'over range'],
    [-32762, '06 80', 'not calibrated'],
    [-32001, 'BF 82', 'the limit (≤ −32001 is a control code)'],
  ])('raw %i (%s, %s) is null', (raw) => {
    const events = new GeDatexS5Decoder(DEVICE).push(frame(record({ ...TYPICAL_RAW, hr: raw })), T0);
    expect(numerics(events)[0]).toEqual(['MDC_ECG_HEART_RATE', null, iso(T0)]);
  });

  it('raw −32000 (00 83) is a value: the first below the control codes', () => {
    const events = new GeDatexS5Decoder(DEVICE).push(frame(record({ ...TYPICAL_RAW, t1: -32000 })), T0);
    expect(numerics(events).find(([m]) => m === 'MDC_TEMP')).toEqual(['MDC_TEMP', -320, iso(T0)]);
  });

  it('a checksum off by one drops the record as checksum, counted; the next one decodes', () => {
    const decoder = new GeDatexS5Decoder(DEVICE);
    const events = [
      ...decoder.push(frame(record(TYPICAL_RAW), 1), T0),
      ...decoder.push(frame(record(TYPICAL_RAW)), T0 + 5000),
    ];
    expect(events.filter((e) => e.kind === 'frame-error')).toMatchObject([{ code: 'checksum' }]);
    expect(numerics(events)).toHaveLength(9);
    expect(decoder.stats).toMatchObject({ frames: 1, dropped: 1 });
  });
});

describe('S/5 impossible values: dropped and counted as out-of-range', () => {
  it.each([
    ['spo2', 18400, 'MDC_PULS_OXIM_SAT_O2', 184],
    ['hr', 400, 'MDC_ECG_HEART_RATE', 400],
    ['spo2Pr', 864, 'MDC_PULS_OXIM_PULS_RATE', 864],
    ['nibpSys', -100, 'MDC_PRESS_BLD_NONINV_SYS', -1],
    ['t1', 6000, 'MDC_TEMP', 60],
    ['co2Rr', 500, 'MDC_RESP_RATE', 500],
  ] as const)('%s raw %i → %s %s refused', (field, raw, metric, value) => {
    const decoder = geDatexS5.createDecoder(DEVICE);
    const events = decoder.push(frame(record({ ...TYPICAL_RAW, [field]: raw })), T0);
    expect(events.filter((e) => e.kind === 'value-error')).toMatchObject([
      { code: 'out-of-range', metric, value },
    ]);
    expect(numerics(events).map(([m]) => m)).not.toContain(metric);
    expect(numerics(events)).toHaveLength(8);
    expect(decoder.stats).toMatchObject({ frames: 1, dropped: 0, outOfRange: 1 });
  });
});
