import { frameError, type FrameError } from '../framing/frame-error';
import {
  ADS1299_MAX_COUNT,
  ADS1299_VREF_V,
  AUX_BYTES,
  CHANNEL_BYTES,
  CHANNELS,
  FOOTER,
  FOOTER_MASK,
  HEADER,
  OFFSET,
  PACKET_LENGTH,
  SAMPLE_STEPS_PER_MV,
} from './constants';

/**
 * Pure decoding of one 33-byte Cyton packet (layout: PROTOCOL.md). The packet has no checksum:
 * header 0xA0 and footer 0xCX are all there is to validate. `parsePacket` returns every field; the
 * streaming decoder uses `isPacketAt` and `channelCounts`, the same readers.
 */

export type { FrameError } from '../framing/frame-error';

export interface CytonPacket {
  readonly sampleNumber: number;
  /** ADS1299 counts of channels 1..8 (24-bit two's complement, sign-extended). */
  readonly channels: readonly number[];
  /** Low nibble of the footer: how the aux bytes read. */
  readonly footerKind: number;
  readonly aux: readonly number[];
  /** Footer C0: accelerometer X, Y, Z counts (16-bit signed; 0.002 / 2^4 g per count). */
  readonly accelerometer?: readonly [number, number, number];
  /** Footers C3..C6: board time, ms since the board started (32-bit unsigned). */
  readonly boardTimeMs?: number;
}

export function isPacketAt(bytes: Uint8Array, offset: number): boolean {
  return bytes[offset] === HEADER && (bytes[offset + OFFSET.footer] & FOOTER_MASK) === FOOTER;
}

/** Channel `channel` (0-based) of the packet at `offset`, as a signed count. */
export function channelCounts(bytes: Uint8Array, offset: number, channel: number): number {
  const at = offset + OFFSET.firstChannel + channel * CHANNEL_BYTES;
  // Shift the 24 bits to the top of an int32 and back: sign extension for free.
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8)) >> 8;
}

/** mV per count at a channel gain: 4.5 V / gain / (2^23 − 1). */
export function mvPerCount(gain: number): number {
  return (ADS1299_VREF_V * 1000) / gain / ADS1299_MAX_COUNT;
}

/** Counts → mV, rounded to 0.1 µV; `stepsPerCount` = mvPerCount(gain) × SAMPLE_STEPS_PER_MV. */
export function scaleCounts(counts: number, stepsPerCount: number): number {
  // `+ 0` turns a rounded -0 into 0.
  return Math.round(counts * stepsPerCount) / SAMPLE_STEPS_PER_MV + 0;
}

/** Counts → mV at `gain`, rounded to 0.1 µV. */
export function countsToMv(counts: number, gain: number): number {
  return scaleCounts(counts, mvPerCount(gain) * SAMPLE_STEPS_PER_MV);
}

export function parsePacket(bytes: Uint8Array): CytonPacket | FrameError {
  if (bytes.length !== PACKET_LENGTH) {
    return frameError('malformed', `a Cyton packet is ${PACKET_LENGTH} bytes, got ${bytes.length}`);
  }
  if (bytes[0] !== HEADER) return frameError('malformed', `header 0x${hex(bytes[0])} is not 0xA0`);
  const footer = bytes[OFFSET.footer];
  if ((footer & FOOTER_MASK) !== FOOTER) {
    return frameError('malformed', `footer 0x${hex(footer)} is not 0xC0..0xCF`);
  }
  const channels: number[] = [];
  for (let c = 0; c < CHANNELS; c++) channels.push(channelCounts(bytes, 0, c));
  const aux = [...bytes.subarray(OFFSET.aux, OFFSET.aux + AUX_BYTES)];
  const footerKind = footer & 0x0f;
  const packet: CytonPacket = { sampleNumber: bytes[OFFSET.sampleNumber], channels, footerKind, aux };
  if (footerKind === 0) {
    return {
      ...packet,
      accelerometer: [int16(aux[0], aux[1]), int16(aux[2], aux[3]), int16(aux[4], aux[5])],
    };
  }
  if (footerKind >= 3 && footerKind <= 6) {
    return { ...packet, boardTimeMs: ((aux[2] << 24) | (aux[3] << 16) | (aux[4] << 8) | aux[5]) >>> 0 };
  }
  return packet;
}

function int16(high: number, low: number): number {
  return ((high << 24) | (low << 16)) >> 16;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
