import { masimoAscii } from '../../../src/devices/masimo-ascii';
import { decodeGuarded, line, PI, PULSE, SPO2, valuesOf } from '../oximetry/guarded-output';

/**
 * Masimo ASCII 1 lines written by hand from PROTOCOL.md (the [yahnatan] sample line with one field
 * changed): EXC bits that void, dashes as the "no value" marker, and the Rad-8 measurement range.
 */
const lineWith = (fields: { spo2?: string; bpm?: string; pi?: string; exc?: string }): Uint8Array =>
  line(
    `02/22/16 22:47:45 SN=0000056661 SPO2=${fields.spo2 ?? '098'}% BPM=${fields.bpm ?? '097'} ` +
      `PI=${fields.pi ?? '03.60'}% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 ` +
      `EXC=${fields.exc ?? '000800'}`,
  );
const decode = (...lines: Uint8Array[]) => decodeGuarded(masimoAscii, lines);

describe('Masimo: exception bits win over the numbers', () => {
  it.each([
    ['000020', 'probe-off', 'sensor off'],
    ['000001', 'sensor-disconnected', 'no sensor'],
    ['000002', 'probe-error', 'defective sensor'],
    ['000080', 'probe-error', 'unrecognized sensor'],
    ['000008', 'searching', 'pulse search'],
  ])('EXC=%s raises %s (%s): SpO2, pulse and PI null, status first', (exc, flag) => {
    const out = decode(lineWith({ exc }));
    expect(out.sequence).toEqual([`flags:${flag}`, `${SPO2}=null`, `${PULSE}=null`, `${PI}=null`]);
  });

  it('low perfusion, interference, low signal IQ qualify without voiding; SET mode (800) is no condition', () => {
    const out = decode(lineWith({ exc: '000414' }));
    expect(out.statuses[0].flags).toEqual(['low-perfusion', 'artifact', 'low-signal-quality']);
    expect(valuesOf(out, SPO2)).toEqual([98]);
    expect(decode(lineWith({ exc: '000800' })).statuses[0].flags).toEqual([]);
    const ambientLight = decode(lineWith({ exc: '000040' }));
    expect(ambientLight.statuses[0].flags).toEqual(['artifact']);
    expect(valuesOf(ambientLight, SPO2)).toEqual([98]);
  });
});

describe('Masimo: markers and the Rad-8 measurement range', () => {
  it('dashes are the "no value" marker: null', () => {
    const out = decode(lineWith({ spo2: '---', bpm: '---', pi: '--.--' }));
    expect(out.sequence.slice(1)).toEqual([`${SPO2}=null`, `${PULSE}=null`, `${PI}=null`]);
  });

  it('pulse 864 /min (issue 11) is dropped as a counted value error, never a reading', () => {
    const out = decode(lineWith({ bpm: '864' }));
    expect(out.valueErrors).toEqual([`${PULSE}=864`]);
    expect(valuesOf(out, PULSE)).toEqual([]);
    expect(valuesOf(out, SPO2)).toEqual([98]);
    expect(out.stats.outOfRange).toBe(1);
  });

  it('Rad-8 range: pulse 25–240, SpO2 1–100 %, PI 0.02–20 %', () => {
    const inside = decode(
      lineWith({ bpm: '025', spo2: '001', pi: '00.02' }),
      lineWith({ bpm: '240', pi: '20.00' }),
    );
    expect(inside.valueErrors).toEqual([]);
    expect(valuesOf(inside, PULSE)).toEqual([25, 240]);
    const outside = decode(
      lineWith({ bpm: '024', spo2: '000', pi: '00.01' }),
      lineWith({ bpm: '241', pi: '20.01' }),
    );
    expect(outside.valueErrors).toEqual([
      `${SPO2}=0`,
      `${PULSE}=24`,
      `${PI}=0.01`,
      `${PULSE}=241`,
      `${PI}=20.01`,
    ]);
    expect(outside.stats.outOfRange).toBe(5);
  });

  it('SpO2 above 100 % drops the line as out-of-range', () => {
    expect(decode(lineWith({ spo2: '101' })).frameErrors).toEqual(['out-of-range']);
  });
});
