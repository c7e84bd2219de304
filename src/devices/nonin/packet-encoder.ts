import { MISSING_PULSE_RATE, MISSING_SPO2 } from './constants';
import { FLOAT_AT, FRAMES_PER_PACKET, STAT2 } from './packet';

/** What a simulated device puts in one packet's FLOAT bytes (the inverse of packetValues). */
export interface PacketContent {
  readonly pulseRate: number | null;
  readonly spo2: number | null;
  /** 1/3-second timer (wraps at 14 bits). */
  readonly timer: number;
  readonly lowBattery: boolean;
  readonly smartPoint: boolean;
}

/** Software revision byte; 0x30 is what Pufferfish's OEM III test packet carries. */
export const SOFTWARE_REVISION = 0x30;

/**
 * The 25 FLOAT bytes of a packet. The simulator has one patient, so the 4-beat, 8-beat ("E-") and
 * display ("-D") values, SpO2 fast and beat-to-beat all carry the same HR and SpO2.
 */
export function packetFloats(c: PacketContent): number[] {
  const floats = new Array<number>(FRAMES_PER_PACKET).fill(0);
  const hr = c.pulseRate ?? MISSING_PULSE_RATE;
  const spo2 = c.spo2 ?? MISSING_SPO2;
  const put = (frame: number, value: number): void => {
    floats[frame - 1] = value & 0x7f;
  };
  const putHr = (msbFrame: number): void => {
    put(msbFrame, hr >> 7);
    put(msbFrame + 1, hr);
  };
  putHr(FLOAT_AT.hrMsb);
  put(FLOAT_AT.spo2, spo2);
  put(FLOAT_AT.softwareRevision, SOFTWARE_REVISION);
  put(FLOAT_AT.timerMsb, c.timer >> 7);
  put(FLOAT_AT.timerLsb, c.timer);
  put(FLOAT_AT.stat2, (c.lowBattery ? STAT2.lowBattery : 0) | (c.smartPoint ? STAT2.smartPoint : 0));
  for (const at of [FLOAT_AT.spo2Display, FLOAT_AT.spo2Fast, FLOAT_AT.spo2BeatToBeat]) put(at, spo2);
  for (const at of [FLOAT_AT.extendedSpo2, FLOAT_AT.extendedSpo2Display]) put(at, spo2);
  for (const at of [FLOAT_AT.extendedHrMsb, FLOAT_AT.hrDisplayMsb, FLOAT_AT.extendedHrDisplayMsb]) putHr(at);
  return floats;
}
