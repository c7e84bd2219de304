import { NoninPlethDecoder } from '../nonin/pleth-decoder';
import { DF7_LAYOUT } from './frames';

/** Format #7 stream decoder: the shared #2/#7 decoder with the #7 frame layout. */
export class NoninDf7Decoder extends NoninPlethDecoder {
  constructor(deviceId: string) {
    super(deviceId, DF7_LAYOUT);
  }
}
