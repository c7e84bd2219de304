import type { AppendableEvent, ConsultationSummary } from '../../../shared/domain/consultation';
import type { BackendClient } from '../../backend-client/backend-client';
import { linkDown } from './call-machine';
import type { CallSession } from './call-session';
import type { ControlLink } from './control-link';
import { CONTROL_REFUSAL_CODES, type ControlMessage, type ControlRefusalCode } from './control-messages';
import { bytesToBase64 } from './media/base64';
import { isRecordClosed } from './record-closed';
import type { SnapshotImage } from './snapshot-chunks';

type ReportMessage = Extract<ControlMessage, { type: 'report' }>;
type NoteMessage = Extract<ControlMessage, { type: 'note' }>;

/**
 * Writes the call into the active consultation's record: every chat line (both ways), call
 * connected/ended, the stills and stethoscope recordings, and what the doctor sends over the
 * control channel (report, care sheet, notes), answering each with `report-result` so the doctor
 * knows it is saved on the station. Also tells the doctor who the patient is when the call connects.
 */
export class ConsultationRecorder {
  private readonly unsubscribes: (() => void)[] = [];
  private readonly recordedChat = new Set<string>();
  private connectedOnce = false;
  /** The call is in `reconnecting` now (so a drop is recorded once, not at every state change). */
  private dropped = false;
  private stopped = false;

  constructor(
    private readonly client: BackendClient,
    readonly consultation: ConsultationSummary,
    private readonly control: ControlLink,
    private readonly session: CallSession,
    /** A write the record refused: shown to the station's user, never silently lost. */
    /** `detail` for the log; the screen words `cause` by its code. */
    private readonly onProblem: (detail: string, cause: unknown) => void,
  ) {}

  /** Readings go to the doctor only with the patient's consent to device data. */
  get deviceData(): boolean {
    return this.consultation.consent.deviceData;
  }

  start(): void {
    this.unsubscribes.push(
      this.control.chat.subscribe(() => this.recordChat()),
      this.session.events.on('connected', () => {
        // A connection after the first is the call coming back from a drop (rebuilt peer link).
        const state = this.connectedOnce ? 'reconnected' : 'connected';
        this.connectedOnce = true;
        this.sendPatient();
        void this.sendRecordState();
        this.append({ kind: 'call', state });
      }),
      this.session.state.subscribe(() => this.recordDrop()),
      this.control.messages.on('report', (message) => void this.saveReport(message)),
      this.control.messages.on('note', (message) => void this.saveNote(message)),
    );
  }

