import { B0, B2, SYNC_BIT } from './constants';
import type { LegacyFrame } from './frames';

/** Device → host: one legacy frame (the simulator's encoder; the inverse of readFrame). */
export function encodeFrame(f: LegacyFrame): Uint8Array {
  return Uint8Array.of(
    SYNC_BIT |
      (f.signalStrength & B0.signalStrengthMask) |
      (f.byte0Bit4 ? B0.bit4Uncertain : 0) |
      (f.spo2Dropping ? B0.spo2Dropping : 0) |
      (f.pulseBeep ? B0.pulseBeep : 0),
    f.pleth & 0x7f,
    (f.barGraph & B2.barGraphMask) |
      (f.probeError ? B2.probeError : 0) |
      (f.searching ? B2.searching : 0) |
      ((f.pulseRate & 0x80) >> 1),
    f.pulseRate & 0x7f,
    f.spo2 & 0x7f,
  );
}
