import type { ReadingBatch } from '../domain/readings';

/** Configuration and counters of a VitalsReceiver. */

export interface VitalsReceiverOptions {
  /** Sends one message (acks, pings) on the current reliable data channel. */
  readonly send: (bytes: Uint8Array) => void;
  /** Sends on the latest-value channel, or returns false when none is open (then `send` is used). */
  readonly sendLive?: (bytes: Uint8Array) => boolean;
  /** Every batch exactly once, in seq order (the record path). */
  readonly onBatch: (batch: ReadingBatch) => void;
  /**
   * Every batch once, the moment it first arrives on either channel, in arrival order (the live
   * view). `late` is true when a batch with a higher seq was already seen: its readings are older
   * than what the screen shows (a latest-value copy was lost and the backfill brought it).
   */
  readonly onArrival?: (batch: ReadingBatch, late: boolean) => void;
  /** Ack after this many delivered batches (default 16) or ackIntervalMs (DEFAULT_ACK_INTERVAL_MS) later. */
  readonly ackEveryBatches?: number;
  readonly ackIntervalMs?: number;
  /** Bounds on batches held out of order (default 512 batches, 4 MiB); past them arrivals are left to the replay. */
  readonly maxPendingBatches?: number;
  readonly maxPendingBytes?: number;
  /** Clock-sync ping period in tick() (default 1000 ms; 0 = only explicit ping()). */
  readonly pingIntervalMs?: number;
  readonly clockWindow?: number;
}

export interface VitalsReceiverStats {
  delivered: number;
  readings: number;
  duplicates: number;
  outOfOrder: number;
  /** Batches the sender will never send again (dropped from its full buffer), and how many holes. */
  missing: number;
  gaps: number;
  /** Messages refused: malformed, corrupted, or referring to dictionary entries not received yet. */
  rejected: number;
  /** Out-of-order arrivals not held because the bound was reached (the sender replays them). */
  overflow: number;
  /** Readings and flags of metrics this build does not know. */
  skipped: number;
  /** Sender sessions seen (a new one each time the station's sender restarts). */
  sessions: number;
  /** Batches whose first copy came on the latest-value channel. */
  liveFirst: number;
  /**
   * Latest-value messages not used: of another session than the last hello's (they would be
   * decoded against the wrong dictionary), malformed, or a dict overtaken by the next one.
   */
  liveRefused: number;
}

export function zeroStats(): VitalsReceiverStats {
  return {
    delivered: 0,
    readings: 0,
    duplicates: 0,
    outOfOrder: 0,
    missing: 0,
    gaps: 0,
    rejected: 0,
    overflow: 0,
    skipped: 0,
    sessions: 0,
    liveFirst: 0,
    liveRefused: 0,
  };
}

/** How long a receiver lets acks wait by default: the sender allows for it before a resend. */
export const DEFAULT_ACK_INTERVAL_MS = 250;
