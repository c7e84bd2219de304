import { MAX_MEDIA_BYTES, type MediaMime } from '../../shared/domain/consultation';
import { AppErrorException } from '../../shared/result';

/**
 * What an attachment really is, from its first bytes: the declared mime must match the content
 * (a renamed file or a script posing as a photo is refused), and the size must be sane. Returns
 * what the bytes tell (pixel size, duration) for the record.
 */
export interface MediaFacts {
  readonly width?: number;
  readonly height?: number;
  readonly durationS?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function checkMedia(mime: MediaMime, bytes: Uint8Array): MediaFacts {
  if (bytes.length === 0) throw bad('the attachment is empty');
  if (bytes.length > MAX_MEDIA_BYTES) throw bad(`the attachment is larger than ${MAX_MEDIA_BYTES} bytes`);
  const detected = detectMime(bytes);
  if (detected === null) throw bad(`the attachment is not a JPEG, PNG or WAV file`);
  if (detected !== mime) throw bad(`the attachment is ${detected}, not ${mime} as declared`);
  if (mime === 'image/png') return pngFacts(bytes);
  if (mime === 'audio/wav') return wavFacts(bytes);
  return {};
}

export function detectMime(bytes: Uint8Array): MediaMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE')
    return 'audio/wav';
  return null;
}

function pngFacts(bytes: Uint8Array): MediaFacts {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') throw bad('the PNG has no header chunk');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : {};
}

/** Walks the RIFF chunks for `fmt ` and `data` to compute the duration. */
function wavFacts(bytes: Uint8Array): MediaFacts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ') {
      // PCM's fmt chunk is 16 bytes; the byte rate is its 9th to 12th (file offset at + 16).
      if (size < 16 || at + 20 > bytes.length) throw bad('the WAV format chunk is cut short');
      byteRate = view.getUint32(at + 16, true);
    }
    if (id === 'data') {
      if (byteRate === 0) throw bad('the WAV has no format chunk before its data');
      return { durationS: Math.min(size, bytes.length - at - 8) / byteRate };
    }
    at += 8 + size + (size % 2);
  }
  throw bad('the WAV has no data chunk');
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function bad(message: string): AppErrorException {
  return new AppErrorException('bad-request', `consultation.attach: ${message}`);
}
