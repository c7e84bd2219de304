import { frameError, type FrameError } from '../framing/frame-error';
import { B0, B2, FRAME_LENGTH, MAX_SPO2_PERCENT, SYNC_BIT } from './constants';

/** Pure decoding of one legacy 5-byte frame. Field table: PROTOCOL.md. */

export interface LegacyFrame {
  /** 0..15 field; the translated manual says 0..8. */
  signalStrength: number;
  /** Byte 0 bit 4, meaning UNCERTAIN ("finger out" per atbrask, "searching too long" per the manual). */
  byte0Bit4: boolean;
  /** "SpO2 dropping" (atbrask) / "SpO2 decrease" (manual). */
  spo2Dropping: boolean;
  pulseBeep: boolean;
  pleth: number;
  barGraph: number;
  probeError: boolean;
  searching: boolean;
  /** 0..255: bit 7 comes from byte 2 bit 6. */
  pulseRate: number;
  spo2: number;
}

export function emptyLegacyFrame(): LegacyFrame {
  return {
    signalStrength: 0,
    byte0Bit4: false,
    spo2Dropping: false,
    pulseBeep: false,
    pleth: 0,
    barGraph: 0,
    probeError: false,
    searching: false,
    pulseRate: 0,
    spo2: 0,
  };
}

/** Validates and decodes one whole frame. */
export function parseFrame(bytes: Uint8Array): LegacyFrame | FrameError {
  if (bytes.length !== FRAME_LENGTH) {
    return frameError('malformed', `a frame is ${FRAME_LENGTH} bytes, got ${bytes.length}`);
  }
  if (!(bytes[0] & SYNC_BIT)) return frameError('malformed', 'byte 0 lacks the sync bit');
  for (let i = 1; i < FRAME_LENGTH; i++) {
    if (bytes[i] & SYNC_BIT) return frameError('malformed', `byte ${i} has bit 7 set`);
  }
  const frame = emptyLegacyFrame();
  const error = readFrame(bytes, 0, frame);
  return error === null ? frame : frameError('out-of-range', error);
}

/**
 * Reads the frame at `offset` (layout already valid) into `out`; returns an error message for
 * impossible content, or null. Allocation-free: the decoder's hot path.
 */
export function readFrame(bytes: Uint8Array, offset: number, out: LegacyFrame): string | null {
  const b0 = bytes[offset];
  const b2 = bytes[offset + 2];
  out.signalStrength = b0 & B0.signalStrengthMask;
  out.byte0Bit4 = (b0 & B0.bit4Uncertain) !== 0;
  out.spo2Dropping = (b0 & B0.spo2Dropping) !== 0;
  out.pulseBeep = (b0 & B0.pulseBeep) !== 0;
  out.pleth = bytes[offset + 1] & 0x7f;
  out.barGraph = b2 & B2.barGraphMask;
  out.probeError = (b2 & B2.probeError) !== 0;
  out.searching = (b2 & B2.searching) !== 0;
  out.pulseRate = ((b2 & B2.pulseRateBit7) << 1) | (bytes[offset + 3] & 0x7f);
  out.spo2 = bytes[offset + 4] & 0x7f;
  // A measured SpO2 above 100 % is corruption; while the device reports no measurement
  // (probe error, searching, byte 0 bit 4) the numerics are not used, so the field may hold anything.
  if (out.spo2 > MAX_SPO2_PERCENT && !out.probeError && !out.searching && !out.byte0Bit4) {
    return `SpO2 ${out.spo2} is out of range`;
  }
  return null;
}
