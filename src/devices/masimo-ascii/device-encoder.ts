import { asciiBytes } from '../framing/line-framer';
import { LINE_END } from './constants';
import type { MasimoLine } from './frames';

/**
 * Device → host: one ASCII 1 line with its line end (the simulator's encoder; the inverse of
 * parseLine). Field widths follow the documented samples ("SPO2=098%", "PI=03.60%",
 * "SPCO=--.-%", "PIDELTA=+--", "ALARM=0000", "EXC=000800"); optional fields are written only when
 * present, in the order every variant uses.
 */
export function encodeLine(line: MasimoLine): Uint8Array {
  return asciiBytes(formatLine(line) + LINE_END);
}

export function formatLine(line: MasimoLine): string {
  const fields = [
    line.deviceTime,
    `SN=${line.serialNumber}`,
    `SPO2=${int(line.spo2, 3)}%`,
    `BPM=${int(line.pulseRate, 3)}`,
  ];
  if (line.perfusionIndex !== undefined) fields.push(`PI=${decimal(line.perfusionIndex, 2, 2)}%`);
  if (line.spco !== undefined) fields.push(`SPCO=${decimal(line.spco, 2, 1)}%`);
  if (line.spmet !== undefined) fields.push(`SPMET=${decimal(line.spmet, 2, 1)}%`);
  if (line.sphb !== undefined) fields.push(`SPHB=${decimal(line.sphb, 2, 1)}`);
  if (line.spoc !== undefined) fields.push(`SPOC=${int(line.spoc, 2)}`);
  if (line.desat !== undefined) fields.push(`DESAT=${int(line.desat, 2)}`);
  if (line.piDelta !== undefined) fields.push(`PIDELTA=${signed(line.piDelta, 2)}`);
  if (line.pvi !== undefined) fields.push(`PVI=${int(line.pvi, 3)}`);
  fields.push(`ALARM=${hex(line.alarm, 4)}`, `EXC=${hex(line.exceptions, 6)}`);
  if (line.exceptions1 !== undefined) fields.push(`EXC1=${hex(line.exceptions1, 8)}`);
  return fields.join(' ');
}

function int(value: number | null, width: number): string {
  return value === null ? '-'.repeat(width) : String(Math.round(value)).padStart(width, '0');
}

function decimal(value: number | null, intDigits: number, fractionDigits: number): string {
  if (value === null) return `${'-'.repeat(intDigits)}.${'-'.repeat(fractionDigits)}`;
  return value.toFixed(fractionDigits).padStart(intDigits + 1 + fractionDigits, '0');
}

function signed(value: number | null, width: number): string {
  if (value === null) return `+${'-'.repeat(width)}`;
  return (value < 0 ? '-' : '+') + String(Math.abs(Math.round(value))).padStart(width, '0');
}

function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, '0');
}
