import { COMMAND, DOWNLINK } from './constants';
import { encodePackage, textBytes } from './package-encoder';

/**
 * Host → device packages. A command is `7D hb CC P1..P6`: 9 bytes always, unused parameters sent
 * as 0x00 (0x80 on the wire); since every command code is ≥ 0x80, the high byte is at least 0x81.
 */
const COMMAND_PARAMETERS = 6;

export function encodeCommand(command: number, params: readonly number[] = []): Uint8Array {
  if (!Number.isInteger(command) || command < 0x80 || command > 0xff) {
    throw new TypeError(`V7 command code must be 0x80..0xFF, got ${command}`);
  }
  if (params.length > COMMAND_PARAMETERS) {
    throw new TypeError(`V7 command takes at most ${COMMAND_PARAMETERS} parameters, got ${params.length}`);
  }
  const padded = [...params];
  while (padded.length < COMMAND_PARAMETERS) padded.push(0);
  return encodePackage(DOWNLINK.command, [command, ...padded]);
}

export const startRealtime = (): Uint8Array => encodeCommand(COMMAND.startRealtime);
export const stopRealtime = (): Uint8Array => encodeCommand(COMMAND.stopRealtime);
export const stopStorageData = (): Uint8Array => encodeCommand(COMMAND.stopStorageData);
export const keepAlive = (): Uint8Array => encodeCommand(COMMAND.keepAlive);
export const askDeviceId = (): Uint8Array => encodeCommand(COMMAND.getDeviceId);
export const askVersion = (): Uint8Array => encodeCommand(COMMAND.getVersion);
export const askPiSupport = (): Uint8Array => encodeCommand(COMMAND.askPiSupport);
export const askStorageNotice = (): Uint8Array => encodeCommand(COMMAND.storageNotice);

export interface DeviceDate {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

/** 0xB2: send before 0xB1. The year goes as two bytes, century first (2025 → 20, 25). */
export function setDate({ year, month, day, weekday }: DeviceDate): Uint8Array {
  checkRange('year', year, 0, 9999);
  checkRange('month', month, 1, 12);
  checkRange('day', day, 1, 31);
  checkRange('weekday', weekday, 0, 6);
  return encodeCommand(COMMAND.setDate, [Math.floor(year / 100), year % 100, month, day, weekday]);
}

/** 0xB1 */
export function setTime(hour: number, minute: number, second: number): Uint8Array {
  checkRange('hour', hour, 0, 23);
  checkRange('minute', minute, 0, 59);
  checkRange('second', second, 0, 59);
  return encodeCommand(COMMAND.setTime, [hour, minute, second]);
}

/** 0xA6: download a stored segment. */
export function sendStorageData(user: number, segment: number): Uint8Array {
  return encodeCommand(COMMAND.sendStorageData, [user, segment]);
}

/** Downlink 0x04: a 7-character device identifier. */
export function setDeviceId(id: string): Uint8Array {
  return encodePackage(DOWNLINK.setDeviceId, textBytes(id, 7));
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${name} must be an integer ${min}..${max}, got ${value}`);
  }
}
