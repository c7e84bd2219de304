import type { BackendClient } from '../../backend-client/backend-client';
import { CallSession } from './call-session';
import { ControlLink } from './control-link';
import type { ControlMessage, ControlRefusalCode } from './control-messages';
import { CONTROL_REFUSAL_CODES } from './control-messages';
import { doctorWriteBudgetFor } from './doctor-write-budget';
import { admitReportOnly } from './report-only-admission';

type ReportMessage = Extract<ControlMessage, { type: 'report' }>;

/**
 * The station's seat in a report-only room (issue 12): data only (no camera, microphone or
 * device), it answers the doctor's page after the end of the consultation with the record's
 * latest versions and saves the doctor's new ones — through `report.load` and `report.save`, the
 * only methods it calls, bound by the backend to this session's consultation. Everything else is
 * refused before it reaches a handler (report-only-admission.ts).
 */
export class ReportOnlyResponder {
  readonly session: CallSession;
  readonly control: ControlLink;
  private readonly unsubscribes: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly client: BackendClient,
    readonly reportSession: string,
    readonly consultationId: string,
    relayOnly: boolean,
    private readonly onEnded: () => void,
    /** Each (re)join's token lasts until the window closes, as the backend knows it now. */
    onWindow: (closesAt: string) => void = () => undefined,
  ) {
    this.session = new CallSession({
      role: 'station',
      credentials: async () => {
        const join = await client.call('report.join', { session: reportSession });
        onWindow(join.expiresAt);
        return { signalingUrl: join.signalingUrl, token: join.token };
      },
      localStreams: () => [],
      relayOnly,
      // Pro Santé Connect: who the rendezvous seated here, for the backend to check each save
      // against the record's doctor. A refusal needs no word here: the save is refused with it.
      onPeerIdentity: (assertion) => {
        client.call('report.identity', { session: reportSession, assertion }).catch(() => undefined);
      },
    });
    // The doctor's writes count against the consultation's budget, the call's and this room's alike.
    const budget = doctorWriteBudgetFor(consultationId);
    this.control = new ControlLink(this.session, (message) => {
      const scoped = admitReportOnly(message);
      return scoped.ok ? budget.admit(message) : scoped;
    });
  }

  start(): void {
    this.unsubscribes.push(
      this.session.events.on('connected', () => void this.sendState()),
      this.control.messages.on('report', (message) => void this.save(message)),
      this.session.state.subscribe(() => this.session.ended && this.dispose()),
    );
    this.session.start();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    if (!this.session.ended) this.control.hangUp();
    this.control.dispose();
    this.onEnded();
  }

  /** Who the report is about and what the record holds: the doctor's form starts from it. */
  private async sendState(): Promise<void> {
    try {
      const state = await this.client.call('report.load', { session: this.reportSession });
      // Only with consent to the teleconsultation, as during the call (consultation-recorder.ts).
      if (state.consent.teleconsultation)
        this.control.send({
          type: 'patient',
          patient: state.patient,
          consent: state.consent,
          accompanying: state.accompanying,
        });
      this.control.send({
        type: 'record-state',
        status: state.status,
        report: state.report,
        careSheet: state.careSheet,
        windowClosesAt: state.windowClosesAt,
      });
    } catch (cause) {
      console.warn('report-only room: the record could not be read', cause);
    }
  }

  private async save({ id, report, careSheet }: ReportMessage): Promise<void> {
    try {
      const saved = await this.client.call('report.save', {
        session: this.reportSession,
        ...(report === undefined ? {} : { report }),
        ...(careSheet === undefined ? {} : { careSheet }),
      });
      this.answer(id, true, 'saved', saved.reportVersion ?? saved.careSheetVersion);
      void this.sendState();
    } catch (cause) {
      this.answer(id, false, cause instanceof Error ? cause.message : String(cause));
    }
  }

  private answer(id: string, ok: boolean, message: string, version?: number): void {
    const code = ok ? undefined : refusalCodeOf(message);
    this.control.send({
      type: 'report-result',
      id,
      ok,
      ...(code === undefined ? {} : { code }),
      ...(version === undefined ? {} : { version }),
      message: message.slice(0, 500),
    });
  }
}

/** The backend's refusals travel as `<code>: <why>` in the error's message. */
function refusalCodeOf(message: string): ControlRefusalCode | undefined {
  const prefix = /^([a-z-]+): /.exec(message)?.[1];
  return CONTROL_REFUSAL_CODES.find((code) => code === prefix);
}
