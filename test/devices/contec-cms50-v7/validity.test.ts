import { contecCms50V7 } from '../../../src/devices/contec-cms50-v7';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { decodeGuarded, PI, PULSE, SPO2, valuesOf } from '../oximetry/guarded-output';

/**
 * Validity rules of the V7 real-time package, pinned by packages written by hand from the
 * PROTOCOL.md table (byte 1 holds bit 7 of bytes 2..8; data bytes carry bit 7 on the wire) and by
 * the [CAP] capture vector — never by our device encoder, so a wrong constant breaks a test.
 */
const decode = (...hex: string[]) => decodeGuarded(contecCms50V7, hex.map(hexToBytes));

/** [CAP] vector: signal 5, pleth 51, bar 6, PI invalid, PR 65, SpO2 97. */
const CLEAN = '01 E0 85 B3 96 C1 E1 FF FF';
/** Probe error (byte 2 bit 7), pleth forced to 0x40, PR 0, SpO2 0, PI 0xFFFF (issue 11). */
const PROBE_ERROR = '01 E1 80 C0 80 80 80 FF FF';
/** Searching (byte 3 bit 7) with the held 72 / 97 the device keeps sending (issue 11). */
const SEARCHING = '01 E2 85 B3 96 C8 E1 FF FF';
/** Searching too long (byte 2 bit 4), PR 65, SpO2 97. */
const SEARCHING_TOO_LONG = '01 E0 95 B3 96 C1 E1 FF FF';

describe('Contec V7: device flags win over the numbers (issue 11 item 4)', () => {
  it('probe error: status first, then SpO2, pulse and PI null, never 0 %', () => {
    const out = decode(PROBE_ERROR);
    expect(out.sequence).toEqual(['flags:probe-off', `${SPO2}=null`, `${PULSE}=null`, `${PI}=null`]);
    expect(out.samples).toEqual([null]);
  });

  it('searching: 97 / 72 become null while the device searches, the pleth stays', () => {
    const out = decode(SEARCHING);
    expect(out.sequence).toEqual(['flags:searching', `${SPO2}=null`, `${PULSE}=null`, `${PI}=null`]);
    expect(out.samples).toEqual([51]);
  });

  it('searching too long voids the numbers too', () => {
    expect(decode(SEARCHING_TOO_LONG).sequence).toEqual([
      'flags:searching-too-long',
      `${SPO2}=null`,
      `${PULSE}=null`,
      `${PI}=null`,
    ]);
  });

  it('numbers come back at once when the flag clears, and go null at once when it is raised', () => {
    // One chunk: four packages 1/60 s apart, well inside the 1 s numeric refresh.
    const out = decode([CLEAN, SEARCHING, CLEAN, PROBE_ERROR].join(' '));
    expect(valuesOf(out, SPO2)).toEqual([97, null, 97, null]);
    expect(valuesOf(out, PULSE)).toEqual([65, null, 65, null]);
    expect(out.statuses.map((s) => s.flags)).toEqual([[], ['searching'], [], ['probe-off']]);
  });
});

describe('Contec V7: flags that qualify without voiding', () => {
  it('low SpO2 (byte 2 bit 5) and pulse beep (bit 6) are flags; the numbers stay', () => {
    const out = decode('01 E0 E5 B3 96 C1 E1 FF FF');
    expect(out.sequence).toEqual(['flags:low-spo2+pulse-beep', `${SPO2}=97`, `${PULSE}=65`, `${PI}=null`]);
  });
});

describe('Contec V7: invalid markers and ranges (PROTOCOL.md real-time table)', () => {
  it('SpO2 0x7F is the invalid marker: null, and the pulse rate still counts', () => {
    const out = decode('01 E0 85 B3 96 C1 FF FF FF');
    expect(valuesOf(out, SPO2)).toEqual([null]);
    expect(valuesOf(out, PULSE)).toEqual([65]);
  });

  it('SpO2 0x7E or 0x65 (126, 101 %) is no marker: the package is dropped as out-of-range', () => {
    const out = decode('01 E0 85 B3 96 C1 FE FF FF', '01 E0 85 B3 96 C1 E5 FF FF');
    expect(out.frameErrors).toEqual(['out-of-range', 'out-of-range']);
    expect(out.numerics).toEqual([]);
    expect(out.stats.dropped).toBe(2);
  });

  it('SpO2 100 % is a value; pulse 0xFF is the invalid marker', () => {
    const out = decode('01 E8 85 B3 96 FF E4 FF FF');
    expect(valuesOf(out, SPO2)).toEqual([100]);
    expect(valuesOf(out, PULSE)).toEqual([null]);
  });

  it('pulse 254 /min is a value (under the table bound of 350)', () => {
    expect(valuesOf(decode('01 E8 85 B3 96 FE E1 FF FF'), PULSE)).toEqual([254]);
  });

  it('PI: hundredths of %, little-endian; the PI-invalid bit or 0xFFFF make it null; above 22.00 % drops', () => {
    expect(valuesOf(decode('01 A0 85 B3 86 C1 E1 FA 80'), PI)).toEqual([2.5]);
    expect(valuesOf(decode('01 A0 85 B3 96 C1 E1 FA 80'), PI)).toEqual([null]);
    expect(valuesOf(decode('01 E0 85 B3 86 C1 E1 FF FF'), PI)).toEqual([null]);
    expect(valuesOf(decode('01 A0 85 B3 86 C1 E1 98 88'), PI)).toEqual([22]);
    const over = decode('01 A0 85 B3 86 C1 E1 99 88');
    expect(over.frameErrors).toEqual(['out-of-range']);
    expect(over.numerics).toEqual([]);
  });

  it('every package layout rule holds: a type with bit 7, a data byte without it, a high byte flagging bytes past the end', () => {
    expect(decode('01 E0 85 B3 96 41 E1 FF FF').frameErrors).toEqual(['malformed']);
    expect(decode('0C 80').frameErrors).toEqual([]);
    expect(decode('0C 81').frameErrors).toEqual(['malformed']);
  });
});
