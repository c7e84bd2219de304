import { MAX_SPO2_PERCENT, MISSING_PULSE_RATE, MISSING_SPO2 } from './constants';

/**
 * The 25-frame packet of formats #2 and #7: each frame carries one FLOAT byte (0..127), and the
 * frame's number in the packet says what it is (reference/device-protocols.md §3.1). Frame 1 has
 * the SYNC bit in its STATUS byte.
 */
export const FRAMES_PER_PACKET = 25;
export const FRAMES_PER_S = 75;

/** 1-based frame numbers of the FLOAT schedule; 5, 12, 13, 18, 19, 24, 25 are reserved. */
export const FLOAT_AT = {
  hrMsb: 1,
  hrLsb: 2,
  spo2: 3,
  softwareRevision: 4,
  timerMsb: 6,
  timerLsb: 7,
  stat2: 8,
  spo2Display: 9,
  spo2Fast: 10,
  spo2BeatToBeat: 11,
  extendedHrMsb: 14,
  extendedHrLsb: 15,
  extendedSpo2: 16,
  extendedSpo2Display: 17,
  hrDisplayMsb: 20,
  hrDisplayLsb: 21,
  extendedHrDisplayMsb: 22,
  extendedHrDisplayLsb: 23,
} as const;

/** STAT2 (frame 8): bit 5 SPA (SmartPoint high quality), bit 0 LOW BAT. */
export const STAT2 = { smartPoint: 0x20, lowBattery: 0x01 } as const;

/** 9-bit heart rate from its two FLOAT bytes; null for the missing marker 511. */
export function heartRate(msb: number, lsb: number): number | null {
  const hr = ((msb & 0x03) << 7) | (lsb & 0x7f);
  return hr === MISSING_PULSE_RATE ? null : hr;
}

/** SpO2 from a FLOAT byte; null for the missing marker 127; NaN for an impossible value. */
export function spo2Of(byte: number): number | null {
  const spo2 = byte & 0x7f;
  if (spo2 === MISSING_SPO2) return null;
  return spo2 > MAX_SPO2_PERCENT ? Number.NaN : spo2;
}

/** Every value of one whole packet, for tests and tools (the decoder uses PacketTracker). */
export interface PacketValues {
  readonly pulseRate: number | null;
  readonly spo2: number | null;
  readonly softwareRevision: number;
  /** 1/3-second timer, 14 bits. */
  readonly timer: number;
  readonly smartPoint: boolean;
  readonly lowBattery: boolean;
  readonly spo2Display: number | null;
  readonly spo2Fast: number | null;
  readonly spo2BeatToBeat: number | null;
  readonly extendedPulseRate: number | null;
  readonly extendedSpo2: number | null;
  readonly extendedSpo2Display: number | null;
  readonly pulseRateDisplay: number | null;
  readonly extendedPulseRateDisplay: number | null;
}

/** `floats[0]` is frame 1's FLOAT byte. */
export function packetValues(floats: readonly number[]): PacketValues {
  const at = (frame: number): number => floats[frame - 1] ?? 0;
  const hr = (msb: number): number | null => heartRate(at(msb), at(msb + 1));
  return {
    pulseRate: hr(FLOAT_AT.hrMsb),
    spo2: spo2Of(at(FLOAT_AT.spo2)),
    softwareRevision: at(FLOAT_AT.softwareRevision),
    timer: ((at(FLOAT_AT.timerMsb) & 0x7f) << 7) | (at(FLOAT_AT.timerLsb) & 0x7f),
    smartPoint: (at(FLOAT_AT.stat2) & STAT2.smartPoint) !== 0,
    lowBattery: (at(FLOAT_AT.stat2) & STAT2.lowBattery) !== 0,
    spo2Display: spo2Of(at(FLOAT_AT.spo2Display)),
    spo2Fast: spo2Of(at(FLOAT_AT.spo2Fast)),
    spo2BeatToBeat: spo2Of(at(FLOAT_AT.spo2BeatToBeat)),
    extendedPulseRate: hr(FLOAT_AT.extendedHrMsb),
    extendedSpo2: spo2Of(at(FLOAT_AT.extendedSpo2)),
    extendedSpo2Display: spo2Of(at(FLOAT_AT.extendedSpo2Display)),
    pulseRateDisplay: hr(FLOAT_AT.hrDisplayMsb),
    extendedPulseRateDisplay: hr(FLOAT_AT.extendedHrDisplayMsb),
  };
}

/**
 * Follows the packet position frame by frame in the decoder and keeps the values the live path
 * uses: HR and SpO2 (the 4-beat averages, which go missing as soon as the finger is out) and the
 * low-battery bit. A SYNC frame starts a packet; a lost frame or a 26th frame without SYNC makes
 * the position unknown until the next SYNC (Pufferfish: SYNC before frame 25 = frame loss, restart).
 */
export class PacketTracker {
  /** 1..25, or 0 while the position is unknown. */
  private position = 0;
  private hrMsb = -1;
  pulseRate: number | null | undefined = undefined;
  spo2: number | null | undefined = undefined;
  lowBattery = false;

  lose(): void {
    this.position = 0;
  }

  /** Takes one valid frame; returns false when its FLOAT byte holds an impossible value. */
  frame(sync: boolean, float: number): boolean {
    if (sync) {
      this.position = 1;
    } else if (this.position === 0 || this.position === FRAMES_PER_PACKET) {
      this.position = 0;
      return true;
    } else {
      this.position++;
    }
    switch (this.position) {
      case FLOAT_AT.hrMsb:
        this.hrMsb = float;
        break;
      case FLOAT_AT.hrLsb:
        if (this.hrMsb >= 0) this.pulseRate = heartRate(this.hrMsb, float);
        this.hrMsb = -1;
        break;
      case FLOAT_AT.spo2: {
        const spo2 = spo2Of(float);
        if (Number.isNaN(spo2)) return false;
        this.spo2 = spo2;
        break;
      }
      case FLOAT_AT.stat2:
        this.lowBattery = (float & STAT2.lowBattery) !== 0;
        break;
      default:
        break;
    }
    return true;
  }

  reset(): void {
    this.position = 0;
    this.hrMsb = -1;
    this.pulseRate = undefined;
    this.spo2 = undefined;
    this.lowBattery = false;
  }
}
