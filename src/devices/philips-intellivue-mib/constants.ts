/**
 * Philips IntelliVue Data Export over MIB/RS-232 — numbers only. Facts and sources: PROTOCOL.md in
 * this folder (reference/device-protocols.md §7.1: OpenICE, VSCaptureMP).
 */

export const BAUD_RATE = 115_200;

/** Serial framing (one Data Export message per frame). */
export const FRAME = {
  begin: 0xc0,
  end: 0xc1,
  escape: 0x7d,
  /** An escaped byte goes on the wire XOR this. */
  escapeXor: 0x20,
  protocolId: 0x11,
  messageType: 0x01,
  /** Protocol id, message type and the 2-byte body length. */
  headerBytes: 4,
  fcsBytes: 2,
} as const;

/**
 * Largest unescaped frame we accept: our association request asks for at most 1000-byte messages
 * from the monitor (max_mtu_tx); the margin keeps a lost end-of-frame byte from growing a buffer
 * without bound while still taking anything a monitor may send.
 */
export const MAX_FRAME_BYTES = 8192;

/** Session-layer SPDU identifiers (first byte of the body). */
export const SPDU = {
  connect: 0x0d,
  accept: 0x0e,
  refuse: 0x0c,
  finish: 0x09,
  disconnect: 0x0a,
  abort: 0x19,
  /** Data export messages: session id 0xE100, presentation context 2. */
  dataExport: 0xe1,
} as const;
export const DATA_EXPORT_SESSION_ID = 0xe100;
export const DATA_EXPORT_CONTEXT_ID = 0x0002;

/** Remote-operation APDU types (ROapdus.ro_type). */
export const RO_TYPE = { invoke: 1, result: 2, error: 3, linkedResult: 5 } as const;

/** CMIP command types. */
export const COMMAND_TYPE = {
  eventReport: 0,
  confirmedEventReport: 1,
  get: 3,
  set: 4,
  confirmedSet: 5,
  confirmedAction: 7,
} as const;

export const ACTION = { pollMdibData: 0x0c16, pollMdibDataExt: 0xf13b } as const;
export const NOTIFICATION = { mdsCreate: 0x0d06 } as const;

/** Object classes (partition NOM_PART_OBJ = 1). */
export const OBJECT_CLASS = { mds: 0x0021, numeric: 0x0006, realtimeSampleArray: 0x0009 } as const;
export const PARTITION = { object: 1, scada: 2 } as const;

/** Attribute ids. */
export const ATTRIBUTE = {
  numericObserved: 0x0950,
  numericCompound: 0x094b,
  sampleArrayObserved: 0x096e,
  absoluteTime: 0x0987,
  relativeTime: 0x098f,
  /** An observation's own time stamps (NOM_ATTR_TIME_STAMP_ABS / _REL): when it was measured. */
  absoluteTimeStamp: 0x0990,
  relativeTimeStamp: 0x0991,
} as const;

/** AbsoluteTime: 8 BCD bytes (century, year, month, day, hour, minute, second, fraction). */
export const ABSOLUTE_TIME_BYTES = 8;
/** RelativeTime counts 1/8 ms (125 µs) since the monitor started; a u32, so it wraps after ~6.2 days. */
export const RELATIVE_TICKS_PER_MS = 8;

/** MeasurementState bits (VSCaptureMP enums; PROTOCOL.md). */
export const MEASUREMENT_STATE = {
  invalid: 0x8000,
  questionable: 0x4000,
  unavailable: 0x2000,
  calibrationOngoing: 0x1000,
  testData: 0x0800,
  demoData: 0x0400,
  validatedData: 0x0080,
  earlyIndication: 0x0040,
  measurementOngoing: 0x0020,
  inAlarm: 0x0002,
  alarmInhibited: 0x0001,
} as const;

/** FLOAT-Type special values (32-bit: 8-bit exponent, 24-bit mantissa). */
export const FLOAT_SPECIAL = {
  nan: 0x007fffff,
  notAtThisResolution: 0x00800000,
  positiveInfinity: 0x007ffffe,
  negativeInfinity: 0x00800002,
  reserved: 0x00800001,
} as const;

/** Unit codes (NOM_DIM_…). */
export const UNIT = {
  percent: 0x0220,
  beatsPerMinute: 0x0aa0,
  breathsPerMinute: 0x0ae0,
  mmHg: 0x0f20,
  degreesCelsius: 0x17a0,
} as const;

/** SCADA physiological ids (NOM_…) the decoder turns into readings. */
export const PHYSIO = {
  ecgHeartRate: 0x4182,
  spo2: 0x4bb8,
  plethPulseRate: 0x4822,
  /** Philips private code (NOM_PRESS_BLD_NONINV_PULS_RATE): the pulse rate of a cuff measurement. */
  nibpPulseRate: 0xf0e5,
  nibp: 0x4a04,
  nibpSystolic: 0x4a05,
  nibpDiastolic: 0x4a06,
  nibpMean: 0x4a07,
  temperature: 0x4b48,
  bodyTemperature: 0x4b5c,
  respirationRate: 0x500a,
} as const;

/** The station polls numerics this often; the poll traffic also keeps the association alive. */
export const POLL_INTERVAL_MS = 1000;
/** Give up when the monitor does not answer the association request within this time. */
export const ASSOCIATION_TIMEOUT_MS = 5000;
/** Give up when an associated monitor stops answering polls for this long. */
export const REPLY_TIMEOUT_MS = 5000;
/** How often the session calls the host's `tick`. */
export const HOST_TICK_MS = 100;
