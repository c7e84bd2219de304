/**
 * GE Datex-Ohmeda S/5 Computer Interface (DRI) — numbers only. Facts and sources: PROTOCOL.md in
 * this folder (reference/device-protocols.md §7.2; xeonfusion/VSCapture@b3f34434 Class1.cs, Class2.cs).
 */

export const BAUD_RATE = 19_200;

/** Async framing: a flag byte opens and closes every frame; a control byte escapes flags in data. */
export const FRAME_FLAG = 0x7e;
export const CONTROL_ESCAPE = 0x7d;
/** The escaped byte goes out with bit 5 cleared; the receiver sets it again. */
export const ESCAPE_BIT = 0x20;

/** Record header: 40 bytes, little-endian, packed. */
export const HEADER_LENGTH = 40;
export const HEADER = {
  length: 0,
  number: 2,
  driLevel: 3,
  plugId: 4,
  time: 6,
  mainType: 14,
  subrecordDescriptors: 16,
} as const;
export const SUBRECORD_SLOTS = 8;
export const SUBRECORD_DESCRIPTOR_LENGTH = 3;
/** sr_type that ends the descriptor list. */
export const END_OF_SUBRECORDS = 0xff;
/** datex_record_type: a 40-byte header and up to 1450 data bytes. */
export const MAX_RECORD_LENGTH = 1490;

export const MAIN_TYPE = { physiological: 0, wave: 1, alarm: 4 } as const;

/** phdb_rcrd_type of a transmission request; also the sr_type of the subrecords sent back. */
export const PHDB_RECORD_TYPE = { displayed: 1, trend10s: 2, trend60s: 3 } as const;
/** sr_type of a transmission-request subrecord (host → monitor). */
export const SUBRECORD_TYPE_REQUEST = 0;
/** phdb_class_bf: 0 = basic class only. */
export const CLASS_BASIC_ONLY = 0;
export const PHDB_CLASS_BASIC = 0;
/** DRI level 0x09 = 2005 interface; the monitor answers with its own level. */
export const DRI_LEVEL_2005 = 0x09;

/** A transmission request: header + 9-byte phdb_req. */
export const REQUEST_LENGTH = 49;
export const REQUEST_BODY = { recordType: 0, intervalS: 1, classBits: 3, reserved: 7 } as const;

/**
 * dri_phdb subrecord: dword time, 270-byte class data (union of basic/ext1/ext2/ext3), marker,
 * reserved, cl_drilvl_subt (class in bits 8-11).
 */
export const PHDB_TIME_LENGTH = 4;
export const PHDB_CLASS_DATA_LENGTH = 270;
export const PHDB_SUBRECORD_LENGTH = 278;
export const PHDB_CLASS_WORD_OFFSET = 276;

/** Offsets of i16 values inside the 270-byte basic class (group header = 6 bytes). */
export const BASIC = {
  ecgHr: 6,
  nibpSys: 78,
  nibpDia: 80,
  nibpMean: 82,
  nibpHr: 84,
  t1Temp: 92,
  spo2: 124,
  spo2PulseRate: 126,
  co2Rr: 142,
} as const;

/** Values ≤ this are control codes (no data, not updated, discontinuity, under/over range…). */
export const INVALID_LIMIT = -32001;
export const NO_DATA = -32767;

/** Displayed values are requested every this many seconds (tx_interval). */
export const DEFAULT_INTERVAL_S = 5;
/** If no physiological record arrives for this many intervals, the request is sent again. */
export const REREQUEST_AFTER_INTERVALS = 3;
