import { asciiBytes } from '../framing/line-framer';
import { LINE_END } from './constants';
import type { NellcorData } from './frames';

/**
 * Device → host lines (the simulator's encoder; the inverse of parseLine). Data lines follow the
 * NPB-290 manual sample "12-NOV-97 14:00:05 100 120 50": single spaces, values unpadded, then the
 * status codes; a missing value is written "---" (the grammar allows any run of dashes).
 */
export function formatDataLine(line: Omit<NellcorData, 'kind'>): string {
  const field = (value: number | null, bit: number): string =>
    (value === null ? '---' : String(Math.round(value))) + (line.starred & bit ? '*' : '');
  return [
    line.deviceTime,
    field(line.spo2, 1),
    field(line.pulseRate, 2),
    field(line.pulseAmplitude, 4),
    ...line.codes,
  ].join(' ');
}

export function encodeDataLine(line: Omit<NellcorData, 'kind'>): Uint8Array {
  return asciiBytes(formatDataLine(line) + LINE_END);
}

export interface NellcorHeader {
  readonly model: string;
  readonly firmwareVersion: string;
  readonly firmwareCrc: string;
  readonly spo2Limits: readonly [number, number];
  readonly pulseRateLimits: readonly [number, number];
  readonly limitsMode: 'ADULT' | 'NEO';
  readonly satSeconds: number;
  readonly responseMode: 'NORMAL' | 'FAST';
}

/**
 * The header block: instrument line with alarm limits, settings line, a blank line and the column
 * header, in the shapes the OpenICE grammar recognises (exact spacing is not in our sources).
 */
export function formatHeader(h: NellcorHeader): string[] {
  return [
    `${h.model} VERSION ${h.firmwareVersion}  CRC:${h.firmwareCrc}  SpO2 Limit: ${h.spo2Limits[0]}-${h.spo2Limits[1]}%  PR Limit: ${h.pulseRateLimits[0]}-${h.pulseRateLimits[1]}BPM`,
    `    ${h.limitsMode}  ${h.satSeconds}SAT-S  SPO2 RESP MODE: ${h.responseMode}`,
    '',
    'TIME                 %SPO2  BPM  PA  Status',
  ];
}

export function encodeHeader(h: NellcorHeader): Uint8Array {
  return asciiBytes(
    formatHeader(h)
      .map((line) => line + LINE_END)
      .join(''),
  );
}
