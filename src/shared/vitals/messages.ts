import type { Reading } from '../domain/readings';

/** The messages of the vitals channel, decoded (VITALS-CHANNEL.md gives their bytes). */

/** Opens a session on a (new) data channel: the receiver's dictionaries follow in `dict` messages. */
export interface HelloMessage {
  readonly kind: 'hello';
  /** Chosen by the sender once; a different id means a new stream (the sender restarted). */
  readonly sessionId: string;
  /** Integer epoch ms; batch base times are sent relative to it. */
  readonly epochMs: number;
  /** The lowest seq the sender will still send: anything below that the receiver lacks is lost. */
  readonly firstSeq: number;
}

export type DictEntry =
  | {
      readonly table: 'device' | 'metric' | 'unit';
      readonly index: number;
      readonly text: string;
    }
  | {
      readonly table: 'series';
      readonly index: number;
      readonly device: number;
      readonly metric: number;
      readonly unit: number;
      /** Sample rate of a waveform series; null for a numeric series. */
      readonly rateHz: number | null;
    };

export interface DictMessage {
  readonly kind: 'dict';
  readonly entries: readonly DictEntry[];
}

export interface BatchMessage {
  readonly kind: 'batch';
  readonly seq: number;
  readonly readings: Reading[];
  /** Readings or status flags this build does not know (a newer sender), left out and counted. */
  readonly skipped: number;
}

/** Inclusive seq range the receiver holds beyond `nextSeq` (selective acknowledgement). */
export interface SeqRange {
  readonly from: number;
  readonly to: number;
}

export interface AckMessage {
  readonly kind: 'ack';
  /** Every batch with seq < nextSeq has been delivered. */
  readonly nextSeq: number;
  /** Batches held out of order, ascending and disjoint, all above nextSeq. */
  readonly ranges: readonly SeqRange[];
}

/** Clock-sync probe; times are the pinger's local ms (fractions allowed). */
export interface PingMessage {
  readonly kind: 'ping';
  readonly id: number;
  readonly sentAtMs: number;
}

export interface PongMessage {
  readonly kind: 'pong';
  readonly id: number;
  /** The ping's sentAtMs, echoed (pinger's clock). */
  readonly pingSentAtMs: number;
  /** When the ping arrived and when this pong left, on the answerer's clock. */
  readonly receivedAtMs: number;
  readonly sentAtMs: number;
}

export type ControlMessage = HelloMessage | DictMessage | AckMessage | PingMessage | PongMessage;
export type VitalsMessage = ControlMessage | BatchMessage;