  /**
   * The call is over: say so in the timeline (once, and only if it ever connected). Not when the
   * consultation itself ended (`recordClosed`): its record is sealed, and its end says it all.
   */
  stop(options: { readonly recordClosed?: boolean } = {}): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    if (this.connectedOnce && options.recordClosed !== true) this.append({ kind: 'call', state: 'ended' });
  }

  async attachSnapshot(image: SnapshotImage, label?: string): Promise<void> {
    await this.client.call('consultation.attach', {
      id: this.consultation.id,
      kind: 'snapshot',
      mime: image.mime,
      dataBase64: image.base64,
      takenAt: new Date().toISOString(),
      ...(label === undefined ? {} : { label }),
    });
  }

  async attachStethoscope(wav: Uint8Array, takenAt: Date): Promise<void> {
    await this.client.call('consultation.attach', {
      id: this.consultation.id,
      kind: 'stethoscope',
      mime: 'audio/wav',
      dataBase64: bytesToBase64(wav),
      takenAt: takenAt.toISOString(),
    });
  }

  /**
   * A lost link (network, rendezvous server, the other side gone) is a technical incident the
   * record must hold (CSP R6316-4): noted once per drop, when the call goes down (`interrupted`
   * or `reconnecting`).
   */
  private recordDrop(): void {
    const reconnecting = linkDown(this.session.state.getSnapshot().phase);
    if (reconnecting && !this.dropped) this.append({ kind: 'call', state: 'reconnecting' });
    this.dropped = reconnecting;
  }

  private recordChat(): void {
    for (const line of this.control.chat.getSnapshot()) {
      // Ids are chosen by each side: the same id from both sides is two lines, not one.
      const key = `${line.mine ? 'station' : 'consultant'}:${line.id}`;
      if (this.recordedChat.has(key)) continue;
      this.recordedChat.add(key);
      this.append({ kind: 'chat', from: line.mine ? 'station' : 'consultant', text: line.text });
    }
  }

  private sendPatient(): void {
    const { patient, consent, accompanying, motive } = this.consultation;
    // Only with consent to the teleconsultation (a consultation cannot start without it).
    if (!consent.teleconsultation) return;
    this.control.send({
      type: 'patient',
      patient: {
        familyName: patient.familyName,
        birthGivenNames: patient.birthGivenNames,
        ...(patient.usedGivenName === undefined ? {} : { usedGivenName: patient.usedGivenName }),
        birthDate: patient.birthDate,
        sex: patient.sex,
      },
      consent,
      accompanying,
      ...(motive === undefined ? {} : { motive }),
    });
  }

  /**
   * The saved report and care sheet (latest versions), so the doctor's form starts from them when
   * they join or rejoin. Not sent when the record cannot be read: the form then stays as it is.
   */
  private async sendRecordState(): Promise<void> {
    try {
      const detail = await this.client.call('consultation.get', { id: this.consultation.id });
      const latest = <K extends 'report' | 'care-sheet'>(kind: K) =>
        (detail.versions ?? []).filter((v) => v.kind === kind).at(-1);
      const report = latest('report');
      const careSheet = latest('care-sheet');
      this.control.send({
        type: 'record-state',
        status: detail.summary.status,
        report: detail.report === null ? null : { version: report?.version ?? 1, value: detail.report },
        careSheet:
          detail.careSheet === null ? null : { version: careSheet?.version ?? 1, value: detail.careSheet },
      });
    } catch (cause) {
      this.onProblem(describe(cause), cause);
    }
  }

  private async saveReport({ id, report, careSheet }: ReportMessage): Promise<void> {
    if (report === undefined && careSheet === undefined) {
      this.answer(id, false, 'nothing to save: no report and no care sheet');
      return;
    }
    try {
      const saved = await this.client.call('consultation.report', {
        id: this.consultation.id,
        ...(report === undefined ? {} : { report }),
        ...(careSheet === undefined ? {} : { careSheet }),
      });
      // One message saves one part (the doctor's page sends them apart): its version is the answer.
      this.answer(id, true, 'saved', saved.reportVersion ?? saved.careSheetVersion);
    } catch (cause) {
      this.answer(id, false, describe(cause));
    }
  }

  private async saveNote({ id, author, text }: NoteMessage): Promise<void> {
    try {
      await this.client.call('consultation.append', {
        id: this.consultation.id,
        event: { kind: 'note', author, text },
        via: 'consultant',
      });
      this.answer(id, true, 'saved');
    } catch (cause) {
      this.answer(id, false, describe(cause));
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

  private append(event: AppendableEvent): void {
    this.client.call('consultation.append', { id: this.consultation.id, event }).catch((cause: unknown) => {
      // The room closes with the consultation, so the link may drop just before the station
      // hears of the end: that drop belongs to no record, and is no problem for the nurse.
      if (event.kind === 'call' && isRecordClosed(cause))
        console.warn(`call ${event.state} not recorded: the consultation is closed`);
      else this.onProblem(describe(cause), cause);
    });
  }
}

/** The record's refusals travel as `<code>: <why>` in the error's message (record-seal.ts). */
function refusalCodeOf(message: string): ControlRefusalCode | undefined {
  const prefix = /^([a-z-]+): /.exec(message)?.[1];
  return CONTROL_REFUSAL_CODES.find((code) => code === prefix);
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
