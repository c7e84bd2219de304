/**
 * What the call did and when, on the page's monotonic clock: the steps a recovery goes through
 * (signaling socket open, seated, the other side met, hello, ICE restart or new peer, offer and
 * answer, ICE states, the peer connected, the link up). The network lab reads it through the
 * `probe=1` page probe to tell which step ate the time after a cut (docs/call-resilience.md); the
 * page itself never reads it. Bounded: the oldest marks go first.
 */
export type RecoveryStep =
  | 'socket-new'
  | 'socket-open'
  | 'socket-lost'
  | 'probe'
  | 'probe-answered'
  | 'seated'
  | 'resumed'
  | 'met'
  | 'hello-sent'
  | 'hello-heard'
  | 'restart-asked'
  | 'ice-restart'
  | 'peer-built'
  | 'offer-sent'
  | 'offer-heard'
  | 'answer-sent'
  | 'answer-heard'
  | 'peer-connected'
  | 'peer-closed'
  | 'link-up'
  | 'link-down'
  /** The station's vitals replay (what the doctor missed) is all sent. */
  | 'vitals-replayed'
  | `ice-${RTCIceConnectionState}`;

export interface RecoveryMark {
  readonly step: RecoveryStep;
  /** The page's clock (performance.now() in a browser). */
  readonly at: number;
  /** The peer generation the step concerns, when there is one. */
  readonly gen?: number;
}

export const TIMELINE_MAX_MARKS = 500;

export class RecoveryTimeline {
  private readonly kept: RecoveryMark[] = [];

  constructor(
    private readonly now: () => number,
    private readonly max = TIMELINE_MAX_MARKS,
  ) {}

  mark(step: RecoveryStep, gen?: number): void {
    this.kept.push(gen === undefined ? { step, at: this.now() } : { step, at: this.now(), gen });
    if (this.kept.length > this.max) this.kept.splice(0, this.kept.length - this.max);
  }

  get marks(): readonly RecoveryMark[] {
    return this.kept;
  }
}

/** The step a simple-peer signal stands for, when it is one worth timing (candidates are not). */
export function signalStep(signal: Record<string, unknown>, sent: boolean): RecoveryStep | null {
  if (signal['type'] === 'offer') return sent ? 'offer-sent' : 'offer-heard';
  if (signal['type'] === 'answer') return sent ? 'answer-sent' : 'answer-heard';
  return null;
}
