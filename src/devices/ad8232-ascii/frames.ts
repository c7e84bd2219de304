import { frameError, type FrameError } from '../framing/frame-error';
import { LEAD_OFF_MARKER } from './constants';

/**
 * One text line of the AD8232 sketch: a decimal ADC value, or `!` while a lead is off. There is
 * no checksum; the grammar and the ADC range are all there is to validate. Surrounding spaces and
 * tabs are ignored. `readLine` is the allocation-free reader the decoder uses; `parseLine` wraps it.
 */

export type ParsedLine = { readonly kind: 'sample'; readonly value: number } | { readonly kind: 'lead-off' };

/** `readLine` results that are not a value (values are ≥ 0). */
export const LINE_LEAD_OFF = -1;
export const LINE_NOT_A_NUMBER = -2;
export const LINE_OUT_OF_RANGE = -3;
/** A line the shared LineFramer dropped: a byte that is not text, or too long. */
export const LINE_UNREADABLE = -4;

const ZERO = 0x30;
const NINE = 0x39;
const SPACE = 0x20;
const TAB = 0x09;
const MAX_DIGITS = 5;
const LEAD_OFF_CODE = LEAD_OFF_MARKER.charCodeAt(0);

export function readLine(line: string, maxValue: number): number {
  let start = 0;
  let end = line.length;
  while (start < end && isBlank(line.charCodeAt(start))) start++;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  if (end - start === 1 && line[start] === LEAD_OFF_MARKER) return LINE_LEAD_OFF;
  if (end === start || end - start > MAX_DIGITS) return LINE_NOT_A_NUMBER;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = line.charCodeAt(i);
    if (code < ZERO || code > NINE) return LINE_NOT_A_NUMBER;
    value = value * 10 + code - ZERO;
  }
  return value > maxValue ? LINE_OUT_OF_RANGE : value;
}

/** `readLine` over the bytes `[start, end)` of one line (no line end inside), without a string. */
export function readLineBytes(bytes: Uint8Array, start: number, end: number, maxValue: number): number {
  while (start < end && isBlank(bytes[start])) start++;
  while (end > start && isBlank(bytes[end - 1])) end--;
  if (end - start === 1 && bytes[start] === LEAD_OFF_CODE) return LINE_LEAD_OFF;
  if (end === start || end - start > MAX_DIGITS) return LINE_NOT_A_NUMBER;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = bytes[i];
    if (code < ZERO || code > NINE) return LINE_NOT_A_NUMBER;
    value = value * 10 + code - ZERO;
  }
  return value > maxValue ? LINE_OUT_OF_RANGE : value;
}

export function parseLine(line: string, maxValue: number): ParsedLine | FrameError {
  const value = readLine(line, maxValue);
  if (value === LINE_LEAD_OFF) return { kind: 'lead-off' };
  if (value === LINE_NOT_A_NUMBER) return frameError('malformed', lineError(line));
  if (value === LINE_OUT_OF_RANGE) {
    return frameError('out-of-range', `ADC value ${line.trim()} is above ${maxValue}`);
  }
  return { kind: 'sample', value };
}

export function lineError(line: string): string {
  return `line ${JSON.stringify(line.slice(0, 20))} is neither a decimal ADC value nor "${LEAD_OFF_MARKER}"`;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}
