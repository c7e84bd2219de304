import { frameError, type FrameError } from '../framing/frame-error';
import { MAX_SPO2_PERCENT, MISSING_PULSE_RATE, MISSING_SPO2 } from '../nonin/constants';
import { NONIN_FLAG } from '../nonin/flags';
import { FRAME_LENGTH, FRAME_START_BIT, STATUS, STATUS2 } from './constants';

/** Format #8 frame: `STATUS HR-D_LSB SpO2-D STATUS2`, no checksum. Field table: PROTOCOL.md. */
export interface Df8Frame {
  /** Display HR, 9 bits; null for the missing marker 511. */
  pulseRate: number | null;
  /** Display SpO2; null for the missing marker 127. */
  spo2: number | null;
  outOfTrack: boolean;
  lowPerfusion: boolean;
  marginalPerfusion: boolean;
  artifact: boolean;
  /** SPA: SmartPoint high-quality measurement. */
  smartPoint: boolean;
  /** SNSA sensor alarm. */
  sensorAlarm: boolean;
  lowBattery: boolean;
}

export function emptyDf8Frame(): Df8Frame {
  return {
    pulseRate: null,
    spo2: null,
    outOfTrack: false,
    lowPerfusion: false,
    marginalPerfusion: false,
    artifact: false,
    smartPoint: false,
    sensorAlarm: false,
    lowBattery: false,
  };
}

/** Validates and decodes one whole frame. */
export function parseFrame(bytes: Uint8Array): Df8Frame | FrameError {
  if (bytes.length !== FRAME_LENGTH) {
    return frameError('malformed', `a format #8 frame is ${FRAME_LENGTH} bytes, got ${bytes.length}`);
  }
  if (!(bytes[0] & FRAME_START_BIT)) return frameError('malformed', 'STATUS lacks bit 7');
  for (let i = 1; i < FRAME_LENGTH; i++) {
    if (bytes[i] & FRAME_START_BIT) return frameError('malformed', `byte ${i} has bit 7 set`);
  }
  const frame = emptyDf8Frame();
  const error = readFrame(bytes, 0, frame);
  return error === null ? frame : frameError('out-of-range', error);
}

/**
 * Reads the frame at `offset` (bit-7 layout already valid) into `out`; returns an error message for
 * an impossible value, or null. Allocation-free: the decoder's path.
 */
export function readFrame(bytes: Uint8Array, offset: number, out: Df8Frame): string | null {
  const status = bytes[offset];
  const status2 = bytes[offset + 3];
  const hr = ((status & STATUS.hrHighMask) << 7) | (bytes[offset + 1] & 0x7f);
  const spo2 = bytes[offset + 2] & 0x7f;
  out.pulseRate = hr === MISSING_PULSE_RATE ? null : hr;
  out.spo2 = spo2 === MISSING_SPO2 ? null : spo2;
  out.outOfTrack = (status & STATUS.outOfTrack) !== 0;
  out.lowPerfusion = (status & STATUS.lowPerfusion) !== 0;
  out.marginalPerfusion = (status & STATUS.marginalPerfusion) !== 0;
  out.artifact = (status & STATUS.artifact) !== 0;
  out.smartPoint = (status2 & STATUS2.smartPoint) !== 0;
  out.sensorAlarm = (status2 & STATUS2.sensorAlarm) !== 0;
  out.lowBattery = (status2 & STATUS2.lowBattery) !== 0;
  return spo2 > MAX_SPO2_PERCENT && spo2 !== MISSING_SPO2 ? `SpO2 ${spo2} is out of range` : null;
}

/** NONIN_FLAG bits of a frame. */
export function df8Flags(f: Df8Frame): number {
  return (
    (f.sensorAlarm ? NONIN_FLAG.probeOff : 0) |
    (f.outOfTrack ? NONIN_FLAG.outOfTrack : 0) |
    (f.artifact ? NONIN_FLAG.artifact : 0) |
    (f.lowPerfusion ? NONIN_FLAG.lowPerfusion : 0) |
    (f.marginalPerfusion ? NONIN_FLAG.marginalPerfusion : 0) |
    (f.lowBattery ? NONIN_FLAG.lowBattery : 0)
  );
}
