/**
 * Nonin data format #13 (SmartPoint spot-check records) — numbers only. Facts and sources:
 * PROTOCOL.md in this folder (reference/device-protocols.md §3.4). Shared: ../nonin/constants.ts.
 */
export const FORMAT = 13;

/** `00 02 00 0D`, then the data length (big-endian), the data, CHK and ETX. */
export const RECORD_HEADER = [0x00, 0x02, 0x00, 0x0d] as const;
/** Header plus the two length bytes. */
export const RECORD_PREFIX_LENGTH = 6;
/** CHK and ETX after the data. */
export const RECORD_SUFFIX_LENGTH = 2;
export const MIN_DATA_LENGTH = 14;
/**
 * The length field is expandable; ours is a bound so a corrupted length cannot make the decoder
 * wait for 64 KB. Not from the document: 18× the documented record is generous for extensions.
 */
export const MAX_DATA_LENGTH = 256;

/** Offsets inside the data. */
export const DATA = {
  /** BCD: century (0x20), YY, MM, DD, hh, mm, ss, then a 0x00 byte. */
  century: 0,
  year: 1,
  month: 2,
  day: 3,
  hour: 4,
  minute: 5,
  second: 6,
  statusMsb: 8,
  statusLsb: 9,
  hrMsb: 10,
  hrLsb: 11,
  spo2: 13,
} as const;

export const STATUS_MSB = { smartPoint: 0x02, noMeasurement: 0x01 } as const;
export const STATUS_LSB = { fromMemory: 0x10, lowBattery: 0x01 } as const;

/** Reply to "get time": `02 F2 06 YY MM DD hh mm ss 03` (binary). */
export const TIME_REPLY_LENGTH = 10;

/** How a simulated 9560 in #13 behaves (not from the document; see simulator.ts). */
export const SIM = {
  /** Records kept from earlier spot checks, sent shortly after the connection. */
  storedRecords: 2,
  storedRecordsDelayMs: 500,
  firstLiveRecordMs: 1500,
  liveRecordIntervalMs: 4000,
} as const;
