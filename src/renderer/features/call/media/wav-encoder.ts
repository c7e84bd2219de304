/**
 * Lossless WAV (RIFF, PCM, 16-bit little-endian) from Web Audio's float samples: what a doctor's
 * audio software and the FHIR Media export can both read, with no codec between the stethoscope
 * and the record. Pure: no Web Audio here, so it is tested bit for bit.
 */
export const WAV_HEADER_BYTES = 44;
const MAX_SAMPLE_RATE = 384_000;

/** One float sample in [-1, 1] as a signed 16-bit integer (clamped; -1 → -32768, 1 → 32767). */
export function toPcm16(sample: number): number {
  if (Number.isNaN(sample)) return 0;
  const clamped = Math.max(-1, Math.min(1, sample));
  return clamped < 0 ? Math.round(clamped * 0x8000) : Math.round(clamped * 0x7fff);
}

/** Channels of equal length, interleaved into one 16-bit PCM WAV file. */
export function encodeWav(channels: readonly Float32Array[], sampleRate: number): Uint8Array {
  if (channels.length === 0 || channels.length > 8) throw new RangeError('WAV: 1 to 8 channels');
  if (!Number.isInteger(sampleRate) || sampleRate <= 0 || sampleRate > MAX_SAMPLE_RATE)
    throw new RangeError(`WAV: sample rate must be a whole number of Hz up to ${MAX_SAMPLE_RATE}`);
  const frames = channels[0]?.length ?? 0;
  if (channels.some((channel) => channel.length !== frames))
    throw new RangeError('WAV: every channel must have the same number of samples');
  const blockAlign = channels.length * 2;
  const dataBytes = frames * blockAlign;
  const bytes = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size for PCM
  view.setUint16(20, 1, true); // format: PCM
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true); // byte rate
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  let offset = WAV_HEADER_BYTES;
  for (let frame = 0; frame < frames; frame++) {
    for (const channel of channels) {
      view.setInt16(offset, toPcm16(channel[frame] ?? 0), true);
      offset += 2;
    }
  }
  return bytes;
}

/** Joins the blocks an audio callback delivered into one buffer of exactly `length` samples. */
export function joinSamples(blocks: readonly Float32Array[], length: number): Float32Array {
  const joined = new Float32Array(length);
  let offset = 0;
  for (const block of blocks) {
    if (offset >= length) break;
    const part = block.subarray(0, length - offset);
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
