/**
 * Nellcor N-595 / NPB-290 ASCII serial output — numbers only. Facts and sources: PROTOCOL.md in
 * this folder (reference/device-protocols.md §4.2).
 */
export const BAUD_RATE = 9600;
/** The simulator's (and, per the issue, the devices' default) rate: one data line a second. */
export const LINES_PER_S = 1;
/** The longest known line (instrument line with alarm limits) is under 100 characters. */
export const MAX_LINE_BYTES = 256;
export const MAX_SPO2_PERCENT = 100;
export const LINE_END = '\r\n';
export const MONTHS = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
] as const;
