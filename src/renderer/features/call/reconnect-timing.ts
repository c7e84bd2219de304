/**
 * How fast the call notices a dead link and how it comes back, in one place so the tests can shrink
 * it and the design note (docs/call-resilience.md) can quote it. The numbers serve two promises of
 * issue 14: a cut is said on screen within 2 s, and the call is back within 5 s of the network
 * returning, however long the cut lasted.
 */
export interface ReconnectTiming {
  /** The page pings the rendezvous this often… */
  readonly pingEveryMs: number;
  /** …and a socket from which nothing (no pong, nothing) came for this long is dead. */
  readonly socketSilentMs: number;
  /**
   * A new socket must be `joined` within this: during a cut its SYN vanishes, and the kernel's own
   * retry (1 s, 3 s, 7 s…) would hold it far longer than the backoff below.
   */
  readonly joinTimeoutMs: number;
  /** Rejoin delays after a lost socket: doubles from first to max, forever while the call lasts. */
  readonly rejoinFirstMs: number;
  readonly rejoinMaxMs: number;
  /**
   * After this many failed reconnects in a row the cut is no blip: the next ones wait for the
   * network probe (relay-probe.ts) to hear the TURN server again, one probe at a time, at most one
   * every `rejoinMaxMs`. Chromium delays a page's every new WebSocket by 1–5 s once a few dozen have
   * failed: a socket every 3.5 s through a 150 s cut cost 3–10 s after the network returned.
   */
  readonly probeAfterFailures: number;
  /** A probe unanswered this long says "still cut" (TURN's own retransmits fit in it). */
  readonly probeTimeoutMs: number;
  /**
   * While probing, a socket is still tried this often whatever the probe says (a TURN server down
   * with the rendezvous up): rare enough that Chromium's throttle stays near zero.
   */
  readonly blindRetryMs: number;
  /** The peer's counters are read this often to tell whether anything still arrives. */
  readonly linkSampleMs: number;
  /**
   * Nothing received on the peer connection for this long: the call is "interrupted". Under one
   * second, so that with a sample every `linkSampleMs` and the timers of a busy page the cut is
   * said within 2 s; a live link is never this silent (audio alone is 50 packets/s).
   */
  readonly linkSilentMs: number;
  /** An ICE restart that has not brought the link back after this long: build a new peer. */
  readonly iceRestartTimeoutMs: number;
  /** A new peer that is not connected after this long is rebuilt again. */
  readonly connectTimeoutMs: number;
  /** The station waits this long for the doctor's hello after meeting it, then acts alone. */
  readonly helloWaitMs: number;
  /** Two new peers are at least this far apart, however fast the last one failed. */
  readonly rebuildGapMs: number;
}

export const DEFAULT_RECONNECT_TIMING: ReconnectTiming = {
  pingEveryMs: 1000,
  socketSilentMs: 2000,
  joinTimeoutMs: 2500,
  rejoinFirstMs: 250,
  rejoinMaxMs: 1000,
  probeAfterFailures: 2,
  probeTimeoutMs: 2000,
  blindRetryMs: 30_000,
  linkSampleMs: 500,
  linkSilentMs: 750,
  iceRestartTimeoutMs: 3000,
  connectTimeoutMs: 5000,
  helloWaitMs: 1500,
  rebuildGapMs: 1000,
};

export function rejoinDelayMs(attempt: number, timing: ReconnectTiming): number {
  return Math.min(timing.rejoinMaxMs, timing.rejoinFirstMs * 2 ** Math.max(0, attempt));
}

/** Time and timers, injected so the tests drive them (a monotonic clock in the browser). */
export interface CallClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const BROWSER_CLOCK: CallClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
