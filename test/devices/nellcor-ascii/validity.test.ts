import { nellcorAscii } from '../../../src/devices/nellcor-ascii';
import { decodeGuarded, line, PULSE, SPO2, valuesOf } from '../oximetry/guarded-output';

/**
 * Nellcor data lines written by hand from PROTOCOL.md (time, %SpO2, BPM, PA, status codes):
 * codes that void, dashes as the "no value" marker, and the metric table's pulse bound (no N-595
 * range in our sources).
 */
const decode = (...texts: string[]) => decodeGuarded(nellcorAscii, texts.map(line));

describe('Nellcor: status codes win over the numbers', () => {
  it.each([
    ['SO', 'probe-off', 'sensor off'],
    ['SD', 'sensor-disconnected', 'sensor disconnect'],
    ['PS', 'searching', 'pulse search'],
    ['LP', 'pulse-lost', 'loss of pulse'],
  ])('%s raises %s (%s): SpO2 and pulse null, status first', (code, flag) => {
    const out = decode(`12-NOV-97 14:00:05 97 72 50 ${code}`);
    expect(out.sequence).toEqual([`flags:${flag}`, `${SPO2}=null`, `${PULSE}=null`]);
  });

  it('LM (loss of pulse / interference) voids; MO (interference) and LB only qualify', () => {
    expect(valuesOf(decode('12-NOV-97 14:00:05 97 72 50 LM'), SPO2)).toEqual([null]);
    const qualified = decode('12-NOV-97 14:00:05 97 72 50 MO LB');
    expect(qualified.statuses[0].flags).toEqual(['artifact', 'low-battery']);
    expect(valuesOf(qualified, SPO2)).toEqual([97]);
  });
});

describe('Nellcor: codes that are settings or alarms, not conditions of the measurement', () => {
  it('PH / PL / SH / SL raise alarm; AO / AS raise nothing; none voids', () => {
    const out = decode(
      '12-NOV-97 14:00:05 97 72 50 PH SL',
      '12-NOV-97 14:00:06 97 72 50 AO AS',
      '12-NOV-97 14:00:07 97 72 50 PL SH',
    );
    expect(out.statuses.map((s) => s.flags)).toEqual([['alarm'], [], ['alarm']]);
    expect(valuesOf(out, SPO2)).toEqual([97, 97, 97]);
  });
});

describe('Nellcor: markers and ranges', () => {
  it('dashes are the "no value" marker: null', () => {
    const out = decode('12-NOV-97 14:00:06   ---   ---   ---');
    expect(valuesOf(out, SPO2)).toEqual([null]);
    expect(valuesOf(out, PULSE)).toEqual([null]);
  });

  it('pulse 968 /min (issue 11) is dropped as a counted value error, never a reading', () => {
    const out = decode('12-NOV-97 14:00:05 97 968 50');
    expect(out.valueErrors).toEqual([`${PULSE}=968`]);
    expect(valuesOf(out, PULSE)).toEqual([]);
    expect(valuesOf(out, SPO2)).toEqual([97]);
    expect(out.stats.outOfRange).toBe(1);
  });

  it('pulse 350 is the table bound, 351 is out; SpO2 above 100 % drops the line', () => {
    const out = decode('12-NOV-97 14:00:05 97 350 50', '12-NOV-97 14:00:06 97 351 50');
    expect(valuesOf(out, PULSE)).toEqual([350]);
    expect(out.valueErrors).toEqual([`${PULSE}=351`]);
    expect(decode('12-NOV-97 14:00:05 101 72 50').frameErrors).toEqual(['out-of-range']);
  });
});
