import fc from 'fast-check';
import { cytonCommands } from '../../../src/devices/openbci-cyton';
import {
  accelerometerAux,
  encodePacket,
  encodeText,
  mvToCounts,
} from '../../../src/devices/openbci-cyton/device-encoder';
import {
  channelCounts,
  countsToMv,
  mvPerCount,
  parsePacket,
} from '../../../src/devices/openbci-cyton/frames';
import { mappedLeads } from '../../../src/devices/openbci-cyton/lead-map';
import { hexToBytes } from '../../../src/devices/framing/hex';

/** A packet from hex: A0, sample number, 8 × 3 channel bytes, 6 aux bytes, footer. */
function packet(sampleNumber: string, channels: string[], aux = '00 00 00 00 00 00', footer = 'C0') {
  const data = [...channels, ...Array<string>(8 - channels.length).fill('00 00 00')].join(' ');
  return hexToBytes(`A0 ${sampleNumber} ${data} ${aux} ${footer}`);
}

describe('Cyton packet (device-protocols §8; OpenBCI Cyton data format)', () => {
  it('is 33 bytes: A0, sample number, 8 × 24-bit signed big-endian channels, 6 aux bytes, 0xCX', () => {
    const bytes = packet('2A', ['7F FF FF', '80 00 00', 'FF FF FF', '00 00 01', '12 34 56', 'ED CB AA']);
    expect(bytes).toHaveLength(33);
    expect(parsePacket(bytes)).toMatchObject({
      sampleNumber: 42,
      channels: [8388607, -8388608, -1, 1, 0x123456, -0x123456, 0, 0],
      footerKind: 0,
    });
  });

  it('footer C0: the aux bytes are accelerometer X, Y, Z as 16-bit signed big-endian', () => {
    expect(parsePacket(packet('00', [], '00 10 FF F0 1F 40'))).toMatchObject({
      accelerometer: [16, -16, 8000],
    });
  });

  it('footers C3..C6: aux bytes 3..6 are the board time in ms (32-bit unsigned)', () => {
    for (const footer of ['C3', 'C4', 'C5', 'C6']) {
      const parsed = parsePacket(packet('00', [], '58 01 FF 00 00 01', footer));
      expect(parsed).toMatchObject({ boardTimeMs: 0xff000001, footerKind: parseInt(footer[1], 16) });
      expect(parsed).not.toHaveProperty('accelerometer');
    }
    // C1, C2 and the rest: user-defined aux bytes, passed through untouched.
    expect(parsePacket(packet('00', [], '01 02 03 04 05 06', 'C1'))).toMatchObject({
      aux: [1, 2, 3, 4, 5, 6],
      footerKind: 1,
    });
  });

  it('rejects a wrong length, header or footer', () => {
    const good = packet('00', []);
    expect(parsePacket(good.subarray(0, 32))).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    expect(parsePacket(Uint8Array.from([0xa1, ...good.subarray(1)]))).toMatchObject({ code: 'malformed' });
    for (const footer of [0x00, 0xb0, 0xd0, 0xa0]) {
      const bad = Uint8Array.from(good);
      bad[32] = footer;
      expect(parsePacket(bad)).toMatchObject({ kind: 'frame-error', code: 'malformed' });
    }
  });

  it('scales counts by 4.5 V / gain / (2^23 − 1): 0.02235 µV per count at the default gain 24', () => {
    expect(mvPerCount(24) * 1000).toBeCloseTo(0.02235, 5);
    expect(mvPerCount(1) * 1000).toBeCloseTo(0.5364, 4);
    expect(countsToMv(44_739, 24)).toBe(1);
    expect(countsToMv(-44_739, 24)).toBe(-1);
    expect(countsToMv(2, 24)).toBe(0); // 0.045 µV rounds to 0 (never -0)
    expect(Object.is(countsToMv(-2, 24), 0)).toBe(true);
    expect(countsToMv(8_388_607, 1)).toBe(4500);
  });

  it('round-trips every field; mV → counts → mV stays within half a 0.1 µV step', () => {
    const fields = fc.record({
      sampleNumber: fc.nat({ max: 255 }),
      channels: fc.array(fc.integer({ min: -8388608, max: 8388607 }), { minLength: 8, maxLength: 8 }),
      footerKind: fc.nat({ max: 15 }),
      aux: fc.array(fc.nat({ max: 255 }), { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fields, (f) => {
        const parsed = parsePacket(encodePacket(f));
        expect(parsed).toMatchObject({ ...f, channels: f.channels });
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (mv) => {
        expect(Math.abs(countsToMv(mvToCounts(mv, 24), 24) - mv)).toBeLessThan(0.00006);
      }),
      { numRuns: 500 },
    );
  });

  it('reads channels in place, allocation-free', () => {
    const bytes = Uint8Array.from([0xff, ...encodePacket({ sampleNumber: 1, channels: [5, -5, 7] })]);
    expect([0, 1, 2].map((c) => channelCounts(bytes, 1, c))).toEqual([5, -5, 7]);
  });

  it('encodes the accelerometer aux and board text', () => {
    expect(accelerometerAux(1, -1, 8000)).toEqual([0, 1, 0xff, 0xff, 0x1f, 0x40]);
    expect(new TextDecoder().decode(encodeText('ok\n'))).toBe('ok\n$$$');
  });

  it('commands are single ASCII characters: v soft reset, b start, s stop, c eight channels', () => {
    expect([
      cytonCommands.softReset(),
      cytonCommands.startStreaming(),
      cytonCommands.stopStreaming(),
      cytonCommands.eightChannels(),
    ]).toEqual([Uint8Array.of(0x76), Uint8Array.of(0x62), Uint8Array.of(0x73), Uint8Array.of(0x63)]);
  });
});

describe('Cyton lead map', () => {
  it('defaults to channels 1, 2, 3 → leads I, II, III', () => {
    expect(mappedLeads()).toEqual([
      { channel: 0, metric: 'MDC_ECG_ELEC_POTL_I' },
      { channel: 1, metric: 'MDC_ECG_ELEC_POTL_II' },
      { channel: 2, metric: 'MDC_ECG_ELEC_POTL_III' },
    ]);
  });
  it('rejects bad maps with a clear error', () => {
    expect(() => mappedLeads({})).toThrow(/no channel/);
    expect(() => mappedLeads({ 9: 'MDC_ECG_ELEC_POTL_I' } as never)).toThrow(/1\.\.8/);
    expect(() => mappedLeads({ 1: 'MDC_PULS_OXIM_SAT_O2' })).toThrow(/not an ECG lead/);
    expect(() => mappedLeads({ 1: 'MDC_ECG_ELEC_POTL_I', 2: 'MDC_ECG_ELEC_POTL_I' })).toThrow(/two channels/);
  });
});
