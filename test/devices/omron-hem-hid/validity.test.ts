import { fixedOffsetZone, UTC_ZONE, type DeviceClockZone } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import type { DecodeEvent } from '../../../src/devices/driver';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { createOmronHemHidDriver } from '../../../src/devices/omron-hem-hid';

/**
 * Hand-built replies from the libomron notes' GME example (PROTOCOL.md vectors): the record's own
 * device date and time, converted from the unit's zone, and the pulse range of the manual
 * (40–180 /min). Each altered byte is paired with a check byte recomputed by hand, so the reply
 * passes its XOR and reaches the range check.
 */
const GDC_COUNT_8 = '07 4F 4B 00 00 0A 00 08 01 02 00 00 00 00 00 00';
/** GME reply: 2007-01-03 00:06:51, SYS 112 (70), DIA 75 (4B), pulse `pr`, check `chk`. */
const gme = (pr: string, chk: string) =>
  `07 4F 4B 00 07 01 03 00 07 06 33 00 00 70 4B ${pr} 03 00 00 ${chk} 00 00 00 00`;
const OFF = '07 4F 46 46 0D 0A 00 00';

function decode(record: string, zone: DeviceClockZone = UTC_ZONE): string[] {
  const driver = createOmronHemHidDriver({ ledger: new BpRecordLedger(), zone });
  const events: DecodeEvent[] = driver
    .createDecoder('omron-hem-hid@t')
    .push(hexToBytes(`${GDC_COUNT_8} ${record} ${OFF}`), 0);
  return events.flatMap((e) =>
    e.kind === 'reading' && e.reading.type === 'numeric'
      ? [`${e.reading.time} ${e.reading.metric.replace('MDC_', '')} ${e.reading.value}`]
      : e.kind === 'value-error'
        ? [`out-of-range ${e.metric.replace('MDC_', '')} ${e.value}`]
        : e.kind === 'frame-error'
          ? [`frame-error ${e.code}`]
          : [],
  );
}

const T = '2007-01-03T00:06:51.000Z';

describe('Omron HEM stored record: device time and measurement range', () => {
  it('the document vector: 112/75, pulse 71, at the record’s own date and time', () => {
    expect(decode(gme('47', '4C'))).toEqual([
      `${T} PRESS_BLD_NONINV_SYS 112`,
      `${T} PRESS_BLD_NONINV_DIA 75`,
      `${T} PULS_RATE_NON_INV 71`,
    ]);
  });

  it('a unit set to UTC+1 shows 00:06:51 on 3 January: filed as 23:06:51Z on 2 January', () => {
    expect(decode(gme('47', '4C'), fixedOffsetZone(60))[0]).toBe(
      '2007-01-02T23:06:51.000Z PRESS_BLD_NONINV_SYS 112',
    );
  });

  it('pulse 30 (1E, check 15) and 181 (B5, check BE) are dropped; 40 (28, check 23) and 180 (B4, check BF) kept', () => {
    expect(decode(gme('1E', '15'))).toEqual([
      `${T} PRESS_BLD_NONINV_SYS 112`,
      `${T} PRESS_BLD_NONINV_DIA 75`,
      'out-of-range PULS_RATE_NON_INV 30',
    ]);
    expect(decode(gme('B5', 'BE'))[2]).toBe('out-of-range PULS_RATE_NON_INV 181');
    expect(decode(gme('28', '23'))[2]).toBe(`${T} PULS_RATE_NON_INV 40`);
    expect(decode(gme('B4', 'BF'))[2]).toBe(`${T} PULS_RATE_NON_INV 180`);
  });

  it('a pulse byte changed without its check byte is a checksum error, not a value', () => {
    expect(decode(gme('1E', '4C'))).toEqual(['frame-error checksum']);
  });

  it.each([
    // The example's date bytes changed, the check byte recomputed by hand (XOR stays 0).
    ['month 13', '07 4F 4B 00 07 0D 03 00 07 06 33 00 00 70 4B 47 03 00 00 40 00 00 00 00'],
    ['30 February', '07 4F 4B 00 07 02 1E 00 07 06 33 00 00 70 4B 47 03 00 00 52 00 00 00 00'],
    ['hour 24', '07 4F 4B 00 07 01 03 18 07 06 33 00 00 70 4B 47 03 00 00 54 00 00 00 00'],
    ['minute 60', '07 4F 4B 00 07 01 03 00 07 3C 33 00 00 70 4B 47 03 00 00 76 00 00 00 00'],
    ['second 60', '07 4F 4B 00 07 01 03 00 07 06 3C 00 00 70 4B 47 03 00 00 43 00 00 00 00'],
  ])('a record dated %s (check byte valid) is an out-of-range frame error', (_name, reply) => {
    expect(decode(reply)).toEqual(['frame-error out-of-range']);
  });
});
