import { noninDf2 } from '../../../src/devices/nonin-df2';
import { noninDf7 } from '../../../src/devices/nonin-df7';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { normalize } from '../support';
import { PULSE, SPO2, T0 } from './support';

/**
 * The defects found side by side with an independent Java reader replaying a real Nonin 9560
 * capture (issue 11). The one frame quoted from that capture is `01 80 43 94 58`: frame 4 of a
 * packet, whose FLOAT byte is the firmware revision SREV 0x94 — bit 7 set, although the document
 * gives FLOAT as 0..127 (it also says reserved FLOAT bytes are "undefined (range of 0 to 255)").
 * Every other frame here is written by hand from the format #2/#7 tables in PROTOCOL.md.
 */

/** A frame with its checksum, (b0+b1+b2+b3) mod 256, computed here rather than by our encoder. */
const withChecksum = (...bytes: number[]): Uint8Array =>
  Uint8Array.of(...bytes, bytes.reduce((sum, b) => sum + b, 0) & 0xff);

const REAL_SREV_FRAME = '01 80 43 94 58';
/** FLOAT bytes of frames 5..25: STAT2 (frame 8) = 0x01, LOW BAT; the rest 0. */
const FLOATS_5_TO_25 = Array.from({ length: 21 }, (_, k) => (k + 5 === 8 ? 0x01 : 0x00));

/** One #2 packet: HR 72, SpO2 97, the real SREV frame, STAT2 low battery. */
function df2Packet(): Uint8Array {
  return concatBytes([
    withChecksum(0x01, 0x81, 0x40, 0x00), // frame 1: SYNC, HR MSB 0
    withChecksum(0x01, 0x80, 0x41, 0x48), // frame 2: HR LSB 0x48 → 72
    withChecksum(0x01, 0x80, 0x42, 0x61), // frame 3: SpO2 97
    hexToBytes(REAL_SREV_FRAME), // frame 4: SREV 0x94 (real capture)
    ...FLOATS_5_TO_25.map((float, k) => withChecksum(0x01, 0x80, 0x44 + k, float)),
  ]);
}

describe('Nonin #2 with the real 9560 SREV frame (issue 11)', () => {
  it('keeps every frame of the packet: one pleth run of 25 samples, no frame dropped', () => {
    const decoder = noninDf2.createDecoder('nonin-df2@capture');
    const events = decoder.push(concatBytes([df2Packet(), df2Packet()]), T0);
    const out = normalize(events);
    expect(out.errors).toEqual([]);
    const waveforms = events.filter((e) => e.kind === 'reading' && e.reading.type === 'waveform');
    expect(waveforms).toHaveLength(1);
    expect(out.samples).toHaveLength(50);
    expect(out.samples.slice(0, 5)).toEqual([0x40, 0x41, 0x42, 0x43, 0x44]);
    expect(decoder.stats).toMatchObject({ frames: 50, dropped: 0, skippedBytes: 0 });
  });

  it('reads STAT2 (frame 8, after the SREV frame): low battery is raised', () => {
    const out = normalize(noninDf2.createDecoder('d').push(df2Packet(), T0));
    expect(out.statuses.map((s) => s.flags)).toEqual([[], ['low-battery']]);
    expect(out.numerics.map((n) => [n.metric, n.value])).toEqual([
      [PULSE, 72],
      [SPO2, 97],
    ]);
  });
});

describe('Nonin #7: SREV with bit 7 and a misaligned window (issue 11)', () => {
  it('a #7 packet whose frame 4 carries SREV 0x94 decodes whole', () => {
    const packet = concatBytes([
      withChecksum(0x81, 0x12, 0x00, 0x00),
      withChecksum(0x80, 0x12, 0x01, 0x48),
      withChecksum(0x80, 0x12, 0x02, 0x61),
      withChecksum(0x80, 0x12, 0x03, 0x94),
      ...FLOATS_5_TO_25.map((float, k) => withChecksum(0x80, 0x12, 0x04 + k, float)),
    ]);
    const decoder = noninDf7.createDecoder('nonin-df7@capture');
    const out = normalize(decoder.push(packet, T0));
    expect(out.samples).toEqual(Array.from({ length: 25 }, (_, k) => 0x1200 + k));
    expect(out.statuses.map((s) => s.flags)).toEqual([[], ['low-battery']]);
    expect(decoder.stats.dropped).toBe(0);
  });

  it('does not take a window that passes the checksum by chance while hunting (33322 for 10752)', () => {
    // After lost bytes, the stream resumes with the last byte of a frame (its checksum, 0x80),
    // then whole frames. The window `80 82 2A 00 2C` starting on that byte passes the checksum
    // (0x80 + 0x82 + 0x2A + 0x00 = 0x12C) and would read pleth 0x822A = 33322; the device sent
    // `82 2A 00 2C D8`, pleth 0x2A00 = 10752. The window after the false one fails, so it is not a frame.
    const stream = hexToBytes('80 82 2A 00 2C D8 80 2A 10 00 BA 80 2A 20 00 CA 80 2A 30 00 DA');
    const decoder = noninDf7.createDecoder('nonin-df7@capture');
    const out = normalize(decoder.push(stream, T0));
    expect(out.samples).toEqual([10752, 10768, 10784, 10800]);
    expect(out.samples).not.toContain(33322);
    expect(decoder.stats).toMatchObject({ frames: 4, dropped: 0, skippedBytes: 1 });
  });

  it('waits for the evidence when it arrives split, and decides the same', () => {
    const stream = hexToBytes('80 82 2A 00 2C D8 80 2A 10 00 BA 80 2A 20 00 CA 80 2A 30 00 DA');
    for (let cut = 1; cut < stream.length; cut++) {
      const decoder = noninDf7.createDecoder('d');
      const events = [
        ...decoder.push(stream.subarray(0, cut), T0),
        ...decoder.push(stream.subarray(cut), T0),
      ];
      expect(normalize(events).samples).toEqual([10752, 10768, 10784, 10800]);
    }
  });

  it('three windows with more than one SYNC are no alignment (real frames have one SYNC in 25)', () => {
    // Valid-looking frames, each with SYNC set: not a stream a device sends.
    const fakes = [0, 1, 2, 3, 4].map((k) => withChecksum(0x81, 0x10, k, 0x00));
    const out = normalize(noninDf7.createDecoder('d').push(concatBytes(fakes), T0));
    expect(out.samples).toEqual([]);
  });
});
