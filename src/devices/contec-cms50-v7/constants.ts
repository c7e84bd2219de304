/**
 * Contec "Communication protocol of pulse oximeter V7.0" — numbers only. Facts and sources:
 * PROTOCOL.md in this folder (reference/device-protocols.md §2.3).
 */

export const BAUD_RATE = 115_200;
export const REALTIME_PACKAGES_PER_S = 60;
/** The host tells the device it is still connected this often (command 0xAF). */
export const KEEP_ALIVE_INTERVAL_MS = 5000;
/** A CMS50D+ v4.6 stops its real-time stream this long after the last 0xA1/0xAF (observed, OSS). */
export const STREAM_TIMEOUT_MS = 30_000;
/** The PC must give up on a command with no reply after this long (V7 document). */
export const REPLY_TIMEOUT_MS = 1000;

/** Uplink package types (device → PC). */
export const PACKAGE = {
  realtime: 0x01,
  modelSegment: 0x02,
  vendor: 0x03,
  deviceId: 0x04,
  userInfo: 0x05,
  version: 0x06,
  storageStartDate: 0x07,
  storageLength: 0x08,
  storageDataWithPi: 0x09,
  storageSegmentCount: 0x0a,
  commandFeedback: 0x0b,
  free: 0x0c,
  disconnectNotice: 0x0d,
  piIdentifier: 0x0e,
  storageDataWithoutPi: 0x0f,
  userCount: 0x10,
  deviceNotice: 0x11,
  storageStartTime: 0x12,
  storageIdentifiers: 0x15,
} as const;

/** Total package length (type and high byte included) by uplink type; 0 = not a V7 uplink type. */
export const UPLINK_LENGTH_BY_TYPE: Uint8Array = lengthTable([
  [PACKAGE.realtime, 9],
  [PACKAGE.modelSegment, 9],
  [PACKAGE.vendor, 9],
  [PACKAGE.deviceId, 9],
  [PACKAGE.userInfo, 9],
  [PACKAGE.version, 4],
  [PACKAGE.storageStartDate, 8],
  [PACKAGE.storageLength, 8],
  [PACKAGE.storageDataWithPi, 6],
  [PACKAGE.storageSegmentCount, 4],
  [PACKAGE.commandFeedback, 4],
  [PACKAGE.free, 2],
  [PACKAGE.disconnectNotice, 3],
  [PACKAGE.piIdentifier, 3],
  [PACKAGE.storageDataWithoutPi, 8],
  [PACKAGE.userCount, 3],
  [PACKAGE.deviceNotice, 9],
  [PACKAGE.storageStartTime, 8],
  [PACKAGE.storageIdentifiers, 9],
]);

/** Downlink package types (PC → device). */
export const DOWNLINK = {
  setDeviceId: 0x04,
  command: 0x7d,
} as const;

export const DOWNLINK_LENGTH_BY_TYPE: Uint8Array = lengthTable([
  [DOWNLINK.setDeviceId, 9],
  [DOWNLINK.command, 9],
]);

/** Control commands carried in a 0x7D package (byte 2). */
export const COMMAND = {
  getVersion: 0xa0,
  startRealtime: 0xa1,
  stopRealtime: 0xa2,
  storageSegmentCount: 0xa3,
  storageLength: 0xa4,
  storageStartTime: 0xa5,
  sendStorageData: 0xa6,
  stopStorageData: 0xa7,
  getModel: 0xa8,
  getVendor: 0xa9,
  getDeviceId: 0xaa,
  getUserInfo: 0xab,
  askPiSupport: 0xac,
  getUserCount: 0xad,
  deleteStorage: 0xae,
  keepAlive: 0xaf,
  storageNotice: 0xb0,
  setTime: 0xb1,
  setDate: 0xb2,
  storageIdentifiers: 0xb6,
} as const;

/** Reason codes of the command feedback (0x0B) and disconnect notice (0x0D) packages. */
export const REASON_NAMES: Readonly<Record<number, string>> = {
  0x00: 'done',
  0x01: 'shutdown',
  0x02: 'user change',
  0x03: 'recording',
  0x04: 'delete failed',
  0x05: 'not supported',
  0xff: 'unknown',
};
export const REASON = { done: 0x00, notSupported: 0x05 } as const;

/** Real-time package markers for "no valid value". */
export const INVALID_PULSE_RATE = 0xff;
export const INVALID_SPO2 = 0x7f;
export const INVALID_PI = 0xffff;
export const MAX_SPO2_PERCENT = 100;
export const MAX_PI_HUNDREDTHS = 2200;
/** Pleth value a device sends while the probe is in error ("finger out"). */
export const PROBE_ERROR_PLETH = 0x40;

/** Bits of real-time byte 2 (after high-byte restoration). */
export const RT2 = {
  signalStrengthMask: 0x0f,
  searchingTooLong: 0x10,
  lowSpo2: 0x20,
  pulseBeep: 0x40,
  probeError: 0x80,
} as const;
/** Bits of real-time byte 3. */
export const RT3 = { plethMask: 0x7f, searching: 0x80 } as const;
/** Bits of real-time byte 4. */
export const RT4 = { barGraphMask: 0x0f, piInvalid: 0x10 } as const;

function lengthTable(entries: readonly (readonly [number, number])[]): Uint8Array {
  const table = new Uint8Array(128);
  for (const [type, length] of entries) table[type] = length;
  return table;
}
