import {
  ADS1299_MAX_COUNT,
  AUX_BYTES,
  CHANNEL_BYTES,
  CHANNELS,
  END_OF_TEXT,
  FOOTER,
  HEADER,
  OFFSET,
  PACKET_LENGTH,
} from './constants';
import { mvPerCount } from './frames';

/** Board → host bytes, for the simulator and tests. The inverse of frames.ts. */

export interface PacketFields {
  readonly sampleNumber: number;
  /** Counts of channels 1..8 (missing channels send 0). */
  readonly channels: readonly number[];
  /** Low nibble of the footer (0 = standard with accelerometer). */
  readonly footerKind?: number;
  readonly aux?: readonly number[];
}

export function encodePacket(fields: PacketFields): Uint8Array {
  const bytes = new Uint8Array(PACKET_LENGTH);
  bytes[0] = HEADER;
  bytes[OFFSET.sampleNumber] = fields.sampleNumber & 0xff;
  for (let c = 0; c < CHANNELS; c++) {
    const counts = fields.channels[c] ?? 0;
    if (!Number.isInteger(counts) || counts < -ADS1299_MAX_COUNT - 1 || counts > ADS1299_MAX_COUNT) {
      throw new TypeError(`channel ${c + 1}: ${counts} is not a 24-bit signed count`);
    }
    const at = OFFSET.firstChannel + c * CHANNEL_BYTES;
    bytes[at] = (counts >> 16) & 0xff;
    bytes[at + 1] = (counts >> 8) & 0xff;
    bytes[at + 2] = counts & 0xff;
  }
  const aux = fields.aux ?? [];
  for (let k = 0; k < AUX_BYTES; k++) bytes[OFFSET.aux + k] = (aux[k] ?? 0) & 0xff;
  bytes[OFFSET.footer] = FOOTER | ((fields.footerKind ?? 0) & 0x0f);
  return bytes;
}

/** 16-bit signed accelerometer counts X, Y, Z as the six aux bytes of a 0xC0 packet. */
export function accelerometerAux(x: number, y: number, z: number): number[] {
  return [x, y, z].flatMap((v) => [(v >> 8) & 0xff, v & 0xff]);
}

/** mV → counts at `gain`, clamped to the ADC's range (the ADS1299 saturates). */
export function mvToCounts(mv: number, gain: number): number {
  const counts = Math.round(mv / mvPerCount(gain));
  return Math.max(-ADS1299_MAX_COUNT - 1, Math.min(ADS1299_MAX_COUNT, counts));
}

/** A board text reply: the text then `$$$`. */
export function encodeText(text: string): Uint8Array {
  const full = text + END_OF_TEXT;
  const bytes = new Uint8Array(full.length);
  for (let i = 0; i < full.length; i++) bytes[i] = full.charCodeAt(i) & 0x7f;
  return bytes;
}
