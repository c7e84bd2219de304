import { formatDataLine, formatHeader } from '../../../src/devices/nellcor-ascii/device-encoder';
import { parseLine, type NellcorData } from '../../../src/devices/nellcor-ascii/frames';
import { SIMULATED_HEADER } from '../../../src/devices/nellcor-ascii/simulator';
import { STATUS_CODES, statusFlags } from '../../../src/devices/nellcor-ascii/status-codes';
import fc from 'fast-check';

/** NPB-290 operator's manual sample line (reference/device-protocols.md §4.2). */
const NPB290_SAMPLE = '12-NOV-97 14:00:05 100 120 50';

const BASE: NellcorData = {
  kind: 'data',
  deviceTime: '12-NOV-97 14:00:05',
  spo2: 100,
  pulseRate: 120,
  pulseAmplitude: 50,
  starred: 0,
  codes: [],
};

describe('Nellcor lines: document vectors (device-protocols §4.2)', () => {
  it('decodes the NPB-290 sample line: time, %SpO2, BPM, PA', () => {
    expect(parseLine(NPB290_SAMPLE)).toEqual(BASE);
    expect(formatDataLine(BASE)).toBe(NPB290_SAMPLE);
  });

  it('skips the column header "TIME %SPO2 BPM PA Status" (any spacing)', () => {
    expect(parseLine('TIME %SPO2 BPM PA Status')).toEqual({ kind: 'ignored' });
    expect(parseLine('  TIME                 %SPO2  BPM  PA  Status  ')).toEqual({ kind: 'ignored' });
  });

  it('decodes aligned columns, dashes as null, and status codes', () => {
    expect(parseLine('12-NOV-97 14:00:06   ---   ---   ---  SO')).toEqual({
      ...BASE,
      deviceTime: '12-NOV-97 14:00:06',
      spo2: null,
      pulseRate: null,
      pulseAmplitude: null,
      codes: ['SO'],
    });
    expect(parseLine('12-NOV-97 14:00:07 85* 130 12 SL AS')).toMatchObject({
      spo2: 85,
      starred: 1,
      codes: ['SL', 'AS'],
    });
  });

  it('turns the header lines of the OpenICE grammar into device info', () => {
    const [instrument, settings, blank, columns] = formatHeader(SIMULATED_HEADER);
    expect(parseLine(instrument)).toEqual({
      kind: 'info',
      entries: [
        ['model', 'N-595'],
        ['firmware-version', '1.5.0.1'],
        ['firmware-crc', 'A3F1'],
        ['spo2-alarm-limits', '85-100%'],
        ['pulse-rate-alarm-limits', '40-170BPM'],
      ],
    });
    expect(parseLine(settings)).toEqual({
      kind: 'info',
      entries: [
        ['alarm-limits-mode', 'ADULT'],
        ['sat-seconds', '0'],
        ['spo2-response-mode', 'NORMAL'],
      ],
    });
    expect(blank).toBe('');
    expect(parseLine(columns)).toEqual({ kind: 'ignored' });
    expect(parseLine('N-595 VERSION 1.2.3 INFO CRC:0000 SEC: 12/31')).toEqual({
      kind: 'info',
      entries: [
        ['model', 'N-595'],
        ['firmware-version', '1.2.3'],
        ['firmware-crc', '0000'],
      ],
    });
    for (const menu of ['    Command?', 'NPB-595   Interactive Mode', '    3) Dump Trend']) {
      expect(parseLine(menu)).toEqual({ kind: 'ignored' });
    }
  });
});

describe('Nellcor lines: one hand-built line per field and code', () => {
  it.each(Object.entries(STATUS_CODES))('%s → %j', (code, flags) => {
    const parsed = parseLine(formatDataLine({ ...BASE, codes: [code] }));
    expect(parsed).toMatchObject({ codes: [code] });
    expect(statusFlags([code])).toEqual(flags);
  });

  it('lists flags once, in STATUS_FLAGS order; unknown codes raise none', () => {
    expect(statusFlags(['SL', 'PH', 'MO', 'LM', 'SO', 'ZZ'])).toEqual([
      'probe-off',
      'artifact',
      'alarm',
      'pulse-lost',
    ]);
    expect(parseLine(`${NPB290_SAMPLE} ZZ`)).toMatchObject({ codes: ['ZZ'] });
  });

  it('marks each starred value', () => {
    expect(parseLine('12-NOV-97 14:00:05 100 120* 50*')).toMatchObject({ starred: 6, pulseRate: 120 });
  });

  it('rejects lines that break the grammar, and SpO2 above 100 %', () => {
    for (const text of [
      '',
      'garbage',
      '12-NOV-97 14:00:05 100 120', // PA missing
      '12-NOV-97 14:00:05 100 120 50 so', // lower-case code
      '12-NOV-97 14:00:05 100 120 50 SOX',
      '12-XYZ-97 14:00:05 100 120 50', // not a month
      '12-NOV-97 14:00 100 120 50',
      '12-NOV-97 14:00:05 1000 120 50',
      '12-NOV-97 14:00:05 9-9 120 50',
      '12-NOV-97 14:00:05 100 120 50 1',
    ]) {
      expect(parseLine(text)).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    }
    expect(parseLine('12-NOV-97 14:00:05 101 120 50')).toMatchObject({ code: 'out-of-range' });
  });

  it('every field round-trips through the device encoder', () => {
    const code = fc.constantFrom(...Object.keys(STATUS_CODES));
    const arb = fc.record({
      kind: fc.constant('data' as const),
      deviceTime: fc.constant('01-JAN-26 00:00:00'),
      spo2: fc.option(fc.nat({ max: 100 }), { nil: null }),
      pulseRate: fc.option(fc.nat({ max: 300 }), { nil: null }),
      pulseAmplitude: fc.option(fc.nat({ max: 254 }), { nil: null }),
      starred: fc.nat({ max: 7 }),
      codes: fc.array(code, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, (line) => void expect(parseLine(formatDataLine(line))).toEqual(line)),
      { numRuns: 500 },
    );
  });
});
