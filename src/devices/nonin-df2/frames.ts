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
import { AT, FORMAT, FRAME_LEAD, FRAME_LENGTH } from './constants';

/** Format #2 frame: `01 STATUS PLETH FLOAT CHK`, CHK = (b0+b1+b2+b3) mod 256. Field table: PROTOCOL.md. */
export const DF2_LAYOUT: PlethFrameLayout = {
  format: FORMAT,
  statusAt: AT.status,
  couldStart: (bytes, i, end) =>
    bytes[i] === FRAME_LEAD && (i + 1 >= end || (bytes[i + 1] & STATUS_BIT.marker) !== 0),
  check(bytes, i): FrameErrorCode | null {
    if (bytes[i] !== FRAME_LEAD || !(bytes[i + AT.status] & STATUS_BIT.marker)) return 'malformed';
    return checksumError(bytes, i);
  },
  read(bytes, i, out) {
    out.status = bytes[i + AT.status];
    out.pleth = bytes[i + AT.pleth];
    out.float = bytes[i + AT.float];
  },
  encode(f: PlethFrameFields): Uint8Array {
    const frame = Uint8Array.of(FRAME_LEAD, f.status, f.pleth & 0xff, f.float, 0);
    frame[AT.checksum] = frameChecksum(frame, 0);
    return frame;
  },
};

export interface Df2Frame extends StatusFields {
  /** 0..255, compressed IR waveform. */
  readonly pleth: number;
  /** 0..255 (reserved bytes are undefined); its meaning depends on the frame number in the packet (../nonin/packet.ts). */
  readonly float: number;
}

/** Validates and decodes one whole frame. */
export function parseFrame(bytes: Uint8Array): Df2Frame | FrameError {
  if (bytes.length !== FRAME_LENGTH) {
    return frameError('malformed', `a format #2 frame is ${FRAME_LENGTH} bytes, got ${bytes.length}`);
  }
  const error = DF2_LAYOUT.check(bytes, 0);
  if (error !== null) return frameError(error, describe(error, bytes));
  return { ...statusFields(bytes[AT.status]), pleth: bytes[AT.pleth], float: bytes[AT.float] };
}

function describe(code: FrameErrorCode, bytes: Uint8Array): string {
  if (code === 'checksum') return `checksum ${bytes[AT.checksum]}, expected ${frameChecksum(bytes, 0)}`;
  return bytes[0] !== FRAME_LEAD ? `byte 0 is ${bytes[0]}, not 0x01` : 'STATUS lacks bit 7';
}
