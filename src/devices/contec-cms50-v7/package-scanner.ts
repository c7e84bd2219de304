/**
 * Finds V7 package boundaries in a byte stream (both directions share the layout):
 * byte 0 = type with bit 7 clear, byte 1 = "high byte" with bit 7 set, every later byte with
 * bit 7 set, total length implied by the type. Resync follows the V7 rule: a start is a known type
 * byte followed by a byte with bit 7 set; anything else is skipped one byte at a time.
 */

export const SCAN_PACKAGE = 0;
export const SCAN_MALFORMED = 1;
export const SCAN_INCOMPLETE = 2;
export type ScanOutcome = typeof SCAN_PACKAGE | typeof SCAN_MALFORMED | typeof SCAN_INCOMPLETE;

/** Where the scan stopped; reused across calls so the hot path allocates nothing. */
export interface ScanCursor {
  /** Package start (PACKAGE, MALFORMED) or first byte to keep for the next chunk (INCOMPLETE). */
  start: number;
  /** Package length (PACKAGE) or bytes to drop (MALFORMED). */
  length: number;
  /** Bytes skipped before `start` while hunting for a package. */
  skipped: number;
}

export function createScanCursor(): ScanCursor {
  return { start: 0, length: 0, skipped: 0 };
}

/**
 * Scans `bytes` from `from`. A package whose layout breaks the rules (a later byte without bit 7,
 * or high-byte bits set beyond the package's data bytes) comes back MALFORMED with the bytes to
 * drop; scanning resumes after them, which is where the next package may already begin.
 */
export function scanPackage(
  bytes: Uint8Array,
  from: number,
  lengthByType: Uint8Array,
  cursor: ScanCursor,
): ScanOutcome {
  const end = bytes.length;
  let i = from;
  cursor.skipped = 0;
  while (i < end) {
    const type = bytes[i];
    const length = type < 0x80 ? lengthByType[type] : 0;
    if (length === 0) {
      i++;
      cursor.skipped++;
      continue;
    }
    if (i + 1 >= end) break;
    const highByte = bytes[i + 1];
    if ((highByte & 0x80) === 0) {
      i++;
      cursor.skipped++;
      continue;
    }
    cursor.start = i;
    for (let k = 2; k < length; k++) {
      if (i + k >= end) return SCAN_INCOMPLETE;
      if ((bytes[i + k] & 0x80) === 0) {
        cursor.length = k;
        return SCAN_MALFORMED;
      }
    }
    cursor.length = length;
    // Bit n of the high byte belongs to byte n+2; a bit for a byte the package does not have is corruption.
    return (highByte & 0x7f) >> (length - 2) === 0 ? SCAN_PACKAGE : SCAN_MALFORMED;
  }
  cursor.start = i;
  return SCAN_INCOMPLETE;
}
