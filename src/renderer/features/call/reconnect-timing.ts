/**
 * How fast the call gives up on a link and rebuilds it. Chromium marks ICE `disconnected` after a
 * few seconds without consent responses and only `failed` after ~30 s; waiting for `failed` would
 * leave the doctor looking at a frozen frame, so a disconnect that lasts `iceGraceMs` counts.
 */
export interface ReconnectTiming {
  /** ICE `disconnected` this long → tear down and build a new peer. */
  readonly iceGraceMs: number;
  /** A new peer that is not connected after this long is rebuilt again. */
  readonly connectTimeoutMs: number;
  /** Rejoin delays after a dropped signaling socket: doubles from first to max. */
  readonly rejoinFirstMs: number;
  readonly rejoinMaxMs: number;
}

export const DEFAULT_RECONNECT_TIMING: ReconnectTiming = {
  iceGraceMs: 3000,
  connectTimeoutMs: 12_000,
  rejoinFirstMs: 500,
  rejoinMaxMs: 5000,
};

export function rejoinDelayMs(attempt: number, timing: ReconnectTiming): number {
  return Math.min(timing.rejoinMaxMs, timing.rejoinFirstMs * 2 ** Math.max(0, attempt));
}
