import type { FrameErrorCode } from '../driver';
import { frameError, type FrameError } from '../framing/frame-error';
import {
  checksumError,
  frameChecksum,
  STATUS_BIT,
  statusFields,
  type PlethFrameFields,
  type PlethFrameLayout,
  type StatusFields,
} from '../nonin/pleth-frame';
import { AT, FORMAT, FRAME_LENGTH } from './constants';

/**
 * Format #7 frame: `STATUS PLETH_MSB PLETH_LSB FLOAT CHK`, CHK = (b0+b1+b2+b3) mod 256, pleth =
 * MSB·256 + LSB. Only STATUS > 127 marks a frame start, and pleth bytes may have bit 7 too, so a
 * window that passes the checksum is weak evidence of a frame: the decoder wants the frames after
 * it too before it takes it (../nonin/pleth-decoder.ts). Field table: PROTOCOL.md.
 */
export const DF7_LAYOUT: PlethFrameLayout = {
  format: FORMAT,
  statusAt: AT.status,
  couldStart: (bytes, i) => (bytes[i] & STATUS_BIT.marker) !== 0,
  check(bytes, i): FrameErrorCode | null {
    if (!(bytes[i] & STATUS_BIT.marker)) return 'malformed';
    return checksumError(bytes, i);
  },
  read(bytes, i, out) {
    out.status = bytes[i];
    out.pleth = (bytes[i + AT.plethMsb] << 8) | bytes[i + AT.plethLsb];
    out.float = bytes[i + AT.float];
  },
  encode(f: PlethFrameFields): Uint8Array {
    const frame = Uint8Array.of(f.status, (f.pleth >> 8) & 0xff, f.pleth & 0xff, f.float, 0);
    frame[AT.checksum] = frameChecksum(frame, 0);
    return frame;
  },
};

export interface Df7Frame extends StatusFields {
  /** 0..65535. */
  readonly pleth: number;
  /** 0..255 (reserved bytes are undefined); its meaning depends on the frame number in the packet (../nonin/packet.ts). */
  readonly float: number;
}

/** Validates and decodes one whole frame. */
export function parseFrame(bytes: Uint8Array): Df7Frame | FrameError {
  if (bytes.length !== FRAME_LENGTH) {
    return frameError('malformed', `a format #7 frame is ${FRAME_LENGTH} bytes, got ${bytes.length}`);
  }
  const error = DF7_LAYOUT.check(bytes, 0);
  if (error !== null) return frameError(error, describe(error, bytes));
  return {
    ...statusFields(bytes[AT.status]),
    pleth: (bytes[AT.plethMsb] << 8) | bytes[AT.plethLsb],
    float: bytes[AT.float],
  };
}

function describe(code: FrameErrorCode, bytes: Uint8Array): string {
  if (code === 'checksum') return `checksum ${bytes[AT.checksum]}, expected ${frameChecksum(bytes, 0)}`;
  return 'STATUS lacks bit 7';
}
