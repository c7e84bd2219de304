/**
 * Nonin data format #8 (4 bytes once per second) — numbers only. Facts and sources: PROTOCOL.md in
 * this folder (reference/device-protocols.md §3.3). Shared Nonin numbers: ../nonin/constants.ts.
 */
export const FORMAT = 8;
export const FRAME_LENGTH = 4;
export const FRAMES_PER_S = 1;
/** Bit 7 is set in STATUS only: the frame start. */
export const FRAME_START_BIT = 0x80;

/** Byte 0. */
export const STATUS = {
  reserved: 0x40,
  outOfTrack: 0x20,
  lowPerfusion: 0x10,
  marginalPerfusion: 0x08,
  artifact: 0x04,
  /** HR bits 8 and 7. */
  hrHighMask: 0x03,
} as const;

/** Byte 3. */
export const STATUS2 = { smartPoint: 0x20, sensorAlarm: 0x08, lowBattery: 0x01 } as const;
