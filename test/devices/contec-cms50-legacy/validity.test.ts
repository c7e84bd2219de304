import { contecCms50Legacy } from '../../../src/devices/contec-cms50-legacy';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { decodeGuarded, PULSE, SPO2, valuesOf } from '../oximetry/guarded-output';

/**
 * Legacy 5-byte frames written by hand from the PROTOCOL.md table (byte 0: sync, beep, SpO2
 * dropping, bit 4, signal; byte 2: PR bit 7, searching, probe error, bar graph).
 */
const decode = (...hex: string[]) => decodeGuarded(contecCms50Legacy, [hexToBytes(hex.join(' '))]);

describe('Contec legacy: device flags win over the numbers', () => {
  it('probe error (byte 2 bit 4): probe-off, SpO2 and pulse null, pleth sample null', () => {
    const out = decode('80 40 10 00 00');
    expect(out.sequence).toEqual(['flags:probe-off', `${SPO2}=null`, `${PULSE}=null`]);
    expect(out.samples).toEqual([null]);
  });

  it('searching (byte 2 bit 5) with 97 / 72 still in the frame: null', () => {
    expect(decode('85 33 26 48 61').sequence).toEqual(['flags:searching', `${SPO2}=null`, `${PULSE}=null`]);
  });

  it('byte 0 bit 4 ("finger out" or "searching too long", sources differ): searching-too-long, null', () => {
    expect(decode('95 33 06 48 61').sequence).toEqual([
      'flags:searching-too-long',
      `${SPO2}=null`,
      `${PULSE}=null`,
    ]);
  });

  it('pulse beep (byte 0 bit 6) and SpO2 dropping (bit 5) are flags; the numbers stay', () => {
    const out = decode('E5 33 06 41 61');
    expect(out.sequence).toEqual(['flags:low-spo2+pulse-beep', `${SPO2}=97`, `${PULSE}=65`]);
  });

  it('the [DERIVED] vectors decode to numbers; SpO2 above 100 without a flag drops the frame', () => {
    const out = decode('C5 33 06 41 61', '85 20 46 02 5F');
    expect(valuesOf(out, PULSE)).toEqual([65, 130]);
    expect(valuesOf(out, SPO2)).toEqual([97, 95]);
    const bad = decode('85 33 06 41 65');
    expect(bad.frameErrors).toEqual(['out-of-range']);
    expect(bad.numerics).toEqual([]);
  });

  it('numbers come back with the first frame after the flag clears', () => {
    const out = decode('C5 33 06 41 61', '85 33 26 48 61', 'C5 33 06 41 61');
    expect(valuesOf(out, SPO2)).toEqual([97, null, 97]);
  });
});
