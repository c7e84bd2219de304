import { NoninPlethDecoder } from '../nonin/pleth-decoder';
import { DF2_LAYOUT } from './frames';

/** Format #2 stream decoder: the shared #2/#7 decoder with the #2 frame layout. */
export class NoninDf2Decoder extends NoninPlethDecoder {
  constructor(deviceId: string) {
    super(deviceId, DF2_LAYOUT);
  }
}
