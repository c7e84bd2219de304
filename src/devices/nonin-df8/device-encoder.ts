import { MISSING_PULSE_RATE, MISSING_SPO2 } from '../nonin/constants';
import { FRAME_START_BIT, STATUS, STATUS2 } from './constants';
import type { Df8Frame } from './frames';

/** Device → host: one format #8 frame (the simulator's encoder; the inverse of readFrame). */
export function encodeFrame(f: Df8Frame): Uint8Array {
  const hr = f.pulseRate ?? MISSING_PULSE_RATE;
  return Uint8Array.of(
    FRAME_START_BIT |
      (f.outOfTrack ? STATUS.outOfTrack : 0) |
      (f.lowPerfusion ? STATUS.lowPerfusion : 0) |
      (f.marginalPerfusion ? STATUS.marginalPerfusion : 0) |
      (f.artifact ? STATUS.artifact : 0) |
      ((hr >> 7) & STATUS.hrHighMask),
    hr & 0x7f,
    (f.spo2 ?? MISSING_SPO2) & 0x7f,
    (f.smartPoint ? STATUS2.smartPoint : 0) |
      (f.sensorAlarm ? STATUS2.sensorAlarm : 0) |
      (f.lowBattery ? STATUS2.lowBattery : 0),
  );
}
