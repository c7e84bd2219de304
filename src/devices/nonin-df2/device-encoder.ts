import type { PlethFrameFields } from '../nonin/pleth-frame';
import { DF2_LAYOUT } from './frames';

/** Device → host: one format #2 frame with its checksum (the simulator's encoder). */
export function encodeFrame(fields: PlethFrameFields): Uint8Array {
  return DF2_LAYOUT.encode(fields);
}
