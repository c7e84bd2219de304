/**
 * Nonin data format #2 (8-bit pleth) — numbers only. Facts and sources: PROTOCOL.md in this folder
 * (reference/device-protocols.md §3.1). Shared Nonin numbers live in ../nonin/constants.ts.
 */
export const FORMAT = 2;
/** Byte 0 of every #2 frame. */
export const FRAME_LEAD = 0x01;
export const FRAME_LENGTH = 5;
/** Byte offsets inside a frame. */
export const AT = { lead: 0, status: 1, pleth: 2, float: 3, checksum: 4 } as const;
export { FRAMES_PER_PACKET, FRAMES_PER_S } from '../nonin/packet';
