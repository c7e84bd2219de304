import { BpRecordImporter, bpReadings } from '../../../src/devices/bp/bp-record';
import { LOCAL_ZONE, UTC_ZONE, wallClockError } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import type { DecodeEvent } from '../../../src/devices/driver';
import { readingSchema } from '../../../src/shared/domain/readings';

const T = Date.UTC(2026, 10, 25, 8, 30, 0);
const iso = (minutes: number) => new Date(T + minutes * 60_000).toISOString();
const importedTimes = (events: DecodeEvent[]) =>
  events.flatMap((e) => (e.kind === 'device-info' && e.key === 'bp-record' ? [e.value] : []));

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

  const at = (minutes: number) => ({
    timeMs: T + minutes * 60_000,
    systolic: 120 + minutes,
    diastolic: 80,
    pulse: 70,
  });
  const download = (importer: BpRecordImporter, records: ReturnType<typeof at>[]) => {
    const events: DecodeEvent[] = [];
    for (const record of records) importer.add(record, events);
    const atEnd: DecodeEvent[] = [];
    importer.finish(atEnd);
    expect(events.filter((e) => e.kind === 'reading')).toEqual([]); // nothing before the end
    return { events, atEnd, imported: importedTimes(atEnd) };
  };

  it('first download of a device: only the newest record, whatever the order; the rest reported', () => {
    const ledger = new BpRecordLedger();
    const { events, atEnd, imported } = download(new BpRecordImporter('a', ledger, 'unit-1'), [
      at(1),
      at(5),
      at(3),
      at(5),
    ]);
    expect(imported).toEqual([iso(5)]);
    expect(atEnd.filter((e) => e.kind === 'reading')).toHaveLength(3);
    expect(events.map((e) => e.kind === 'device-info' && e.key)).toEqual([
      'bp-record-downloaded',
      'bp-record-downloaded',
      'bp-record-downloaded',
      'bp-record-duplicate',
    ]);
    expect(atEnd.filter((e) => e.kind === 'device-info' && e.key === 'bp-record-skipped-history')).toEqual([
      { kind: 'device-info', key: 'bp-record-skipped-history', value: iso(1) },
      { kind: 'device-info', key: 'bp-record-skipped-history', value: iso(3) },
    ]);
  });

  it('later downloads and replugs: only records strictly newer than the newest imported', () => {
    const ledger = new BpRecordLedger();
    download(new BpRecordImporter('a@/dev/hidraw1', ledger, 'unit-1'), [at(1), at(5)]);
    const replug = new BpRecordImporter('a@/dev/hidraw2', ledger, 'unit-1'); // new path
    const again = download(replug, [at(5), at(1), at(3)]);
    expect(again.imported).toEqual([]);
    expect(again.events.every((e) => e.kind === 'device-info' && e.key === 'bp-record-duplicate')).toBe(true);
    expect(download(replug, [at(7), at(5), at(1)]).imported).toEqual([iso(7)]);
    expect(download(replug, [at(9), at(8), at(7)]).imported).toEqual([iso(8), iso(9)]);
    expect(download(new BpRecordImporter('b', ledger, 'unit-2'), [at(1), at(2)]).imported).toEqual([iso(2)]);
  });

  it('an unfinished download imports nothing; its records come with the next one', () => {
    const ledger = new BpRecordLedger();
    const importer = new BpRecordImporter('a', ledger, 'unit-1');
    importer.add(at(4), []);
    importer.discard();
    expect(download(importer, [at(4), at(2)]).imported).toEqual([iso(4)]);
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
