import type { DecodeEvent } from '../../../src/devices/driver';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { openBciCyton } from '../../../src/devices/openbci-cyton';
import { byLead } from './helpers';

/**
 * The only checks a Cyton packet has — header A0, footer 0xCX, the sample number — pinned by
 * packets written as hex from the PROTOCOL.md table (never through our encoder).
 */

const DEVICE = 'openbci-cyton@/dev/ttyUSB0';
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
const I = 'MDC_ECG_ELEC_POTL_I';

/** A0, sample number, channel 1 = `ch1`, channels 2..8 zero, 6 aux bytes, footer. */
function packet(sample: number, ch1: string, footer = 'C0'): string {
  const sampleHex = sample.toString(16).padStart(2, '0');
  return `A0 ${sampleHex} ${ch1} ${'00 00 00 '.repeat(7)} 00 00 00 00 00 00 ${footer}`;
}
const decode = (hex: string): { events: DecodeEvent[]; stats: unknown } => {
  const decoder = openBciCyton.createDecoder(DEVICE);
  return { events: decoder.push(hexToBytes(hex), T0), stats: decoder.stats };
};

describe('Cyton packet checks', () => {
  it('channel 1 is a 24-bit two’s complement count: 00 AE C3 = 44739 → 1 mV, FF 51 3D = −44739 → −1 mV', () => {
    const { events } = decode(
      [packet(0, '00 AE C3'), packet(1, 'FF 51 3D'), packet(2, '00 00 00')].join(' '),
    );
    expect(byLead(events).samples[I]).toEqual([1, -1, 0]);
  });

  it('every footer C0..CF closes a packet (C7..CF undocumented: passed through)', () => {
    const footers = ['C0', 'C1', 'C3', 'C6', 'C7', 'CF'];
    const { events } = decode(footers.map((f, i) => packet(i, '00 AE C3', f)).join(' '));
    expect(byLead(events).samples[I]).toHaveLength(footers.length);
  });

  it('a packet in sync with footer B0 or D0 is dropped as malformed and counted; the stream resyncs', () => {
    for (const footer of ['B0', 'D0', '00']) {
      const hex = [
        packet(0, '00 AE C3'),
        packet(1, '00 AE C3'),
        packet(2, '00 AE C3', footer),
        packet(3, '00 AE C3'),
        packet(4, '00 AE C3'),
      ];
      const { events, stats } = decode(hex.join(' '));
      expect(byLead(events).errors).toEqual(['malformed']);
      expect(byLead(events).samples[I]).toEqual([1, 1, 1, 1]);
      expect(stats).toMatchObject({ dropped: 1, lostPackets: 1 });
    }
  });

  it('a header other than A0 is not a packet: its bytes are skipped', () => {
    const fake = packet(2, '00 AE C3').replace(/^A0/, 'A1');
    const hex = [
      packet(0, '00 AE C3'),
      packet(1, '00 AE C3'),
      fake,
      packet(3, '00 AE C3'),
      packet(4, '00 AE C3'),
    ];
    const { events, stats } = decode(hex.join(' '));
    expect(byLead(events).samples[I]).toEqual([1, 1, 1, 1]);
    expect(stats).toMatchObject({ skippedBytes: 33, lostPackets: 1 });
  });

  it('the same sample number twice is dropped (no new sample); a step of 3 is two lost packets', () => {
    const { events, stats } = decode([0, 1, 1, 4].map((n) => packet(n, '00 AE C3')).join(' '));
    expect(byLead(events).samples[I]).toEqual([1, 1, 1]);
    expect(byLead(events).errors).toEqual(['malformed']);
    expect(stats).toMatchObject({ dropped: 1, lostPackets: 2 });
  });

  it('no status readings and no numerics: the stream carries no lead-off bit (PROTOCOL.md)', () => {
    const { events } = decode([0, 1, 2].map((n) => packet(n, '00 AE C3')).join(' '));
    const types = events.flatMap((e) => (e.kind === 'reading' ? [e.reading.type] : []));
    expect(new Set(types)).toEqual(new Set(['waveform']));
  });
});
