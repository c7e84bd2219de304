import { hexToBytes } from '../../../src/devices/framing/hex';
import {
  clockOfUtc,
  getTime,
  isValidClock,
  selectFormat,
  setTime,
} from '../../../src/devices/nonin/commands';
import { noninFlagNames, NONIN_FLAG } from '../../../src/devices/nonin/flags';
import { scanHostCommands } from '../../../src/devices/nonin/host-commands';

describe('Nonin host commands (device-protocols §3)', () => {
  it('select data format: 02 70 02 02 ZZ 03 for #13, #8, #7, #2', () => {
    expect(selectFormat(13)).toEqual(hexToBytes('02 70 02 02 0D 03'));
    expect(selectFormat(8)).toEqual(hexToBytes('02 70 02 02 08 03'));
    expect(selectFormat(7)).toEqual(hexToBytes('02 70 02 02 07 03'));
    expect(selectFormat(2)).toEqual(hexToBytes('02 70 02 02 02 03'));
    expect(() => selectFormat(5 as 2)).toThrow(/2, 7, 8 or 13/);
  });
  it('set time: the spec example 2050-12-31 14:30:15 → 02 72 06 32 0C 1F 0E 1E 0F 03', () => {
    const clock = { year: 2050, month: 12, day: 31, hour: 14, minute: 30, second: 15 };
    expect(setTime(clock)).toEqual(hexToBytes('02 72 06 32 0C 1F 0E 1E 0F 03'));
    expect(() => setTime({ ...clock, month: 13 })).toThrow(/month/);
    expect(() => setTime({ ...clock, year: 1999 })).toThrow(/year/);
  });
  it('get time: 02 72 00 03', () => {
    expect(getTime()).toEqual(hexToBytes('02 72 00 03'));
  });
  it('clock helpers: UTC round trip and calendar validity', () => {
    expect(clockOfUtc(Date.UTC(2050, 11, 31, 14, 30, 15))).toEqual({
      year: 2050,
      month: 12,
      day: 31,
      hour: 14,
      minute: 30,
      second: 15,
    });
    expect(isValidClock({ year: 2025, month: 2, day: 29, hour: 0, minute: 0, second: 0 })).toBe(false);
    expect(isValidClock({ year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 })).toBe(true);
  });
  it('the simulator’s command scanner finds commands among noise and keeps an unfinished one', () => {
    const bytes = hexToBytes('FF 02 99 02 70 02 02 07 03 02 72 06 32 0C 1F 0E 1E 0F 03 02 72 00');
    const scan = scanHostCommands(bytes);
    expect(scan.commands).toEqual([
      { op: 0x70, payload: [2, 7] },
      { op: 0x72, payload: [0x32, 0x0c, 0x1f, 0x0e, 0x1e, 0x0f] },
    ]);
    expect(scan.keepFrom).toBe(bytes.length - 3);
  });
});

describe('Nonin status flags', () => {
  it('lists flags in STATUS_FLAGS order', () => {
    expect(noninFlagNames(0x7f)).toEqual([
      'probe-off',
      'probe-error',
      'low-perfusion',
      'artifact',
      'low-battery',
      'out-of-track',
      'marginal-perfusion',
    ]);
    expect(noninFlagNames(NONIN_FLAG.outOfTrack | NONIN_FLAG.probeOff)).toEqual([
      'probe-off',
      'out-of-track',
    ]);
  });
});
