import fc from 'fast-check';
import { EXC } from '../../../src/devices/masimo-ascii/constants';
import { formatLine } from '../../../src/devices/masimo-ascii/device-encoder';
import { exceptionFlags } from '../../../src/devices/masimo-ascii/exceptions';
import { parseLine, type MasimoLine } from '../../../src/devices/masimo-ascii/frames';

/** The Rad-8 sample line of reference/device-protocols.md §4.1 (yahnatan/pulseox README). */
const RAD8_SAMPLE =
  '02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800';

const BASE_LINE: MasimoLine = {
  deviceTime: '02/22/16 22:47:45',
  serialNumber: '0000056661',
  spo2: 98,
  pulseRate: 97,
  perfusionIndex: 3.6,
  spco: null,
  spmet: null,
  sphb: undefined,
  spoc: undefined,
  desat: null,
  piDelta: null,
  pvi: undefined,
  alarm: 0,
  exceptions: 0x800,
  exceptions1: undefined,
};

describe('Masimo ASCII 1 lines: document vectors (device-protocols §4.1)', () => {
  it('decodes the Rad-8 sample line; dashes are null', () => {
    expect(parseLine(RAD8_SAMPLE)).toEqual(BASE_LINE);
    expect(formatLine(BASE_LINE)).toBe(RAD8_SAMPLE);
  });

  it('decodes the Radical-7 layout (PVI before ALARM, as in the OpenICE grammar)', () => {
    // Radical-7 service-manual sample quoted by masimo-datacapture: everything dashed.
    const line =
      '05/15/07 08:12:21 SN=0000070986 SPO2=---% BPM=--- PI=--.--% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- PVI=--- ALARM=0000 EXC=000000';
    expect(parseLine(line)).toEqual({
      ...BASE_LINE,
      deviceTime: '05/15/07 08:12:21',
      serialNumber: '0000070986',
      spo2: null,
      pulseRate: null,
      perfusionIndex: null,
      pvi: null,
      exceptions: 0,
    });
    expect(parseLine(line.replace('PVI=---', 'PVI=14').replace('SPO2=---', 'SPO2=097'))).toMatchObject({
      spo2: 97,
      pvi: 14,
    });
  });

  it('decodes the Radical-7 "color" firmware line (SPHB, SPOC, RESVD, EXC1; PI without %)', () => {
    const line =
      '03/17/16 19:19:36 SN=---------- SPO2=098% BPM=123 PI=00.55 SPCO=--% SPMET=--.-% SPHB=--.- SPOC=-- RESVD=--- DESAT=-- PIDELTA=+-- PVI=--- ALARM=000000 EXC=0000C00 EXC1=00000000';
    expect(parseLine(line)).toEqual({
      ...BASE_LINE,
      deviceTime: '03/17/16 19:19:36',
      serialNumber: '----------',
      spo2: 98,
      pulseRate: 123,
      perfusionIndex: 0.55,
      sphb: null,
      spoc: null,
      pvi: null,
      exceptions: 0xc00,
      exceptions1: 0,
    });
  });

  it('decodes a Rad-8 line without PI/SpCO/SpMet (no sensor, EXC 001)', () => {
    const line =
      '03/19/16 13:37:12 SN=0000093112 SPO2=---% BPM=--- DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000001';
    expect(parseLine(line)).toMatchObject({
      spo2: null,
      pulseRate: null,
      perfusionIndex: undefined,
      spco: undefined,
      exceptions: EXC.noSensor,
    });
  });

  it('recognises an ASCII 2 trend record and rejects it with a clear reason', () => {
    expect(parseLine('09/21/08 09:56:12 SpO2=097 PR=069 PI=04.69 EXC=800:SET')).toMatchObject({
      kind: 'frame-error',
      code: 'unknown-type',
      detail: expect.stringMatching(/ASCII 1/) as unknown,
    });
  });
});

