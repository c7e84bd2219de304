/**
 * Omron HEM-790IT / HEM-7080IT / M10-IT / BP-791IT over USB HID — numbers only. Facts and sources:
 * PROTOCOL.md in this folder (reference/device-protocols.md §5.1, libomron).
 */

export const OMRON_VENDOR_ID = 0x0590;
export const OMRON_PRODUCT_ID = 0x0028;
/** Input and output reports: 8 bytes, no report id; byte 0 counts the valid bytes after it. */
export const REPORT_BYTES = 8;
export const MAX_REPORT_PAYLOAD = 7;

/** Two-byte modes set with a HID SET_REPORT (Feature, id 0) before a family of commands. */
export const MODE = {
  /** libomron's DEVICE_INFO_MODE (its document says 01 01: UNCERTAIN, see PROTOCOL.md). */
  deviceInfo: [0x11, 0x11],
  dailyReadings: [0x74, 0xbc],
  weeklyAverages: [0x10, 0x74],
  none: [0x00, 0x00],
} as const satisfies Record<string, readonly [number, number]>;

/** The clearing block after a mode change: 12 zero bytes, as a 7-byte and a 5-byte report. */
export const CLEARING_BLOCK_PAYLOADS = [7, 5] as const;

export const ASCII = { O: 0x4f, K: 0x4b, N: 0x4e, F: 0x46, CR: 0x0d, LF: 0x0a } as const;

/** Reply lengths (bytes after the report counts are joined), "OK" included. */
export const REPLY_BYTES = { version: 15, count: 8, record: 17, off: 5, status: 2 } as const;
/** Longer than any reply we ask for: a message still open past this is malformed. */
export const MAX_MESSAGE_BYTES = 21;

/** Record layout: offsets into the 17-byte GME reply. */
export const RECORD = {
  year: 3,
  month: 4,
  day: 5,
  hour: 6,
  minute: 7,
  second: 8,
  systolic: 11,
  diastolic: 12,
  pulse: 13,
  flags: 15,
} as const;
export const YEAR_BASE = 2000;
/** Offset of the record count in the 8-byte GDC reply. */
export const COUNT_OFFSET = 6;

/** Host timing. libomron waits without a bound; a station must not. */
export const REPLY_TIMEOUT_MS = 1500;
export const HOST_TICK_MS = 100;
/** Resends of one command after "NO", a garbled reply or a timeout, before giving up. */
export const MAX_RETRIES = 3;
/** Newest records downloaded per session at most (a TruRead series is three). */
export const DEFAULT_MAX_RECORDS = 3;
/** Memory bank asked: 0 (libomron's default; what banks 1 and 2 hold is UNCERTAIN). */
export const DEFAULT_BANK = 0;
