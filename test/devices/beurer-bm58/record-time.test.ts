import { createBeurerBm58Driver } from '../../../src/devices/beurer-bm58';
import { BeurerBm58Simulator } from '../../../src/devices/beurer-bm58/simulator';
import {
  fixedOffsetZone,
  LOCAL_ZONE,
  UTC_ZONE,
  type DeviceClockZone,
} from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import type { DecodeEvent } from '../../../src/devices/driver';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { runConversation } from './conversation';

/**
 * The time a BM58 record is filed at is the device's own, date included (issue 11: a record from
 * 13 days ago was filed as today's), and values outside the cuff's measurement range are refused.
 */
const NOW = Date.UTC(2026, 11, 5, 14, 20, 30);
const DAY = 86_400_000;

const bp = (events: readonly DecodeEvent[]) =>
  events.flatMap((e) =>
    e.kind === 'reading' && e.reading.type === 'numeric'
      ? [`${e.reading.time} ${e.reading.metric.replace('MDC_', '')} ${e.reading.value}`]
      : e.kind === 'value-error'
        ? [`out-of-range ${e.metric.replace('MDC_', '')} ${e.value}`]
        : [],
  );

function download(zone: DeviceClockZone, daysAgo: number, minutesAgo = 0) {
  const driver = createBeurerBm58Driver({ zone, ledger: new BpRecordLedger() });
  const simulator = new BeurerBm58Simulator({
    zone,
    recordsAgo: [{ daysAgo, minutesAgo, systolic: 128, diastolic: 84, pulse: 66 }],
  });
  const run = runConversation(driver, simulator, { startMs: NOW, untilMs: 5000 });
  return { ...run, stored: simulator.storedRecords() };
}

describe('a stored BM58 record carries its own device date and time', () => {
  it('a record measured 13 days before now is stamped 13 days before now (to the minute)', () => {
    const minuteOf = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
    const expected = minuteOf(NOW - 13 * DAY);
    expect(expected).toBe('2026-11-22T14:20:00.000Z');
    expect(bp(download(UTC_ZONE, 13).events)).toEqual([
      `${expected} PRESS_BLD_NONINV_SYS 128`,
      `${expected} PRESS_BLD_NONINV_DIA 84`,
      `${expected} PULS_RATE_NON_INV 66`,
    ]);
    expect(bp(download(UTC_ZONE, 0, 5).events)[0]).toBe('2026-12-05T14:15:00.000Z PRESS_BLD_NONINV_SYS 128');
  });

  it('the device shows local wall-clock time: a clock set in UTC+1 says 15:20, filed as 14:20Z', () => {
    const cet = fixedOffsetZone(60);
    const run = download(cet, 13);
    // What the cuff stored and sent: its display time, 2026-11-22 15:20.
    expect(run.stored).toMatchObject([{ year: 2026, month: 11, day: 22, hour: 15, minute: 20 }]);
    expect(bp(run.events)[0]).toBe('2026-11-22T14:20:00.000Z PRESS_BLD_NONINV_SYS 128');
  });

  it('the zone converts each date with the offset of that date (a record from before a DST change)', () => {
    // A made-up zone: UTC+2 from April to October, UTC+1 otherwise (as central Europe).
    const seasonal: DeviceClockZone = {
      toEpochMs: (t) => UTC_ZONE.toEpochMs(t) - (t.month >= 4 && t.month <= 10 ? 120 : 60) * 60_000,
      toWallClock: (ms) => UTC_ZONE.toWallClock(ms + 60 * 60_000),
    };
    const decoder = createBeurerBm58Driver({ zone: seasonal, ledger: new BpRecordLedger() }).createDecoder(
      'd',
    );
    // 55, count 1, record 120/80 pulse 72 on 2026-10-20 08:00 (summer time) by the device clock.
    const events = decoder.push(hexToBytes('55 01 AC 5F 37 48 0A 14 08 00 1A'), NOW);
    expect(bp(events)[0]).toBe('2026-10-20T06:00:00.000Z PRESS_BLD_NONINV_SYS 120');
  });

  it('by default the station zone reads the device clock; utcOffsetMinutes still works', () => {
    const record = hexToBytes('55 01 AC 5F 37 48 0B 16 08 27 1A'); // 2026-11-22 08:39
    const local = LOCAL_ZONE.toEpochMs({ year: 2026, month: 11, day: 22, hour: 8, minute: 39, second: 0 });
    const timeOf = (driver: ReturnType<typeof createBeurerBm58Driver>) =>
      bp(driver.createDecoder('d').push(record, NOW))[0].split(' ')[0];
    expect(timeOf(createBeurerBm58Driver({ ledger: new BpRecordLedger() }))).toBe(
      new Date(local).toISOString(),
    );
    expect(timeOf(createBeurerBm58Driver({ ledger: new BpRecordLedger(), utcOffsetMinutes: -300 }))).toBe(
      '2026-11-22T13:39:00.000Z',
    );
  });

  it('a driver carries simulator defaults, as a runner passing only { seed } gets them', () => {
    const driver = createBeurerBm58Driver({
      zone: UTC_ZONE,
      ledger: new BpRecordLedger(),
      simulator: { recordsAgo: [{ daysAgo: 13, systolic: 128, diastolic: 84, pulse: 66 }] },
    });
    const simulator = driver.createSimulator({ seed: undefined, autoStart: undefined });
    const run = runConversation(driver, simulator, { startMs: NOW, untilMs: 5000 });
    expect(bp(run.events)[0]).toBe('2026-11-22T14:20:00.000Z PRESS_BLD_NONINV_SYS 128');
  });

  it('recordsAgo keeps record order and empty options keep the seeded default memory', () => {
    const sim = new BeurerBm58Simulator({
      zone: UTC_ZONE,
      recordsAgo: [
        { daysAgo: 1, systolic: 120, diastolic: 80, pulse: 60 },
        { daysAgo: 13, systolic: 130, diastolic: 85, pulse: 70 },
      ],
    });
    sim.receive(Uint8Array.of(0xaa), NOW);
    expect(sim.storedRecords().map((r) => r && `${r.year}-${r.month}-${r.day} ${r.systolic}`)).toEqual([
      '2026-12-4 120',
      '2026-11-22 130',
    ]);
    expect(new BeurerBm58Simulator({ seed: 3 }).storedRecords()).toHaveLength(5);
  });
});

