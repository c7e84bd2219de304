/**
 * Nonin data format #7 (16-bit pleth) — numbers only. Facts and sources: PROTOCOL.md in this folder
 * (reference/device-protocols.md §3.2). Shared Nonin numbers live in ../nonin/constants.ts.
 */
export const FORMAT = 7;
export const FRAME_LENGTH = 5;
/** Byte offsets inside a frame: no lead byte, STATUS (bit 7 set) marks the frame start. */
export const AT = { status: 0, plethMsb: 1, plethLsb: 2, float: 3, checksum: 4 } as const;
export { FRAMES_PER_PACKET, FRAMES_PER_S } from '../nonin/packet';
