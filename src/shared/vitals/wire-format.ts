/**
 * Constants of the vitals channel wire format (VITALS-CHANNEL.md beside this file is the spec).
 * Every message: one header byte (version << 4 | kind), a body, one CRC-8 byte over both.
 */

/** 2: three type bits in a record's head, on-time continuations, lead III derived from I and II, Rice-coded samples. */
export const WIRE_VERSION = 2;

export const MESSAGE_KIND = {
  hello: 1,
  dict: 2,
  batch: 3,
  ack: 4,
  ping: 5,
  pong: 6,
} as const;
export type MessageKindName = keyof typeof MESSAGE_KIND;

/** Low three bits of a batch record's head varint (head = key × RECORD_TYPES + type). */
export const RECORD_TYPE = {
  numeric: 0,
  waveform: 1,
  status: 2,
  /** A waveform continuing its series' previous record in the batch (same encoding). */
  continuation: 3,
  /** A continuation with the previous record's sample count, starting where it ended: no header but the head. */
  onTime: 4,
} as const;
export const RECORD_TYPES = 8;

export const DICT_TABLE = { device: 0, metric: 1, unit: 2, series: 3 } as const;
export type DictTableName = keyof typeof DICT_TABLE;

/** Decimal exponents 0..14: a value v travels as the integer v × 10^e. */
export const MAX_DECIMAL_EXPONENT = 14;
/** Sample encoding nibble meaning "raw float64 per sample" (NaN marks a null sample). */
export const FLOAT64_ENCODING = 15;
/** Bit of the sample encoding byte: the zigzag symbols are shifted by one, 0 marking null. */
export const HAS_NULLS = 0x10;
/**
 * Bit of the sample encoding byte: lead III's samples as their difference from II − I at the same
 * sample (Einthoven), from the leads I and II records of the same device in the batch.
 */
export const DERIVED = 0x20;
/** Bit of the sample encoding byte: the symbols are Rice-coded (rice.ts), the parameter in the next byte. */
export const RICE = 0x40;
/** The exponent nibble of a sample encoding. */
export const EXPONENT_MASK = 0x0f;
/** Numeric value tags: 0 null, 1 + e decimal exponent e, FLOAT64_TAG raw float64. */
export const NULL_TAG = 0;
export const FLOAT64_TAG = MAX_DECIMAL_EXPONENT + 2;
/** Largest |mantissa| of a scaled value, so every delta and its zigzag stay safe integers. */
export const MAX_MANTISSA = 2 ** 50;

export const LIMITS = {
  /** Chrome's SCTP max-message-size (262144): the largest message every browser accepts. */
  messageBytes: 256 * 1024,
  recordsPerBatch: 65_536,
  samplesPerWaveform: 100_000,
  entriesPerTable: 4096,
  entriesPerDict: 4096,
  ackRanges: 32,
  sessionIdChars: 64,
  deviceChars: 200,
  metricChars: 100,
  unitChars: 20,
  rateHz: 100_000,
  /** Status flag bitmask bytes (room for 128 flags, so a newer sender's flags still parse). */
  flagMaskBytes: 16,
} as const;

/** The range an ISO 8601 `YYYY-…Z` time can express: 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z. */
export const MIN_TIME_MS = -62_167_219_200_000;
export const MAX_TIME_MS = 253_402_300_799_999;
