import type { PlethFrameFields } from '../nonin/pleth-frame';
import { DF7_LAYOUT } from './frames';

/** Device → host: one format #7 frame with its checksum (the simulator's encoder). */
export function encodeFrame(fields: PlethFrameFields): Uint8Array {
  return DF7_LAYOUT.encode(fields);
}
