import { NO_STEP, type DecodeEvent, type HostProtocol, type HostStep } from '../driver';
import { askCount, askRecord, handshake } from './commands';
import { ATTEMPTS_PER_COMMAND, EMPTY_RECORD_REPLY, HANDSHAKE_REPLY, REPLY_TIMEOUT_MS } from './constants';
import { BP_INFO } from '../bp/bp-record';
import { REPLY_BYTE_INFO } from './decoder';

type Phase = 'handshake' | 'count' | 'record' | 'done' | 'failed';

/**
 * The download conversation: `AA` → `55`; `A2` → record count; then `A3 n` for n = 1..count,
 * each answered by a 9-byte record or `A9` for an empty slot. One command at a time: the next
 * goes out only when the previous was answered. A command without an answer within the reply
 * timeout is sent once more; a second silence ends the session with a `timeout` error. A record
 * that fails validation is asked for once more, then skipped (it is counted as a dropped frame).
 */
export class BeurerBm58Host implements HostProtocol {
  readonly tickIntervalMs = 100;
  private phase: Phase = 'handshake';
  private command: Uint8Array = handshake();
  private sentAtMs = 0;
  private attempts = 0;
  private count = 0;
  private recordNumber = 0;

  open(atMs: number): HostStep {
    return this.send(handshake(), atMs);
  }

  onEvent(event: DecodeEvent, atMs: number): HostStep {
    const reply =
      event.kind === 'device-info' && event.key === REPLY_BYTE_INFO ? parseInt(event.value, 16) : null;
    switch (this.phase) {
      case 'handshake':
        return reply === HANDSHAKE_REPLY ? this.askCount(atMs) : NO_STEP;
      case 'count':
        if (reply === null) return NO_STEP;
        this.count = reply;
        return this.askRecord(1, atMs);
      case 'record':
        // Per-record keys only: `bp-record` and `bp-record-skipped-history` follow at the download's end.
        if (
          event.kind === 'device-info' &&
          (event.key === BP_INFO.downloaded || event.key === BP_INFO.duplicate)
        ) {
          return this.askRecord(this.recordNumber + 1, atMs);
        }
        if (reply === EMPTY_RECORD_REPLY) return this.askRecord(this.recordNumber + 1, atMs);
        if (event.kind === 'frame-error') {
          return this.attempts < ATTEMPTS_PER_COMMAND
            ? this.resend(atMs)
            : this.askRecord(this.recordNumber + 1, atMs);
        }
        return NO_STEP;
      case 'done':
      case 'failed':
        return NO_STEP;
    }
  }

  tick(atMs: number): HostStep {
    if (this.phase === 'done' || this.phase === 'failed') return NO_STEP;
    if (atMs - this.sentAtMs < REPLY_TIMEOUT_MS) return NO_STEP;
    if (this.attempts < ATTEMPTS_PER_COMMAND) return this.resend(atMs);
    const waitingFor = this.phase === 'record' ? `record ${this.recordNumber} of ${this.count}` : this.phase;
    this.phase = 'failed';
    return {
      writes: [],
      error: { code: 'timeout', message: `the monitor stopped answering (waiting for ${waitingFor})` },
    };
  }

  close(): HostStep {
    return NO_STEP;
  }

  /** Where the download stands, for the device panel and tests. */
  get state(): { phase: Phase; count: number; recordNumber: number } {
    return { phase: this.phase, count: this.count, recordNumber: this.recordNumber };
  }

  private askCount(atMs: number): HostStep {
    this.phase = 'count';
    return this.send(askCount(), atMs);
  }

  private askRecord(number: number, atMs: number): HostStep {
    if (number > this.count) {
      this.phase = 'done';
      return NO_STEP;
    }
    this.phase = 'record';
    this.recordNumber = number;
    return this.send(askRecord(number), atMs);
  }

  private send(command: Uint8Array, atMs: number): HostStep {
    this.command = command;
    this.attempts = 1;
    this.sentAtMs = atMs;
    return { writes: [command] };
  }

  private resend(atMs: number): HostStep {
    this.attempts++;
    this.sentAtMs = atMs;
    return { writes: [this.command] };
  }
}
