import type { CareSheet, Report } from '../../shared/domain/consultation';
import type { VerifiedConsultant } from '../../shared/domain/consultant-identity';
import type { ControlLink } from '../features/call/control-link';
import type { ControlMessage, ControlRefusalCode } from '../features/call/control-messages';
import { ValueStore } from '../features/value-store';
import type { ReportOnlyConnection } from './report-only-connection';

export type PatientInfo = Omit<Extract<ControlMessage, { type: 'patient' }>, 'type'>;
/** What the station's record holds (latest versions), as it said when the doctor joined. */
export type SavedRecord = Omit<Extract<ControlMessage, { type: 'record-state' }>, 'type'>;

/** Where one report, care sheet or note stands: on its way, saved on the station, or refused. */
export type SendState =
  | { readonly state: 'sending' }
  | { readonly state: 'saved'; readonly version?: number }
  | { readonly state: 'failed'; readonly code?: ControlRefusalCode; readonly message: string }
  | { readonly state: 'not-connected' }
  /** The call ended before the station answered: never shown as saved. */
  | { readonly state: 'unconfirmed' };

export type SendKind = 'report' | 'careSheet' | 'note';

/**
 * The doctor's side of the consultation record: who the patient is (sent by the station when the
 * call connects) and what the doctor sends for the record — report, care sheet, notes — each
 * followed until the station says it is saved (`report-result`) or why not.
 */
export class ConsultantRecord {
  readonly patient = new ValueStore<PatientInfo | null>(null);
  readonly saved = new ValueStore<SavedRecord | null>(null);
  readonly sends = new ValueStore<Readonly<Partial<Record<SendKind, SendState>>>>({});
  /** The station closed the consultation: writes go through the report-only room (issue 12). */
  readonly afterEnd = new ValueStore<ReportOnlyConnection | null>(null);
  /**
   * The doctor Pro Santé Connect verified for this page (PscGate): the forms sign with it and
   * cannot change it. Shown only: the station checks the rendezvous's word, not this.
   */
  readonly verifiedDoctor = new ValueStore<VerifiedConsultant | null>(null);
  private readonly pending = new Map<string, SendKind>();
  private readonly unsubscribes: (() => void)[] = [];
  private control: ControlLink | null = null;
  /** The report-only link's token, handed over by the station when the call connected. */
  private reportToken: string | null = null;

  /** `null`: a report-only page, whose link comes with `continueAfterEnd`. */
  constructor(control: ControlLink | null) {
    if (control !== null) this.bind(control);
  }

  /** The token of the report-only room, if the station handed one over during the call. */
  get reportLink(): string | null {
    return this.reportToken;
  }

  /**
   * After the end: the draft stays, and each send opens (or reuses) the data-only link to the
   * station's report-only seat; "saved" is still said only on the station's answer.
   */
  continueAfterEnd(connection: ReportOnlyConnection): void {
    this.afterEnd.set(connection);
    this.bind(connection.control);
    connection.onEnd(() => this.unconfirmPending());
  }

  /** Opens the report-only link now (a `#report=` page loads the saved versions from it). */
  async connectAfterEnd(): Promise<ControlLink | null> {
    return (await this.afterEnd.getSnapshot()?.connect()) ?? null;
  }

  private bind(control: ControlLink): void {
    this.control = control;
    this.unsubscribes.push(
      control.messages.on('report-link', ({ token }) => (this.reportToken = token)),
      control.messages.on('patient', ({ type: _type, ...info }) => this.patient.set(info)),
      control.messages.on('record-state', ({ type: _type, ...saved }) => this.saved.set(saved)),
      // Saved only when the station says so, with the version it made; refused with its reason.
      control.messages.on('report-result', ({ id, ok, code, version, message }) => {
        const kind = this.pending.get(id);
        if (kind === undefined) return;
        this.pending.delete(id);
        this.setSend(
          kind,
          ok
            ? { state: 'saved', ...(version === undefined ? {} : { version }) }
            : { state: 'failed', ...(code === undefined ? {} : { code }), message },
        );
      }),
    );
  }

  sendReport(report: Report): void {
    this.send('report', (id) => ({ type: 'report', id, report }));
  }

  sendCareSheet(careSheet: CareSheet): void {
    this.send('careSheet', (id) => ({ type: 'report', id, careSheet }));
  }

  sendNote(author: string, text: string): void {
    this.send('note', (id) => ({ type: 'note', id, author, text }));
  }

  /** The call is over: a write still waiting for the station's answer is said to be unconfirmed. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.control = null;
    this.unconfirmPending();
  }

  private unconfirmPending(): void {
    for (const kind of new Set(this.pending.values())) this.setSend(kind, { state: 'unconfirmed' });
    this.pending.clear();
  }

  private send(kind: SendKind, message: (id: string) => ControlMessage): void {
    if (this.afterEnd.getSnapshot() !== null) {
      void this.sendAfterEnd(kind, message);
      return;
    }
    const control = this.control;
    if (control === null) {
      this.setSend(kind, { state: 'not-connected' });
      return;
    }
    this.sendOn(control, kind, message);
  }

  private async sendAfterEnd(kind: SendKind, message: (id: string) => ControlMessage): Promise<void> {
    this.setSend(kind, { state: 'sending' });
    const control = await this.connectAfterEnd();
    if (control === null) this.setSend(kind, { state: 'not-connected' });
    else this.sendOn(control, kind, message);
  }

  private sendOn(control: ControlLink, kind: SendKind, message: (id: string) => ControlMessage): void {
    const id = control.nextId();
    if (!control.send(message(id))) {
      this.setSend(kind, { state: 'not-connected' });
      return;
    }
    this.pending.set(id, kind);
    this.setSend(kind, { state: 'sending' });
  }

  private setSend(kind: SendKind, state: SendState): void {
    this.sends.set({ ...this.sends.getSnapshot(), [kind]: state });
  }
}
