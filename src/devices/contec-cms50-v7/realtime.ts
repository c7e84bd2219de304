import {
  INVALID_PI,
  INVALID_PULSE_RATE,
  INVALID_SPO2,
  MAX_PI_HUNDREDTHS,
  MAX_SPO2_PERCENT,
  RT2,
  RT3,
  RT4,
} from './constants';

/**
 * The real-time package 0x01: the one the live path decodes 60 times a second, so its reader
 * fills a caller-owned object instead of allocating. Field table: PROTOCOL.md.
 */

export interface RealtimeFields {
  signalStrength: number;
  searchingTooLong: boolean;
  lowSpo2: boolean;
  pulseBeep: boolean;
  probeError: boolean;
  /** 0..127 as sent (a device forces 0x40 while the probe is in error). */
  pleth: number;
  searching: boolean;
  barGraph: number;
  piInvalid: boolean;
  /** bpm; null for the 0xFF marker. */
  pulseRate: number | null;
  /** %; null for the 0x7F marker. */
  spo2: number | null;
  /** %; null for 0xFFFF or when the PI-invalid bit is set. */
  perfusionIndex: number | null;
}

/** Byte `index` (≥ 2) of the package at `offset`, with its bit 7 restored from the high byte. */
export function restoredByte(bytes: Uint8Array, offset: number, index: number): number {
  return (bytes[offset + index] & 0x7f) | (((bytes[offset + 1] >> (index - 2)) & 1) << 7);
}

/** All data bytes (index 2..length-1) of a package, restored. */
export function restoreData(bytes: Uint8Array, offset = 0, length = bytes.length): number[] {
  const data: number[] = [];
  for (let i = 2; i < length; i++) data.push(restoredByte(bytes, offset, i));
  return data;
}

/**
 * Reads the real-time package at `offset` (layout already valid) into `out`; returns an error
 * message for out-of-range content, or null. Allocation-free: the decoder's hot path.
 */
export function readRealtime(bytes: Uint8Array, offset: number, out: RealtimeFields): string | null {
  const b2 = restoredByte(bytes, offset, 2);
  const b3 = restoredByte(bytes, offset, 3);
  const b4 = restoredByte(bytes, offset, 4);
  const pulseRate = restoredByte(bytes, offset, 5);
  const spo2 = restoredByte(bytes, offset, 6);
  const pi = restoredByte(bytes, offset, 7) | (restoredByte(bytes, offset, 8) << 8);
  out.signalStrength = b2 & RT2.signalStrengthMask;
  out.searchingTooLong = (b2 & RT2.searchingTooLong) !== 0;
  out.lowSpo2 = (b2 & RT2.lowSpo2) !== 0;
  out.pulseBeep = (b2 & RT2.pulseBeep) !== 0;
  out.probeError = (b2 & RT2.probeError) !== 0;
  out.pleth = b3 & RT3.plethMask;
  out.searching = (b3 & RT3.searching) !== 0;
  out.barGraph = b4 & RT4.barGraphMask;
  out.piInvalid = (b4 & RT4.piInvalid) !== 0;
  out.pulseRate = pulseRate === INVALID_PULSE_RATE ? null : pulseRate;
  if (spo2 > MAX_SPO2_PERCENT && spo2 !== INVALID_SPO2) return `SpO2 ${spo2} is out of range`;
  out.spo2 = spo2 === INVALID_SPO2 ? null : spo2;
  if (out.piInvalid || pi === INVALID_PI) {
    out.perfusionIndex = null;
  } else if (pi > MAX_PI_HUNDREDTHS) {
    return `perfusion index ${pi / 100} % is out of range`;
  } else {
    out.perfusionIndex = pi / 100;
  }
  return null;
}

export function emptyRealtimeFields(): RealtimeFields {
  return {
    signalStrength: 0,
    searchingTooLong: false,
    lowSpo2: false,
    pulseBeep: false,
    probeError: false,
    pleth: 0,
    searching: false,
    barGraph: 0,
    piInvalid: false,
    pulseRate: null,
    spo2: null,
    perfusionIndex: null,
  };
}
