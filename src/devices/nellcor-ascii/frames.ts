import { frameError, type FrameError } from '../framing/frame-error';
import { MAX_SPO2_PERCENT, MONTHS } from './constants';

/**
 * Pure decoding of one Nellcor N-595 / NPB-290 output line (PROTOCOL.md). No checksum: the
 * line's grammar is the integrity check. Data lines carry the values; the instrument and settings
 * lines of the header become device info; the column header and the interactive-mode menu are
 * known lines with nothing to decode.
 */
export interface NellcorData {
  readonly kind: 'data';
  /** "dd-MMM-yy HH:mm:ss" from the monitor's clock; informative only. */
  readonly deviceTime: string;
  readonly spo2: number | null;
  readonly pulseRate: number | null;
  /** Pulse amplitude (PA): decoded, not emitted (no MDC code we can source). */
  readonly pulseAmplitude: number | null;
  /** A value followed by "*" (meaning not in our sources: see PROTOCOL.md); bit 0 SpO2, 1 PR, 2 PA. */
  readonly starred: number;
  /** Two-letter status codes as sent, known or not. */
  readonly codes: readonly string[];
}

export interface NellcorInfo {
  readonly kind: 'info';
  readonly entries: readonly (readonly [key: string, value: string])[];
}

export interface NellcorKnownLine {
  readonly kind: 'ignored';
}

export type NellcorLine = NellcorData | NellcorInfo | NellcorKnownLine;

const VALUE = '(\\d{1,3}|-+)(\\*?)';
const DATA = new RegExp(
  `^\\s*(\\d\\d-([A-Za-z]{3})-\\d\\d \\d\\d:\\d\\d:\\d\\d)\\s+${VALUE}\\s+${VALUE}\\s+${VALUE}((?:\\s+[A-Z]{2})*)\\s*$`,
);
const INSTRUMENT_WITH_LIMITS =
  /^(\S+)\s+VERSION ([0-9.]+)\s+CRC:(\S+)\s+SpO2 Limit: ?(\d+)- ?(\d+)(\S+)\s+PR Limit: ?(\d+)- ?(\d+)(\S+).*$/;
const INSTRUMENT_INFO = /^(\S+)\s+VERSION\s+([0-9.]+)\s+INFO\s+CRC:(\S+)\s+SEC:([0-9 /]+)\s*$/;
const SETTINGS = /^\s+(\w+)\s+(\d+)SAT-S\s+SPO2 RESP MODE: (\w+).*$/;
const COLUMN_HEADER = /^\s*TIME\s+%SPO2\s+BPM\s+PA\s+Status\s*$/;
const MENU =
  /^\s*(?:Command\?|NPB-595\s+Interactive Mode|[0-4]\) (?:Dump Instrument Info|Set Date and Time|Dump Trend|Dump Error Log|Exit Interactive Mode))\s*$/;

const IGNORED: NellcorKnownLine = Object.freeze({ kind: 'ignored' });

/** Validates and decodes one line (without its line end). */
export function parseLine(text: string): NellcorLine | FrameError {
  const data = DATA.exec(text);
  if (data !== null) return dataLine(data);
  const limits = INSTRUMENT_WITH_LIMITS.exec(text);
  if (limits !== null) {
    const [, model, version, crc, spo2Low, spo2High, spo2Unit, prLow, prHigh, prUnit] = limits;
    return info([
      ['model', model],
      ['firmware-version', version],
      ['firmware-crc', crc],
      ['spo2-alarm-limits', `${spo2Low}-${spo2High}${spo2Unit}`],
      ['pulse-rate-alarm-limits', `${prLow}-${prHigh}${prUnit}`],
    ]);
  }
  const instrument = INSTRUMENT_INFO.exec(text);
  if (instrument !== null) {
    return info([
      ['model', instrument[1]],
      ['firmware-version', instrument[2]],
      ['firmware-crc', instrument[3]],
    ]);
  }
  const settings = SETTINGS.exec(text);
  if (settings !== null) {
    return info([
      ['alarm-limits-mode', settings[1]],
      ['sat-seconds', settings[2]],
      ['spo2-response-mode', settings[3]],
    ]);
  }
  if (COLUMN_HEADER.test(text) || MENU.test(text)) return IGNORED;
  return frameError('malformed', `not an N-595 output line: ${JSON.stringify(text.slice(0, 40))}`);
}

function dataLine(m: RegExpExecArray): NellcorData | FrameError {
  if (!(MONTHS as readonly string[]).includes(m[2].toUpperCase())) {
    return frameError('malformed', `unknown month ${JSON.stringify(m[2])}`);
  }
  const spo2 = value(m[3]);
  if (spo2 !== null && spo2 > MAX_SPO2_PERCENT) return frameError('out-of-range', `SpO2 ${spo2} %`);
  const codes = m[9].trim();
  return {
    kind: 'data',
    deviceTime: m[1],
    spo2,
    pulseRate: value(m[5]),
    pulseAmplitude: value(m[7]),
    starred: (m[4] ? 1 : 0) | (m[6] ? 2 : 0) | (m[8] ? 4 : 0),
    codes: codes === '' ? [] : codes.split(/\s+/),
  };
}

/** A number, or null for the device's dashes. Digits summed by hand: Number() was a hot spot. */
function value(text: string): number | null {
  if (text.charCodeAt(0) === MINUS) return null;
  let n = 0;
  for (let i = 0; i < text.length; i++) n = n * 10 + (text.charCodeAt(i) - ZERO);
  return n;
}

const MINUS = 0x2d;
const ZERO = 0x30;

function info(entries: NellcorInfo['entries']): NellcorInfo {
  return { kind: 'info', entries };
}
