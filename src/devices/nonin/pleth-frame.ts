import type { FrameErrorCode } from '../driver';
import { NONIN_FLAG, perfusionFlags } from './flags';

/**
 * What formats #2 and #7 share: a 5-byte frame whose last byte is the sum of the first four,
 * a STATUS byte with the same bits, and a FLOAT byte on the 25-frame schedule (packet.ts).
 * They differ in where STATUS sits and how wide the pleth is; each format's frames.ts supplies a
 * PlethFrameLayout.
 */
export const PLETH_FRAME_LENGTH = 5;

/** STATUS byte bits (reference/device-protocols.md §3.1). */
export const STATUS_BIT = {
  /** Always 1: STATUS is 128..255. */
  marker: 0x80,
  /** SNSD sensor disconnect on the OEM III (Pufferfish); "reserved" on the 9560. */
  sensorDisconnect: 0x40,
  artifact: 0x20,
  outOfTrack: 0x10,
  /** SNSA sensor alarm ("finger removed"). */
  sensorAlarm: 0x08,
  redPerfusion: 0x04,
  greenPerfusion: 0x02,
  /** 1 only on frame 1 of a packet. */
  sync: 0x01,
} as const;

export interface PlethFrameFields {
  status: number;
  pleth: number;
  float: number;
}

export function emptyPlethFrameFields(): PlethFrameFields {
  return { status: STATUS_BIT.marker, pleth: 0, float: 0 };
}

export interface PlethFrameLayout {
  readonly format: 2 | 7;
  /** Offset of the STATUS byte in the frame. */
  readonly statusAt: number;
  /** Whether a frame may begin at `i`, judging only from bytes before `end` (a chunk's tail). */
  couldStart(bytes: Uint8Array, i: number, end: number): boolean;
  /** Full check of the 5 bytes at `i`: null when valid. Allocation-free. */
  check(bytes: Uint8Array, i: number): FrameErrorCode | null;
  /** Reads a frame that passed `check`. */
  read(bytes: Uint8Array, i: number, out: PlethFrameFields): void;
  encode(fields: PlethFrameFields): Uint8Array;
}

/** (b0 + b1 + b2 + b3) mod 256, the last byte of a frame. */
export function frameChecksum(bytes: Uint8Array, i: number): number {
  return (bytes[i] + bytes[i + 1] + bytes[i + 2] + bytes[i + 3]) & 0xff;
}

/**
 * The check after the layout-specific start test: the checksum. The FLOAT byte is not checked: the
 * document gives it "Range: 00 to 127" yet says reserved FLOAT bytes are "undefined (range of 0 to
 * 255)", and a real 9560 sends its firmware revision (frame 4) as 0x94 (`01 80 43 94 58`). The
 * fields that must have bit 7 clear (HR, SpO2, STAT2) are masked where they are read (packet.ts).
 */
export function checksumError(bytes: Uint8Array, i: number): FrameErrorCode | null {
  return frameChecksum(bytes, i) === bytes[i + 4] ? null : 'checksum';
}

/** NONIN_FLAG bits of a STATUS byte. */
export function statusFlags(status: number): number {
  return (
    (status & STATUS_BIT.sensorAlarm ? NONIN_FLAG.probeOff : 0) |
    (status & STATUS_BIT.sensorDisconnect ? NONIN_FLAG.probeError : 0) |
    (status & STATUS_BIT.outOfTrack ? NONIN_FLAG.outOfTrack : 0) |
    (status & STATUS_BIT.artifact ? NONIN_FLAG.artifact : 0) |
    perfusionFlags((status & STATUS_BIT.redPerfusion) !== 0, (status & STATUS_BIT.greenPerfusion) !== 0)
  );
}

/** Decoded STATUS byte, for parse results and tests. */
export interface StatusFields {
  readonly sync: boolean;
  readonly sensorDisconnect: boolean;
  readonly artifact: boolean;
  readonly outOfTrack: boolean;
  readonly sensorAlarm: boolean;
  readonly redPerfusion: boolean;
  readonly greenPerfusion: boolean;
}

export function statusFields(status: number): StatusFields {
  return {
    sync: (status & STATUS_BIT.sync) !== 0,
    sensorDisconnect: (status & STATUS_BIT.sensorDisconnect) !== 0,
    artifact: (status & STATUS_BIT.artifact) !== 0,
    outOfTrack: (status & STATUS_BIT.outOfTrack) !== 0,
    sensorAlarm: (status & STATUS_BIT.sensorAlarm) !== 0,
    redPerfusion: (status & STATUS_BIT.redPerfusion) !== 0,
    greenPerfusion: (status & STATUS_BIT.greenPerfusion) !== 0,
  };
}

export function statusByte(s: StatusFields): number {
  return (
    STATUS_BIT.marker |
    (s.sensorDisconnect ? STATUS_BIT.sensorDisconnect : 0) |
    (s.artifact ? STATUS_BIT.artifact : 0) |
    (s.outOfTrack ? STATUS_BIT.outOfTrack : 0) |
    (s.sensorAlarm ? STATUS_BIT.sensorAlarm : 0) |
    (s.redPerfusion ? STATUS_BIT.redPerfusion : 0) |
    (s.greenPerfusion ? STATUS_BIT.greenPerfusion : 0) |
    (s.sync ? STATUS_BIT.sync : 0)
  );
}
