import { SIGNALING_PATH } from '../../shared/call/signaling';
import { CallSession } from '../features/call/call-session';
import { ControlLink } from '../features/call/control-link';
import { ValueStore } from '../features/value-store';
import { signalingUrlFor } from './invite-fragment';

/** How long the doctor's page waits for the station's report-only seat before saying "not sent". */
export const REPORT_ONLY_CONNECT_TIMEOUT_MS = 30_000;

export type ReportOnlyPhase = 'idle' | 'connecting' | 'connected' | 'closed';

/**
 * The doctor's side of a report-only room (issue 12): after the station closed the consultation,
 * a data-only link (no camera, no microphone) to the station's responder, opened with the report
 * link's token at the first send (or at once on a `#report=` page) and kept for the next ones. The
 * token lets one browser in once: once the room is left it cannot be reopened (`closed`).
 */
export class ReportOnlyConnection {
  readonly phase = new ValueStore<ReportOnlyPhase>('idle');
  /** The room's control link: bound by the record at once, so no answer arrives unheard. */
  readonly control: ControlLink;
  private readonly session: CallSession;
  private readonly endListeners = new Set<() => void>();
  private readonly timeoutMs: number;

  constructor(
    token: string,
    relayOnly: boolean,
    options: {
      readonly timeoutMs?: number;
      /**
       * Before each join: the page's Pro Santé Connect sign-in carried to this room's link
       * (psc-sign-in.ts), where the rendezvous asks for one.
       */
      readonly beforeJoin?: () => Promise<unknown>;
    } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? REPORT_ONLY_CONNECT_TIMEOUT_MS;
    const credentials = { signalingUrl: signalingUrlFor(window.location, SIGNALING_PATH), token };
    const beforeJoin = options.beforeJoin;
    this.session = new CallSession({
      role: 'consultant',
      // A sign-in that cannot be carried is no reason not to try: the rendezvous says what it needs.
      credentials: async () => {
        await beforeJoin?.();
        return credentials;
      },
      localStreams: () => [],
      relayOnly,
    });
    this.control = new ControlLink(this.session);
    this.session.state.subscribe(() => this.follow());
  }

  /** The control link once the station's seat answers; null if it does not in time, or is gone. */
  connect(): Promise<ControlLink | null> {
    const session = this.session;
    if (this.phase.getSnapshot() === 'idle') session.start();
    if (session.ended) return Promise.resolve(null);
    if (session.state.getSnapshot().phase === 'connected') return Promise.resolve(this.control);
    return new Promise((resolve) => {
      const done = (result: ControlLink | null): void => {
        window.clearTimeout(timer);
        offConnected();
        offState();
        resolve(result);
      };
      const timer = window.setTimeout(() => done(null), this.timeoutMs);
      const offConnected = session.events.on('connected', () => done(this.control));
      const offState = session.state.subscribe(() => session.ended && done(null));
    });
  }

  /** Called when the room is left for good: writes still awaiting an answer are unconfirmed. */
  onEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  hangUp(): void {
    if (this.phase.getSnapshot() !== 'idle') this.control.hangUp();
  }

  private follow(): void {
    const { phase } = this.session.state.getSnapshot();
    if (this.phase.getSnapshot() === 'closed') return;
    if (phase === 'connected') this.phase.set('connected');
    else if (phase === 'ended') {
      this.phase.set('closed');
      this.control.dispose();
      for (const listener of [...this.endListeners]) listener();
    } else if (phase !== 'idle') this.phase.set('connecting');
  }
}
