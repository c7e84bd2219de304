import { checkMedia, detectMime } from '../../../src/core/records/media-check';
import { MAX_MEDIA_BYTES } from '../../../src/shared/domain/consultation';
import { sineWav, solidPng } from '../../helpers/consultation-fixture';

describe('attachment checks', () => {
  it('tells JPEG, PNG and WAV from their first bytes, and reads size and duration', () => {
    expect(detectMime(Uint8Array.of(0xff, 0xd8, 0xff, 0xdb))).toBe('image/jpeg');
    expect(checkMedia('image/png', solidPng(640, 480, [0, 0, 0]))).toEqual({ width: 640, height: 480 });
    expect(checkMedia('audio/wav', sineWav(48_000, 2, 100))).toEqual({ durationS: 2 });
  });

  it.each([
    ['empty', 'image/jpeg', new Uint8Array(0), /empty/],
    ['a PNG declared as JPEG', 'image/jpeg', solidPng(2, 2, [0, 0, 0]), /image\/png, not image\/jpeg/],
    ['HTML', 'image/png', new TextEncoder().encode('<html><script>x</script>'), /not a JPEG, PNG or WAV/],
    [
      'a RIFF that is not WAVE',
      'audio/wav',
      new TextEncoder().encode('RIFF\0\0\0\0AVI LIST'),
      /not a JPEG, PNG or WAV/,
    ],
    ['a WAV without data', 'audio/wav', sineWav(8000, 1, 100).subarray(0, 36), /no data chunk/],
    [
      'a WAV whose format chunk is cut short',
      'audio/wav',
      sineWav(8000, 1, 100).subarray(0, 30),
      /cut short/,
    ],
    ['too large', 'image/jpeg', new Uint8Array(MAX_MEDIA_BYTES + 1).fill(0xff), /larger than/],
  ] as const)('refuses %s', (_name, mime, bytes, message) => {
    expect(() => checkMedia(mime, bytes)).toThrow(message);
  });
});
