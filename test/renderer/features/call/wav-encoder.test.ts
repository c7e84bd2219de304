import {
  encodeWav,
  joinSamples,
  toPcm16,
  WAV_HEADER_BYTES,
} from '../../../../src/renderer/features/call/media/wav-encoder';

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, to));

describe('WAV encoder', () => {
  it('writes the canonical 44-byte PCM header, bit for bit', () => {
    const wav = encodeWav([new Float32Array([0, 0.5, -0.5])], 48_000);
    expect(wav.length).toBe(WAV_HEADER_BYTES + 6);
    // prettier-ignore
    expect([...wav.subarray(0, 44)]).toEqual([
      0x52, 0x49, 0x46, 0x46, // RIFF
      42, 0, 0, 0, // 36 + 6 data bytes
      0x57, 0x41, 0x56, 0x45, // WAVE
      0x66, 0x6d, 0x74, 0x20, // "fmt "
      16, 0, 0, 0, // fmt chunk size
      1, 0, // PCM
      1, 0, // mono
      0x80, 0xbb, 0, 0, // 48000 Hz
      0x00, 0x77, 0x01, 0, // 96000 bytes per second
      2, 0, // block align
      16, 0, // bits per sample
      0x64, 0x61, 0x74, 0x61, // data
      6, 0, 0, 0, // data bytes
    ]);
  });

  it('stores samples as 16-bit little-endian, clamped, full scale both ways', () => {
    const wav = encodeWav([new Float32Array([0, 1, -1, 0.5, -0.5, 2, -3, Number.NaN])], 8000);
    const view = new DataView(wav.buffer, WAV_HEADER_BYTES);
    const samples = Array.from({ length: 8 }, (_, i) => view.getInt16(i * 2, true));
    expect(samples).toEqual([0, 32767, -32768, 16384, -16384, 32767, -32768, 0]);
    expect(toPcm16(0.25)).toBe(8192);
  });

  it('interleaves channels frame by frame', () => {
    const wav = encodeWav([new Float32Array([1, 0]), new Float32Array([-1, 0.5])], 44_100);
    const view = new DataView(wav.buffer);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(28, true)).toBe(44_100 * 4);
    expect(view.getUint16(32, true)).toBe(4);
    expect(ascii(wav, 36, 40)).toBe('data');
    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([32767, -32768, 0, 16384]);
  });

  it('refuses what it cannot write', () => {
    expect(() => encodeWav([], 48_000)).toThrow(RangeError);
    expect(() => encodeWav([new Float32Array(1)], 0)).toThrow(/sample rate/);
    expect(() => encodeWav([new Float32Array(1)], 44_100.5)).toThrow(/sample rate/);
    expect(() => encodeWav([new Float32Array(2), new Float32Array(3)], 8000)).toThrow(/same number/);
  });

  it('joins audio blocks into exactly the length asked for', () => {
    const joined = joinSamples([new Float32Array([1, 2, 3]), new Float32Array([4, 5, 6])], 5);
    expect([...joined]).toEqual([1, 2, 3, 4, 5]);
    expect([...joinSamples([new Float32Array([1])], 3)]).toEqual([1, 0, 0]);
  });
});