describe('BM58 measurement ranges (instructions for use): outside them a value is dropped', () => {
  const decode = (recordHex: string) =>
    bp(
      createBeurerBm58Driver({ zone: UTC_ZONE, ledger: new BpRecordLedger() })
        .createDecoder('d')
        .push(hexToBytes(`55 01 ${recordHex}`), NOW),
    );
  const T = '2026-11-25T07:30:00.000Z';

  it('SYS 50–250, DIA 30–200, pulse 40–180 are kept at their bounds', () => {
    // SYS 250 = E1 (+25), DIA 30 = 05, pulse 40 = 28
    expect(decode('AC E1 05 28 0B 19 07 1E 1A')).toEqual([
      `${T} PRESS_BLD_NONINV_SYS 250`,
      `${T} PRESS_BLD_NONINV_DIA 30`,
      `${T} PULS_RATE_NON_INV 40`,
    ]);
    // SYS 50 = 19, DIA 200 = AF, pulse 180 = B4
    expect(decode('AC 19 AF B4 0B 19 07 1E 1A')).toEqual([
      `${T} PRESS_BLD_NONINV_SYS 50`,
      `${T} PRESS_BLD_NONINV_DIA 200`,
      `${T} PULS_RATE_NON_INV 180`,
    ]);
  });

  it('SYS 251 / 49, DIA 201 / 29 and pulse 181 / 39 are out-of-range value errors', () => {
    expect(decode('AC E2 B0 B5 0B 19 07 1E 1A')).toEqual([
      'out-of-range PRESS_BLD_NONINV_SYS 251',
      'out-of-range PRESS_BLD_NONINV_DIA 201',
      'out-of-range PULS_RATE_NON_INV 181',
    ]);
    expect(decode('AC 18 04 27 0B 19 07 1E 1A')).toEqual([
      'out-of-range PRESS_BLD_NONINV_SYS 49',
      'out-of-range PRESS_BLD_NONINV_DIA 29',
      'out-of-range PULS_RATE_NON_INV 39',
    ]);
    // A pulse byte of 0 beside valid pressures: only the pulse is refused.
    expect(decode('AC 5F 37 00 0B 19 07 1E 1A')).toEqual([
      `${T} PRESS_BLD_NONINV_SYS 120`,
      `${T} PRESS_BLD_NONINV_DIA 80`,
      'out-of-range PULS_RATE_NON_INV 0',
    ]);
  });
});
