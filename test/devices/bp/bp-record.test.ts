import { BpRecordImporter, bpReadings } from '../../../src/devices/bp/bp-record';
import { LOCAL_ZONE, UTC_ZONE, wallClockError } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import type { DecodeEvent } from '../../../src/devices/driver';
import { readingSchema } from '../../../src/shared/domain/readings';

const T = Date.UTC(2026, 10, 25, 8, 30, 0);

describe('BP records', () => {
  it('become systolic, diastolic, mean (when given) and pulse readings with the device time', () => {
    const readings = bpReadings('dev', { timeMs: T, systolic: 120, diastolic: 80, mean: 93, pulse: 70 });
    expect(readings.map((r) => r.type === 'numeric' && [r.metric, r.value, r.unit, r.time])).toEqual([
      ['MDC_PRESS_BLD_NONINV_SYS', 120, 'mm[Hg]', '2026-11-25T08:30:00.000Z'],
      ['MDC_PRESS_BLD_NONINV_DIA', 80, 'mm[Hg]', '2026-11-25T08:30:00.000Z'],
      ['MDC_PRESS_BLD_NONINV_MEAN', 93, 'mm[Hg]', '2026-11-25T08:30:00.000Z'],
      ['MDC_PULS_RATE_NON_INV', 70, '/min', '2026-11-25T08:30:00.000Z'],
    ]);
    for (const r of readings) expect(readingSchema.parse(r)).toEqual(r);
    expect(bpReadings('dev', { timeMs: T, systolic: null, diastolic: 80, pulse: 70 })).toHaveLength(3);
  });

  it('are imported once per device identity, across importers (sessions) sharing a ledger', () => {
    const ledger = new BpRecordLedger();
    const record = { timeMs: T, systolic: 120, diastolic: 80, pulse: 70 };
    const first: DecodeEvent[] = [];
    new BpRecordImporter('a@/dev/hidraw1', ledger, 'unit-1').add(record, first);
    expect(first.filter((e) => e.kind === 'reading')).toHaveLength(3);
    expect(first.at(-1)).toEqual({
      kind: 'device-info',
      key: 'bp-record',
      value: '2026-11-25T08:30:00.000Z',
    });
    const second: DecodeEvent[] = [];
    new BpRecordImporter('a@/dev/hidraw2', ledger, 'unit-1').add(record, second); // replugged: new path
    expect(second).toEqual([
      { kind: 'device-info', key: 'bp-record-duplicate', value: '2026-11-25T08:30:00.000Z' },
    ]);
    const other: DecodeEvent[] = [];
    new BpRecordImporter('b@x', ledger, 'unit-2').add(record, other);
    expect(other.filter((e) => e.kind === 'reading')).toHaveLength(3);
  });

  it('ledger: newest time, snapshot and restore, bounded memory', () => {
    const ledger = new BpRecordLedger();
    expect(ledger.latest('u')).toBeNull();
    ledger.add('u', '2026-01-02T00:00:00.000Z');
    ledger.add('u', '2026-01-01T00:00:00.000Z');
    expect(ledger.latest('u')).toBe('2026-01-02T00:00:00.000Z');
    const restored = new BpRecordLedger();
    restored.restore(ledger.snapshot());
    expect(restored.has('u', '2026-01-01T00:00:00.000Z')).toBe(true);
    for (let i = 0; i < 2000; i++) ledger.add('v', new Date(T + i * 60_000).toISOString());
    expect(ledger.snapshot().v).toHaveLength(1024);
    expect(ledger.has('v', new Date(T).toISOString())).toBe(false);
    ledger.clear();
    expect(ledger.snapshot()).toEqual({});
  });

  it('device clock: zones round-trip, impossible dates are named', () => {
    const wall = { year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 };
    expect(wallClockError(wall)).toBeNull();
    expect(UTC_ZONE.toWallClock(UTC_ZONE.toEpochMs(wall))).toEqual(wall);
    expect(LOCAL_ZONE.toWallClock(LOCAL_ZONE.toEpochMs(wall))).toEqual(wall);
    expect(wallClockError({ ...wall, year: 2023 })).toMatch(/day 29/);
    expect(wallClockError({ ...wall, month: 13 })).toMatch(/month/);
    expect(wallClockError({ ...wall, hour: 24 })).toMatch(/hour/);
    expect(wallClockError({ ...wall, minute: 60 })).toMatch(/minute/);
    expect(wallClockError({ ...wall, second: 60 })).toMatch(/second/);
  });
});
