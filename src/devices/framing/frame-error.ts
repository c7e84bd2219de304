import type { FrameErrorCode } from '../driver';

/** Why one frame could not be decoded: returned as a value, never thrown. */
export interface FrameError {
  readonly kind: 'frame-error';
  readonly code: FrameErrorCode;
  readonly detail: string;
}

export function frameError(code: FrameErrorCode, detail: string): FrameError {
  return { kind: 'frame-error', code, detail };
}
