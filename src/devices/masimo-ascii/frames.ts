import { frameError, type FrameError } from '../framing/frame-error';
import { MAX_SPO2_PERCENT } from './constants';

/**
 * Pure decoding of one Masimo "ASCII 1" line (PROTOCOL.md). Without a checksum, the line's own
 * grammar is the integrity check: every field must have its documented key, order and value
 * syntax, or the line is dropped. Dashes are the device's "no value" marker and become `null`.
 */
export interface MasimoLine {
  /** "MM/dd/yy HH:mm:ss" as the device's clock says; informative only (often wrong). */
  deviceTime: string;
  /** Digits, or dashes when the device has none. */
  serialNumber: string;
  spo2: number | null;
  pulseRate: number | null;
  /** Perfusion index, %; `undefined` when the line has no PI field. */
  perfusionIndex: number | null | undefined;
  /** Decoded, not emitted (no MDC code we can source). `undefined` = field absent. */
  spco: number | null | undefined;
  spmet: number | null | undefined;
  sphb: number | null | undefined;
  spoc: number | null | undefined;
  desat: number | null | undefined;
  piDelta: number | null | undefined;
  pvi: number | null | undefined;
  /** Raw ALARM bits: their meanings are Masimo-proprietary. */
  alarm: number;
  /** EXC bits (constants EXC). */
  exceptions: number;
  /** Raw EXC1 bits (newer Radical-7 firmware): meanings not in our sources. */
  exceptions1: number | undefined;
}

const INT = '(\\d{1,3}|-+)';
const DEC = '(\\d{1,3}(?:\\.\\d{1,3})?|-+(?:\\.-+)?)';
const SIGNED = '([+-]?(?:\\d{1,3}|-+))';
const HEX = '([0-9A-Fa-f]{1,8})';

/**
 * Fields in the order every known variant sends them (Rad-8, Radical-7, Radical-7 "color"
 * firmware). SN, SPO2, BPM, ALARM and EXC are in every variant; the others are optional.
 * RESVD is reserved: its value is checked but not kept.
 */
const LINE = new RegExp(
  [
    '^\\s*(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d)',
    '\\s+SN=([0-9A-Za-z-]{1,20})',
    `\\s+SPO2=${INT}%`,
    `\\s+BPM=${INT}`,
    `(?:\\s+PI=${DEC}%?)?`,
    `(?:\\s+SPCO=${DEC}%)?`,
    `(?:\\s+SPMET=${DEC}%)?`,
    `(?:\\s+SPHB=${DEC})?`,
    `(?:\\s+SPOC=${INT})?`,
    '(?:\\s+RESVD=(?:\\d{1,3}|-+))?',
    `(?:\\s+DESAT=${INT})?`,
    `(?:\\s+PIDELTA=${SIGNED})?`,
    `(?:\\s+PVI=${INT})?`,
    `\\s+ALARM=${HEX}`,
    `\\s+EXC=${HEX}`,
    `(?:\\s+EXC1=${HEX})?`,
    '\\s*$',
  ].join(''),
);

/** The "ASCII 2" trend-download record (`… SpO2=097 PR=069 PI=04.69 EXC=800:SET`). */
const TREND_RECORD = /^\s*\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\s+SpO2=/;

/** Validates and decodes one line (without its line end). */
export function parseLine(text: string): MasimoLine | FrameError {
  const m = LINE.exec(text);
  if (m === null) {
    if (TREND_RECORD.test(text)) {
      return frameError(
        'unknown-type',
        'an ASCII 2 trend record: set the monitor serial output to ASCII 1 for live values',
      );
    }
    return frameError('malformed', `not an ASCII 1 line: ${JSON.stringify(text.slice(0, 40))}`);
  }
  const spo2 = value(m[3]);
  if (spo2 !== null && spo2 > MAX_SPO2_PERCENT) return frameError('out-of-range', `SpO2 ${spo2} %`);
  return {
    deviceTime: m[1],
    serialNumber: m[2],
    spo2,
    pulseRate: value(m[4]),
    perfusionIndex: optional(m[5]),
    spco: optional(m[6]),
    spmet: optional(m[7]),
    sphb: optional(m[8]),
    spoc: optional(m[9]),
    desat: optional(m[10]),
    piDelta: optional(m[11]),
    pvi: optional(m[12]),
    alarm: parseInt(m[13], 16),
    exceptions: parseInt(m[14], 16),
    exceptions1: m[15] === undefined ? undefined : parseInt(m[15], 16),
  };
}

/**
 * A number, or null for the device's dashes ("---", "--.-", "+--"); a sign only on PIDELTA. The
 * grammar has already checked the syntax; digits are summed by hand because Number() cost as much
 * as the rest of the parse. An exact integer divided by a power of ten is the double Number()
 * would give.
 */
function value(text: string): number | null {
  let i = 0;
  const first = text.charCodeAt(0);
  const signed = (first === PLUS || first === MINUS) && text.length > 1;
  if (signed) i = 1;
  if (text.charCodeAt(i) === MINUS) return null;
  let digits = 0;
  let divisor = 1;
  let afterDot = false;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      afterDot = true;
    } else {
      digits = digits * 10 + (code - ZERO);
      if (afterDot) divisor *= 10;
    }
  }
  const magnitude = divisor === 1 ? digits : digits / divisor;
  return signed && first === MINUS ? -magnitude : magnitude;
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;

function optional(text: string | undefined): number | null | undefined {
  return text === undefined ? undefined : value(text);
}
