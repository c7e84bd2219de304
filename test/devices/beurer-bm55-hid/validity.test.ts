import { createBeurerBm55HidDriver } from '../../../src/devices/beurer-bm55-hid';
import { fixedOffsetZone, UTC_ZONE, type DeviceClockZone } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import { hexToBytes } from '../../../src/devices/framing/hex';

/**
 * Hand-built 8-byte reports from the PROTOCOL.md record table (no checksum exists): the record's
 * own device date and time, converted from the unit's zone, and the measurement ranges of the
 * BM55 instructions for use (SYS 50–250, DIA 30–200 mmHg, pulse 40–180 /min).
 */
const INIT_REPLY = '55 00 00 00 00 00 00 00';
const COUNT_1 = '01 00 00 00 00 00 00 00';

function decode(record: string, zone: DeviceClockZone = UTC_ZONE): string[] {
  const driver = createBeurerBm55HidDriver({ ledger: new BpRecordLedger(), zone });
  return driver
    .createDecoder('bm55@t')
    .push(hexToBytes(`${INIT_REPLY} ${COUNT_1} ${record}`), 0)
    .flatMap((e) =>
      e.kind === 'reading' && e.reading.type === 'numeric'
        ? [`${e.reading.time} ${e.reading.metric.replace('MDC_', '')} ${e.reading.value}`]
        : e.kind === 'value-error'
          ? [`out-of-range ${e.metric.replace('MDC_', '')} ${e.value}`]
          : [],
    );
}

const T = '2026-11-25T08:42:00.000Z';

describe('Beurer BM55 stored record: device time and measurement range', () => {
  it('6E 3C 48 0B 19 08 2A 1A (PROTOCOL.md example): 135/85, pulse 72, 2026-11-25 08:42', () => {
    expect(decode('6E 3C 48 0B 19 08 2A 1A')).toEqual([
      `${T} PRESS_BLD_NONINV_SYS 135`,
      `${T} PRESS_BLD_NONINV_DIA 85`,
      `${T} PULS_RATE_NON_INV 72`,
    ]);
  });

  it('the clock shows local time: a unit set to UTC+1 at 08:42 is filed at 07:42Z, same date', () => {
    expect(decode('6E 3C 48 0B 19 08 2A 1A', fixedOffsetZone(60))[0]).toBe(
      '2026-11-25T07:42:00.000Z PRESS_BLD_NONINV_SYS 135',
    );
  });

  it('the flag bits (resting, user B, arrhythmia) do not move the date', () => {
    expect(decode('6E 3C 48 8B 99 08 2A 9A')[0]).toBe(`${T} PRESS_BLD_NONINV_SYS 135`);
  });

  it('values at the bounds are kept; one past them are out-of-range value errors', () => {
    // SYS 250 (E1), DIA 30 (05), pulse 40 (28) | SYS 50 (19), DIA 200 (AF), pulse 180 (B4)
    expect(decode('E1 05 28 0B 19 08 2A 1A')).toHaveLength(3);
    expect(decode('19 AF B4 0B 19 08 2A 1A').join()).not.toContain('out-of-range');
    expect(decode('E2 B0 B5 0B 19 08 2A 1A')).toEqual([
      'out-of-range PRESS_BLD_NONINV_SYS 251',
      'out-of-range PRESS_BLD_NONINV_DIA 201',
      'out-of-range PULS_RATE_NON_INV 181',
    ]);
    expect(decode('18 04 27 0B 19 08 2A 1A')).toEqual([
      'out-of-range PRESS_BLD_NONINV_SYS 49',
      'out-of-range PRESS_BLD_NONINV_DIA 29',
      'out-of-range PULS_RATE_NON_INV 39',
    ]);
  });
});
