import type { DecodeEvent, HostProtocol, HostStep } from '../driver';
import { NO_STEP } from '../driver';
import { ASSOCIATION_TIMEOUT_MS, HOST_TICK_MS, POLL_INTERVAL_MS, REPLY_TIMEOUT_MS } from './constants';
import {
  associationRequest,
  mdsCreateResult,
  pollNumericsRequest,
  releaseRequest,
  releaseResponse,
} from './commands';

type Phase = 'idle' | 'associating' | 'awaiting-create' | 'polling' | 'closed';

export interface IntellivueHostOptions {
  readonly pollIntervalMs?: number;
  readonly associationTimeoutMs?: number;
  readonly replyTimeoutMs?: number;
}

/**
 * The station's side of the conversation (VSCaptureMP's order): send the association request;
 * on the accept, wait for the MDS Create Event Report and confirm it with its invoke id; then poll
 * the numerics once a second. The polls are the keep-alive: the monitor answers each one, and
 * silence for REPLY_TIMEOUT_MS ends the session with a timeout, as does no association result
 * within ASSOCIATION_TIMEOUT_MS (both adjustable, for tests and slow links). A refused or aborted
 * association, or one the monitor releases, ends it with a protocol error (a monitor's release
 * request is answered first). On close the station releases the association.
 */
export class IntellivueHost implements HostProtocol {
  readonly tickIntervalMs = HOST_TICK_MS;
  private phase: Phase = 'idle';
  private deadlineMs = 0;
  private lastHeardMs = 0;
  private nextPollMs = 0;
  private pollNumber = 0;
  private invokeId = 0;
  private readonly pollIntervalMs: number;
  private readonly associationTimeoutMs: number;
  private readonly replyTimeoutMs: number;

  constructor(options: IntellivueHostOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? POLL_INTERVAL_MS;
    this.associationTimeoutMs = options.associationTimeoutMs ?? ASSOCIATION_TIMEOUT_MS;
    this.replyTimeoutMs = options.replyTimeoutMs ?? REPLY_TIMEOUT_MS;
  }

  open(atMs: number): HostStep {
    this.phase = 'associating';
    this.deadlineMs = atMs + this.associationTimeoutMs;
    return { writes: [associationRequest()] };
  }

  onEvent(event: DecodeEvent, atMs: number): HostStep {
    if (event.kind === 'frame-error' || this.phase === 'closed' || this.phase === 'idle') return NO_STEP;
    this.lastHeardMs = atMs;
    if (event.kind !== 'device-info') return NO_STEP;
    if (event.key === 'association') return this.onAssociation(event.value, atMs);
    if (event.key === 'mds-create-event' && this.phase !== 'polling') {
      const invokeId = Number(event.value);
      this.phase = 'polling';
      this.nextPollMs = atMs + this.pollIntervalMs;
      return { writes: [mdsCreateResult(invokeId), this.poll()] };
    }
    return NO_STEP;
  }

  tick(atMs: number): HostStep {
    if (this.phase === 'associating' || this.phase === 'awaiting-create') {
      if (atMs < this.deadlineMs) return NO_STEP;
      const what = this.phase === 'associating' ? 'association result' : 'MDS create event';
      return this.fail('timeout', `no ${what} within ${this.associationTimeoutMs} ms`);
    }
    if (this.phase !== 'polling') return NO_STEP;
    if (atMs - this.lastHeardMs >= this.replyTimeoutMs) {
      return this.fail('timeout', `monitor silent for ${this.replyTimeoutMs} ms`);
    }
    if (atMs < this.nextPollMs) return NO_STEP;
    // A late tick polls once and re-schedules from now, rather than bursting the missed polls.
    this.nextPollMs = Math.max(this.nextPollMs + this.pollIntervalMs, atMs + this.pollIntervalMs / 2);
    return { writes: [this.poll()] };
  }

  close(): HostStep {
    const associated = this.phase === 'polling' || this.phase === 'awaiting-create';
    this.phase = 'closed';
    return associated ? { writes: [releaseRequest()] } : NO_STEP;
  }

  private onAssociation(result: string, atMs: number): HostStep {
    if (result === 'accepted') {
      if (this.phase === 'associating') {
        this.phase = 'awaiting-create';
        this.deadlineMs = atMs + this.associationTimeoutMs;
      }
      return NO_STEP;
    }
    if (result === 'release-requested') {
      const step = this.fail('protocol', 'monitor asked to release the association');
      return { ...step, writes: [releaseResponse()] };
    }
    return this.fail('protocol', `monitor ${result} the association`);
  }

  private poll(): Uint8Array {
    this.pollNumber = (this.pollNumber + 1) & 0xffff;
    this.invokeId = (this.invokeId + 1) & 0xffff;
    return pollNumericsRequest(this.pollNumber, this.invokeId);
  }

  private fail(code: 'timeout' | 'protocol', message: string): HostStep {
    this.phase = 'closed';
    return { writes: [], error: { code, message } };
  }
}