describe('Masimo ASCII 1 lines: one hand-built line per field and flag', () => {
  it('reads each optional field, signed PIDELTA and hex ALARM/EXC/EXC1', () => {
    const line: MasimoLine = {
      ...BASE_LINE,
      spco: 1.5,
      spmet: 0.8,
      sphb: 13.4,
      spoc: 19,
      desat: 4,
      piDelta: -3,
      pvi: 17,
      alarm: 0x12,
      exceptions: 0xc14,
      exceptions1: 0xdeadbeef,
    };
    const text = formatLine(line);
    expect(text).toContain('SPCO=01.5% SPMET=00.8% SPHB=13.4 SPOC=19 DESAT=04 PIDELTA=-03 PVI=017');
    expect(text).toContain('ALARM=0012 EXC=000C14 EXC1=DEADBEEF');
    expect(parseLine(text)).toEqual(line);
    expect(parseLine(text.replace('PIDELTA=-03', 'PIDELTA=+07'))).toMatchObject({ piDelta: 7 });
  });

  it.each([
    [EXC.noSensor, ['sensor-disconnected']],
    [EXC.defectiveSensor, ['probe-error']],
    [EXC.lowPerfusion, ['low-perfusion']],
    [EXC.pulseSearch, ['searching']],
    [EXC.interference, ['artifact']],
    [EXC.sensorOff, ['probe-off']],
    [EXC.ambientLight, ['artifact']],
    [EXC.unrecognizedSensor, ['probe-error']],
    [EXC.lowSignalIq, ['low-signal-quality']],
    [EXC.setMode, []],
    [0x100 | 0x200 | 0x1000, []],
    [
      EXC.sensorOff | EXC.pulseSearch | EXC.interference | EXC.ambientLight,
      ['probe-off', 'searching', 'artifact'],
    ],
  ])('EXC %s → %j', (exceptions, flags) => {
    const parsed = parseLine(formatLine({ ...BASE_LINE, exceptions }));
    expect(parsed).toMatchObject({ exceptions });
    expect(exceptionFlags(exceptions)).toEqual(flags);
  });

  it('rejects lines that break the grammar, and SpO2 above 100 %', () => {
    const malformed = [
      '',
      'hello',
      RAD8_SAMPLE.replace('SPO2=098%', 'SPO2=098'), // % missing
      RAD8_SAMPLE.replace('BPM=097 ', ''), // required field missing
      RAD8_SAMPLE.replace('BPM=097 PI=03.60%', 'PI=03.60% BPM=097'), // wrong order
      RAD8_SAMPLE.replace('EXC=000800', 'EXC=0008G0'), // not hex
      RAD8_SAMPLE.replace('SPO2=098%', 'SPO2=0:8%'), // corrupted digit
      RAD8_SAMPLE.replace('22:47:45', '22:47'), // timestamp cut
      RAD8_SAMPLE.replace('PI=03.60%', 'PI=03.6.0%'),
      `${RAD8_SAMPLE} EXTRA=1`,
      RAD8_SAMPLE.slice(0, 60),
    ];
    for (const text of malformed)
      expect(parseLine(text)).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    expect(parseLine(RAD8_SAMPLE.replace('SPO2=098%', 'SPO2=101%'))).toMatchObject({ code: 'out-of-range' });
    // Leading and trailing blanks around a valid line are tolerated.
    expect(parseLine(`  ${RAD8_SAMPLE}  `)).toEqual(BASE_LINE);
  });

  it('every field round-trips through the device encoder', () => {
    const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(nullable(arb), { nil: undefined });
    const arb = fc.record({
      deviceTime: fc.constant('12/31/25 23:59:59'),
      serialNumber: fc.stringMatching(/^[0-9]{10}$/),
      spo2: nullable(fc.nat({ max: 100 })),
      pulseRate: nullable(fc.nat({ max: 300 })),
      perfusionIndex: optional(fc.nat({ max: 2000 }).map((h) => h / 100)),
      spco: optional(fc.nat({ max: 999 }).map((t) => t / 10)),
      spmet: optional(fc.nat({ max: 999 }).map((t) => t / 10)),
      sphb: optional(fc.nat({ max: 250 }).map((t) => t / 10)),
      spoc: optional(fc.nat({ max: 35 })),
      desat: optional(fc.nat({ max: 99 })),
      piDelta: optional(fc.integer({ min: -99, max: 99 })),
      pvi: optional(fc.nat({ max: 100 })),
      alarm: fc.nat({ max: 0xffff }),
      exceptions: fc.nat({ max: 0xffffff }),
      exceptions1: fc.option(fc.nat({ max: 0xffffffff }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, (line: MasimoLine) => void expect(parseLine(formatLine(line))).toEqual(line)),
      { numRuns: 500 },
    );
  });
});
