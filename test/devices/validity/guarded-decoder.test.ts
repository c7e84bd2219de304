import fc from 'fast-check';
import { BLE_PROFILES } from '../../../src/devices/ble/profiles';
import type { DecodeEvent, Decoder, DecoderStats } from '../../../src/devices/driver';
import { DRIVERS } from '../../../src/devices/registry';
import { GuardedDecoder, guardDecoder } from '../../../src/devices/validity/guarded-decoder';
import { VOIDING_FLAGS, plausibleRangeOf } from '../../../src/devices/validity/reading-rules';
import { METRICS, METRIC_IDS, type MetricId } from '../../../src/shared/domain/metrics';
import type { Reading, StatusFlag } from '../../../src/shared/domain/readings';

const DEVICE = 'test@/dev/ttyX';
const T = '2026-11-25T09:30:00.000Z';

/** An inner decoder that emits, for each push, the next list of events it was given. */
class ScriptedDecoder implements Decoder {
  readonly stats: DecoderStats = { frames: 3, dropped: 1, skippedBytes: 7 };
  resets = 0;
  private readonly script: DecodeEvent[][];
  constructor(script: readonly DecodeEvent[][]) {
    this.script = [...script];
  }
  push(): DecodeEvent[] {
    return [...(this.script.shift() ?? [])];
  }
  reset(): void {
    this.resets++;
  }
}

const numeric = (metric: MetricId, value: number | null, time = T): DecodeEvent => ({
  kind: 'reading',
  reading: { type: 'numeric', device: DEVICE, metric, value, unit: METRICS[metric].unit, time },
});
const status = (...flags: StatusFlag[]): DecodeEvent => ({
  kind: 'reading',
  reading: { type: 'status', device: DEVICE, flags, time: T },
});
const readings = (events: DecodeEvent[]): Reading[] =>
  events.flatMap((e) => (e.kind === 'reading' ? [e.reading] : []));
const values = (events: DecodeEvent[]) =>
  readings(events).flatMap((r) => (r.type === 'numeric' ? [[r.metric, r.value]] : []));

function run(script: DecodeEvent[][], validity?: Parameters<typeof guardDecoder>[1]) {
  const inner = new ScriptedDecoder(script);
  const decoder = new GuardedDecoder(inner, validity);
  const out = script.map(() => decoder.push(new Uint8Array(0), 0));
  return { decoder, inner, out };
}

describe('GuardedDecoder: device flags beat numbers', () => {
  it.each(Object.entries(VOIDING_FLAGS))('%s voids %j', (flag, metrics = []) => {
    const { out } = run([[status(flag as StatusFlag), ...metrics.map((m) => numeric(m, 50))]]);
    expect(values(out[0])).toEqual(metrics.map((m) => [m, null]));
  });

  it('holds until a status without the flag, then lets values through again', () => {
    const { out } = run([
      [status('probe-off'), numeric('MDC_PULS_OXIM_SAT_O2', 0), numeric('MDC_PULS_OXIM_PULS_RATE', 0)],
      [numeric('MDC_PULS_OXIM_SAT_O2', 97)],
      [status('low-perfusion'), numeric('MDC_PULS_OXIM_SAT_O2', 96)],
    ]);
    expect(values(out[0])).toEqual([
      ['MDC_PULS_OXIM_SAT_O2', null],
      ['MDC_PULS_OXIM_PULS_RATE', null],
    ]);
    expect(values(out[1])).toEqual([['MDC_PULS_OXIM_SAT_O2', null]]);
    // Low perfusion qualifies a value, it does not void it.
    expect(values(out[2])).toEqual([['MDC_PULS_OXIM_SAT_O2', 96]]);
  });

  it('voids only the metrics the flag concerns: lead off leaves SpO2 alone', () => {
    const { out } = run([
      [status('lead-off'), numeric('MDC_ECG_HEART_RATE', 72), numeric('MDC_PULS_OXIM_SAT_O2', 97)],
    ]);
    expect(values(out[0])).toEqual([
      ['MDC_ECG_HEART_RATE', null],
      ['MDC_PULS_OXIM_SAT_O2', 97],
    ]);
  });

  it('forgets the flags on reset (a reconnect starts clean) and resets the inner decoder', () => {
    const inner = new ScriptedDecoder([[status('searching')], [numeric('MDC_PULS_OXIM_SAT_O2', 97)]]);
    const decoder = guardDecoder(inner);
    decoder.push(new Uint8Array(0), 0);
    decoder.reset();
    expect(values(decoder.push(new Uint8Array(0), 0))).toEqual([['MDC_PULS_OXIM_SAT_O2', 97]]);
    expect(inner.resets).toBe(1);
  });
});

