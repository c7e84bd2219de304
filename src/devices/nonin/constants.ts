import type { SerialLinkSettings } from '../driver';

/**
 * Numbers shared by every Nonin data format. Facts and sources: ../nonin-df2/PROTOCOL.md
 * (reference/device-protocols.md §3; Nonin 9560 OEM specification 6470-000-01).
 */

/** 9600 8N1, no flow control (9560 spec; OpenICE opens wired Nonin devices the same way). */
export const NONIN_LINK: SerialLinkSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };

export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;

/** Host → device operation codes. */
export const OP = {
  selectFormat: 0x70,
  time: 0x72,
  /** Device → host reply to "get time": the op with bit 7 set. */
  timeReply: 0xf2,
} as const;

/** Select-format payload: `type 2, format`. */
export const SELECT_FORMAT_TYPE = 0x02;
export const TIME_FIELDS = 6;

/** The data formats a 9560 accepts in "select data format". */
export const DATA_FORMATS = [2, 7, 8, 13] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export function isDataFormat(value: number): value is DataFormat {
  return (DATA_FORMATS as readonly number[]).includes(value);
}

/** The 9560 answers "select data format" only during the first 5 s after a connection. */
export const FORMAT_SELECT_WINDOW_MS = 5000;
/**
 * How long the station waits for ACK/NAK. Not in the document: the reply is one byte at 9600
 * baud, so 2 s covers USB and Bluetooth latency with margin while staying inside the 5 s window.
 */
export const FORMAT_REPLY_TIMEOUT_MS = 2000;
export const HOST_TICK_INTERVAL_MS = 100;

/** Invalid / missing markers of the 9-bit heart rate and the 7-bit SpO2. */
export const MISSING_PULSE_RATE = 511;
export const MISSING_SPO2 = 127;
export const MAX_SPO2_PERCENT = 100;

/** The `device-info` key under which decoders report the reply to "select data format". */
export const FORMAT_REPLY_KEY = 'format-select';
