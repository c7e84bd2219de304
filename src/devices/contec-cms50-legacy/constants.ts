/**
 * Contec CMS50 legacy live stream (5-byte frames, sync in bit 7) — numbers only. Facts and
 * sources: PROTOCOL.md in this folder (reference/device-protocols.md §2.1).
 */
export const BAUD_RATE = 19_200;
export const FRAMES_PER_S = 60;
export const FRAME_LENGTH = 5;
export const SYNC_BIT = 0x80;
export const MAX_SPO2_PERCENT = 100;

/** Byte 0. Bit 4 is named differently by the sources ("finger out" / "searching too long"). */
export const B0 = {
  signalStrengthMask: 0x0f,
  bit4Uncertain: 0x10,
  spo2Dropping: 0x20,
  pulseBeep: 0x40,
} as const;
/** Byte 2. */
export const B2 = {
  barGraphMask: 0x0f,
  probeError: 0x10,
  searching: 0x20,
  pulseRateBit7: 0x40,
} as const;