describe('GuardedDecoder: impossible values are dropped and counted', () => {
  it.each([
    ['MDC_PULS_OXIM_SAT_O2', 184],
    ['MDC_PULS_OXIM_SAT_O2', -1],
    ['MDC_PRESS_BLD_NONINV_SYS', -1],
    ['MDC_ECG_HEART_RATE', 65535],
    ['MDC_PULS_OXIM_PULS_RATE', 864],
    ['MDC_TEMP_BODY', -1e127],
    ['MDC_TEMP', 1e127],
  ] as const)('%s %d', (metric, value) => {
    const { decoder, out } = run([[numeric(metric, value), numeric('MDC_RESP_RATE', 14)]]);
    expect(out[0][0]).toMatchObject({ kind: 'value-error', code: 'out-of-range', metric, value });
    expect(values(out[0])).toEqual([['MDC_RESP_RATE', 14]]);
    expect(decoder.stats).toEqual({ frames: 3, dropped: 1, skippedBytes: 7, outOfRange: 1 });
  });

  it('keeps both bounds of the table range as valid (closed interval)', () => {
    const range = METRICS.MDC_PULS_OXIM_SAT_O2.plausible;
    const { out } = run([
      [numeric('MDC_PULS_OXIM_SAT_O2', range.min), numeric('MDC_PULS_OXIM_SAT_O2', range.max)],
    ]);
    expect(values(out[0])).toEqual([
      ['MDC_PULS_OXIM_SAT_O2', 0],
      ['MDC_PULS_OXIM_SAT_O2', 100],
    ]);
  });

  it("narrows to the device's own range where the driver gives one", () => {
    const ranges = { MDC_PULS_OXIM_PULS_RATE: { min: 25, max: 240, source: 'test spec' } };
    const { out } = run(
      [[numeric('MDC_PULS_OXIM_PULS_RATE', 241), numeric('MDC_PULS_OXIM_PULS_RATE', 240)]],
      { ranges },
    );
    expect(out[0][0]).toMatchObject({ kind: 'value-error', value: 241 });
    expect(values(out[0])).toEqual([['MDC_PULS_OXIM_PULS_RATE', 240]]);
  });

  it('lets null (an invalid marker) through: it is not a value', () => {
    const { decoder, out } = run([[numeric('MDC_PULS_OXIM_SAT_O2', null)]]);
    expect(values(out[0])).toEqual([['MDC_PULS_OXIM_SAT_O2', null]]);
    expect(decoder.stats.outOfRange).toBe(0);
  });

  it('no finite number outside a range ever becomes a reading (property)', () => {
    const numericMetrics = METRIC_IDS.filter((id) => METRICS[id].plausible !== null);
    fc.assert(
      fc.property(fc.constantFrom(...numericMetrics), fc.double({ noNaN: true }), (metric, value) => {
        const { out } = run([[numeric(metric, Number.isFinite(value) ? value : 0)]]);
        const range = plausibleRangeOf(metric);
        for (const reading of readings(out[0])) {
          if (reading.type === 'numeric' && reading.value !== null && range !== null) {
            expect(reading.value).toBeGreaterThanOrEqual(range.min);
            expect(reading.value).toBeLessThanOrEqual(range.max);
          }
        }
      }),
    );
  });
});

describe('GuardedDecoder: an episodic measurement is emitted once', () => {
  it('drops a repeat of the same measurement (same value, same device time)', () => {
    const bp = () => [numeric('MDC_PRESS_BLD_NONINV_SYS', 111), numeric('MDC_PRESS_BLD_NONINV_DIA', 73)];
    const { out } = run([bp(), bp(), bp()]);
    expect(values(out[0])).toHaveLength(2);
    expect(out[1]).toEqual([]);
    expect(out[2]).toEqual([]);
  });

  it('keeps a new measurement with the same value at a new device time', () => {
    const later = '2026-11-25T09:45:00.000Z';
    const { out } = run([
      [numeric('MDC_PRESS_BLD_NONINV_SYS', 111)],
      [numeric('MDC_PRESS_BLD_NONINV_SYS', 111, later)],
    ]);
    expect(values(out[1])).toEqual([['MDC_PRESS_BLD_NONINV_SYS', 111]]);
  });

  it('never drops a continuous value that repeats: SpO2 97 every second is data', () => {
    const { out } = run([[numeric('MDC_PULS_OXIM_SAT_O2', 97)], [numeric('MDC_PULS_OXIM_SAT_O2', 97)]]);
    expect(values(out[1])).toEqual([['MDC_PULS_OXIM_SAT_O2', 97]]);
  });
});

describe('every driver and every BLE profile decodes through the guard', () => {
  it.each(DRIVERS.map((d) => [d.protocol, d] as const))('%s', (_protocol, driver) => {
    expect(driver.createDecoder('x@y')).toBeInstanceOf(GuardedDecoder);
  });
  it.each(BLE_PROFILES.map((p) => [p.protocol, p] as const))('%s', (_protocol, profile) => {
    expect(profile.createDecoder('x@y')).toBeInstanceOf(GuardedDecoder);
  });
});
