import { ValueStore } from '../../value-store';
import type { CallSession } from '../call-session';
import {
  initialLadder,
  ladderOnNewConnection,
  nextLadder,
  type LadderState,
  type Rung,
} from './quality-ladder';
import { applyRung, type SenderRole } from './rung-encodings';
import type { QualitySummary } from './stats-summary';

/**
 * Runs the quality ladder on one side's senders: each quality summary is a sample; a new rung is
 * applied to the current connection's senders at once, and to every new connection when it comes
 * up (the network has not changed because the peer was rebuilt). `pin` holds a rung (tests, and a
 * support person who wants audio only), `null` lets the ladder decide again.
 */
export class SenderLadder {
  readonly rung = new ValueStore<Rung>('full');
  private state: LadderState;
  private pinned: Rung | null = null;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    private readonly call: CallSession,
    private readonly roleOf: (track: MediaStreamTrack) => SenderRole | null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.state = initialLadder(now());
    this.unsubscribes.push(
      call.events.on('connected', () => {
        this.state = ladderOnNewConnection(this.state, this.now());
        this.apply();
      }),
    );
  }

  sample(summary: QualitySummary): void {
    this.state = nextLadder(this.state, {
      atMs: this.now(),
      availableOutgoingKbps: summary.availableOutgoingKbps,
      outboundKbps: summary.outboundKbps,
      outboundLossPct: summary.outboundLossPct,
    });
    this.publish();
  }

  pin(rung: Rung | null): void {
    this.pinned = rung;
    if (rung !== null) this.state = initialLadder(this.now(), rung);
    this.publish();
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private publish(): void {
    const rung = this.pinned ?? this.state.rung;
    if (rung === this.rung.getSnapshot()) return;
    this.rung.set(rung);
    this.apply();
  }

  private apply(): void {
    const connection = this.call.connection;
    if (connection !== null) void applyRung(connection, this.rung.getSnapshot(), this.roleOf);
  }
}
