import type { BackendClient } from '../../backend-client/backend-client';
import type { CallSession } from './call-session';
import type { ControlLink } from './control-link';
import { reportOnlyRooms, type ReportOnlyLink, type ReportOnlyRooms } from './report-only-rooms';

/**
 * The call's half of the report-only session: a link for this consultation is asked for when the
 * call starts and handed to the doctor's page each time it connects, so the page holds it before
 * any end (the end closes the call's room at once, maybe before the station could say more). When
 * the consultation ends, `seat` puts the station's data-only responder into that room.
 */
export class ReportOnlyHandoff {
  private link: Promise<ReportOnlyLink | null>;
  private readonly unsubscribe: () => void;

  constructor(
    client: BackendClient,
    private readonly consultationId: string,
    control: ControlLink,
    session: CallSession,
    private readonly relayOnly: boolean,
    private readonly rooms: ReportOnlyRooms = reportOnlyRooms,
  ) {
    this.link = client
      .call('report.link', { id: consultationId })
      .then((link) => ({ ...link, consultationId }))
      .catch((cause: unknown) => {
        console.warn('no report-only link for this call: the record screen can issue one', cause);
        return null;
      });
    this.unsubscribe = session.events.on('connected', () => {
      void this.link.then((link) => {
        if (link !== null) control.send({ type: 'report-link', token: link.consultantToken });
      });
    });
  }

  /** The consultation ended: the responder takes its seat for the doctor's report versions. */
  seat(): void {
    this.unsubscribe();
    void this.link.then((link) => {
      if (link !== null) this.rooms.seat({ ...link, consultationId: this.consultationId }, this.relayOnly);
    });
  }

  dispose(): void {
    this.unsubscribe();
  }
}
