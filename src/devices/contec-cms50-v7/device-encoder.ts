import { INVALID_PI, INVALID_PULSE_RATE, INVALID_SPO2, PACKAGE, RT2, RT3, RT4 } from './constants';
import type { RealtimeFields } from './frames';
import { encodePackage, textBytes } from './package-encoder';

/** Device → host packages, for the simulator and for tests. The inverse of frames.ts. */

/** Real-time package 0x01. Null values go out as the protocol's invalid markers. */
export function encodeRealtime(f: RealtimeFields): Uint8Array {
  const pi = f.perfusionIndex === null ? INVALID_PI : Math.round(f.perfusionIndex * 100);
  return encodePackage(PACKAGE.realtime, [
    (f.signalStrength & RT2.signalStrengthMask) |
      (f.searchingTooLong ? RT2.searchingTooLong : 0) |
      (f.lowSpo2 ? RT2.lowSpo2 : 0) |
      (f.pulseBeep ? RT2.pulseBeep : 0) |
      (f.probeError ? RT2.probeError : 0),
    (f.pleth & RT3.plethMask) | (f.searching ? RT3.searching : 0),
    (f.barGraph & RT4.barGraphMask) | (f.piInvalid || f.perfusionIndex === null ? RT4.piInvalid : 0),
    f.pulseRate ?? INVALID_PULSE_RATE,
    f.spo2 ?? INVALID_SPO2,
    pi & 0xff,
    pi >> 8,
  ]);
}

export const encodeDeviceId = (id: string): Uint8Array => encodePackage(PACKAGE.deviceId, textBytes(id, 7));
export const encodeFree = (): Uint8Array => encodePackage(PACKAGE.free, []);
export const encodeFeedback = (command: number, reason: number): Uint8Array =>
  encodePackage(PACKAGE.commandFeedback, [command, reason]);
export const encodeDisconnectNotice = (reason: number): Uint8Array =>
  encodePackage(PACKAGE.disconnectNotice, [reason]);
/** Reply to 0xA0, as a CMS50D+ v4.6 answers it: data 00 07. */
export const encodeVersion = (version: number): Uint8Array => encodePackage(PACKAGE.version, [0, version]);
export const encodePiIdentifier = (piSupported: boolean): Uint8Array =>
  encodePackage(PACKAGE.piIdentifier, [piSupported ? 0 : 1]);
/** Device notice type 0x01: whether stored data is present. */
export const encodeStorageNotice = (present: boolean): Uint8Array =>
  encodePackage(PACKAGE.deviceNotice, [0x01, present ? 1 : 0, 0, 0, 0, 0, 0]);
export const encodeModelSegment = (segment: number, text: string): Uint8Array =>
  encodePackage(PACKAGE.modelSegment, [segment, ...textBytes(text, 6)]);
export const encodeUserCount = (count: number): Uint8Array => encodePackage(PACKAGE.userCount, [count]);
