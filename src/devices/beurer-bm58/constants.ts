/**
 * Beurer BM58 / BM65 ("Andon KD001"-based) PC download protocol — numbers only. Facts and
 * sources: PROTOCOL.md in this folder (reference/device-protocols.md §6.1).
 */

export const BAUD_RATE = 4800;

/** Single-byte commands (host → device); `recordRequest` is followed by the record number. */
export const COMMAND = {
  handshake: 0xaa,
  description: 0xa4,
  count: 0xa2,
  recordRequest: 0xa3,
} as const;

/** Device → host replies. */
export const HANDSHAKE_REPLY = 0x55;
export const EMPTY_RECORD_REPLY = 0xa9;
export const RECORD_HEADER = 0xac;
export const RECORD_LENGTH = 9;
export const DESCRIPTION_LENGTH = 32;

/** Record layout: header, SYS−25, DIA−25, PR, month, day, hour, minute, year−2000. */
export const RECORD = {
  header: 0,
  systolic: 1,
  diastolic: 2,
  pulse: 3,
  month: 4,
  day: 5,
  hour: 6,
  minute: 7,
  year: 8,
} as const;
export const PRESSURE_OFFSET_MMHG = 25;
export const YEAR_BASE = 2000;
export const MAX_YEAR_BYTE = 99;

/**
 * How long the host waits for each reply before sending the command once more, then giving up.
 * Not from a source: a 9-byte reply takes 19 ms at 4800 baud, so this leaves the device ample time.
 */
export const REPLY_TIMEOUT_MS = 1500;
export const ATTEMPTS_PER_COMMAND = 2;
