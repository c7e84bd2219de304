import { BP_INFO } from '../bp/bp-record';
import { NO_STEP, type DecodeEvent, type HostProtocol, type HostStep } from '../driver';
import { hexToBytes } from '../framing/hex';
import { countCommand, initCommand, recordCommand, terminateCommand } from './commands';
import { FIRST_RECORD_INDEX, HOST_TICK_MS, MAX_RETRIES, REPLY_TIMEOUT_MS } from './constants';
import { BM55_REPLY_INFO } from './decoder';

export interface Bm55HostOptions {
  readonly replyTimeoutMs?: number;
}

type Expect = 'any' | 'count' | 'record';
interface Step {
  readonly name: string;
  readonly write: Uint8Array;
  readonly expect: Expect;
}

/**
 * The download (both sources' order): AA (init), A2 (count in reply byte 0), A3 n for n = 1..count,
 * F7 (terminate, no reply). Every command gets one 8-byte reply. The record order is not known
 * (PROTOCOL.md), so every record is read; the decoder imports by the rule of ../bp once the last
 * record arrived. Silence resends the command up to MAX_RETRIES times, then ends the session (`timeout`).
 */
export class BeurerBm55HidHost implements HostProtocol {
  readonly tickIntervalMs = HOST_TICK_MS;
  private readonly replyTimeoutMs: number;
  private current: Step | null = null;
  private sentAtMs = 0;
  private retries = 0;
  private count = 0;
  private nextIndex = FIRST_RECORD_INDEX;
  private finished = false;

  constructor(options: Bm55HostOptions = {}) {
    this.replyTimeoutMs = options.replyTimeoutMs ?? REPLY_TIMEOUT_MS;
  }

  get done(): boolean {
    return this.finished;
  }

  open(atMs: number): HostStep {
    return this.start({ name: 'AA', write: initCommand(), expect: 'any' }, atMs);
  }

  onEvent(event: DecodeEvent, atMs: number): HostStep {
    const step = this.current;
    if (!step || event.kind === 'reading') return NO_STEP;
    if (event.kind === 'frame-error' || event.kind === 'value-error') return NO_STEP;
    // Per-record keys only: `bp-record` and `bp-record-skipped-history` follow at the download's end.
    const isRecord = event.key === BP_INFO.downloaded || event.key === BP_INFO.duplicate;
    if (!isRecord && event.key !== BM55_REPLY_INFO) return NO_STEP;
    switch (step.expect) {
      case 'any':
        return this.start({ name: 'A2', write: countCommand(), expect: 'count' }, atMs);
      case 'count':
        if (isRecord) return this.fail('the count reply decoded as a record');
        this.count = hexToBytes(event.value)[0];
        return this.nextRecordOrEnd(atMs);
      case 'record':
        // A record, or a non-record reply for an empty slot: either way, on to the next.
        return this.nextRecordOrEnd(atMs);
    }
  }

  tick(atMs: number): HostStep {
    const step = this.current;
    if (!step || atMs - this.sentAtMs < this.replyTimeoutMs) return NO_STEP;
    if (this.retries >= MAX_RETRIES) {
      this.current = null;
      return {
        writes: [],
        error: {
          code: 'timeout',
          message: `no reply to ${step.name} within ${this.replyTimeoutMs} ms (after ${MAX_RETRIES} retries)`,
        },
      };
    }
    this.retries++;
    this.sentAtMs = atMs;
    return { writes: [step.write] };
  }

  close(): HostStep {
    this.current = null;
    return NO_STEP;
  }

  private nextRecordOrEnd(atMs: number): HostStep {
    if (this.nextIndex > this.count) {
      this.current = null;
      this.finished = true;
      return { writes: [terminateCommand()] };
    }
    const index = this.nextIndex++;
    return this.start({ name: `A3 ${index}`, write: recordCommand(index), expect: 'record' }, atMs);
  }

  private start(step: Step, atMs: number): HostStep {
    this.current = step;
    this.sentAtMs = atMs;
    this.retries = 0;
    return { writes: [step.write] };
  }

  private fail(message: string): HostStep {
    this.current = null;
    return { writes: [], error: { code: 'protocol', message } };
  }
}
