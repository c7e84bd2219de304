/**
 * Beurer BM55 over USB HID — numbers only. Facts and sources: PROTOCOL.md in this folder
 * (reference/device-protocols.md §6.2, NHS MediPi, muling-tt/beurer_bm58).
 */

export const BM55_VENDOR_ID = 0x0c45;
export const BM55_PRODUCT_ID = 0x7406;
/** Reports are 8 bytes both ways; commands are padded with 0xF4. */
export const REPORT_BYTES = 8;
export const PADDING = 0xf4;

/** Single-byte commands shared with the BM58/BM65 serial cable. */
export const COMMAND = {
  init: 0xaa,
  count: 0xa2,
  record: 0xa3,
  terminate: 0xf7,
} as const;

/** Record layout (one 8-byte input report). */
export const RECORD = {
  systolic: 0,
  diastolic: 1,
  pulse: 2,
  /** bit 7: resting indicator */
  month: 3,
  /** bit 7: user B */
  day: 4,
  hour: 5,
  minute: 6,
  /** bit 7: arrhythmia */
  year: 7,
} as const;
export const FLAG_BIT = 0x80;
export const VALUE_MASK = 0x7f;
/** Systolic and diastolic are stored minus 25 mmHg. */
export const PRESSURE_OFFSET_MMHG = 25;
export const YEAR_BASE = 2000;
/** Records are asked 1..count (both sources). */
export const FIRST_RECORD_INDEX = 1;

export const REPLY_TIMEOUT_MS = 1500;
export const HOST_TICK_MS = 100;
export const MAX_RETRIES = 3;
