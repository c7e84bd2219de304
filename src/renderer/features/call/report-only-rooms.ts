import type { BackendClient } from '../../backend-client/backend-client';
import { getBackendClient } from '../../backend-client/get-backend-client';
import { ValueStore } from '../value-store';
import { ReportOnlyResponder } from './report-only-responder';

/** Report-only rooms the station's page keeps at once; seating one more lets the oldest go. */
export const MAX_REPORT_ONLY_ROOMS = 16;
/** setTimeout's longest delay (about 24.8 days): a longer window is re-armed, never overflowed. */
const MAX_TIMER_MS = 2_147_483_647;

export interface ReportOnlyLink {
  readonly session: string;
  readonly consultationId: string;
  readonly consultantUrl: string;
  readonly consultantToken: string;
  readonly windowClosesAt: string | null;
}

/**
 * The station page's report-only responders, one per report session, outliving the call and the
 * call panel: the doctor usually writes the report after the call. Several ended consultations may
 * have one at once; none touches the call of the next patient (rooms of their own, no media). Each
 * leaves when its window closes, when its room ends, or when the page goes. After a restart of the
 * page none is left: the record's screen issues a new link (and seats its responder) on demand.
 */
export class ReportOnlyRooms {
  /** The consultations with a responder seated now (the record's screen shows it). */
  readonly seated = new ValueStore<readonly string[]>([]);
  private readonly responders = new Map<string, { responder: ReportOnlyResponder; timer: number }>();
  private client: BackendClient | null = null;

  constructor(
    private readonly clientFor: () => BackendClient = getBackendClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new report-only link for a closed (or still active) consultation, its responder seated. */
  async open(consultationId: string, relayOnly = false): Promise<ReportOnlyLink> {
    const link = await this.backend().call('report.link', { id: consultationId });
    const opened = { ...link, consultationId };
    this.seat(opened, relayOnly);
    return opened;
  }

  /**
   * Seats the station's responder for a link issued earlier (during the call): it waits in the room
   * for the doctor's page until the window closes.
   */
  seat(link: Pick<ReportOnlyLink, 'session' | 'consultationId'>, relayOnly = false): void {
    if (this.responders.has(link.session)) return;
    const responder = new ReportOnlyResponder(
      this.backend(),
      link.session,
      link.consultationId,
      relayOnly,
      () => this.forget(link.session),
      (closesAt) => this.armExpiry(link.session, closesAt),
    );
    this.responders.set(link.session, { responder, timer: 0 });
    for (const oldest of [...this.responders.keys()].slice(0, -MAX_REPORT_ONLY_ROOMS))
      this.responders.get(oldest)?.responder.dispose();
    this.publish();
    responder.start();
  }

  disposeAll(): void {
    for (const { responder } of [...this.responders.values()]) responder.dispose();
  }

  /**
   * Leaves the room when the window closes, as the backend said at the last join (its token lasts
   * that long); a setting changed since is the backend's to apply: it refuses late saves itself.
   */
  private armExpiry(session: string, closesAt: string): void {
    const entry = this.responders.get(session);
    if (entry === undefined) return;
    window.clearTimeout(entry.timer);
    const delay = Date.parse(closesAt) - this.now();
    entry.timer = window.setTimeout(
      () => {
        if (delay > MAX_TIMER_MS) this.armExpiry(session, closesAt);
        else this.responders.get(session)?.responder.dispose();
      },
      Math.min(Math.max(0, delay), MAX_TIMER_MS),
    );
  }

  private forget(session: string): void {
    const entry = this.responders.get(session);
    if (entry === undefined) return;
    window.clearTimeout(entry.timer);
    this.responders.delete(session);
    this.publish();
  }

  private publish(): void {
    this.seated.set([...this.responders.values()].map(({ responder }) => responder.consultationId));
  }

  /** One backend connection for every responder, kept for the page's life (not the call's). */
  private backend(): BackendClient {
    this.client ??= this.clientFor();
    return this.client;
  }
}

/** The station page's rooms: one registry for the call panel and the record's screen. */
export const reportOnlyRooms = new ReportOnlyRooms();
