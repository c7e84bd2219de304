import type { ConsultationSummary } from '../../../shared/domain/consultation';
import type { DoctorRequest } from '../../../shared/domain/doctor-writes';
import type { ProblemCode } from '../../../shared/domain/problem-codes';
import { problemOf } from '../../i18n/problem-text';
import type { BackendClient } from '../../backend-client/backend-client';
import { ValueStore } from '../value-store';
import { createInvite, stationCredentials, type Invite } from './call-api';
import type { CallFlags } from './call-flags';
import type { ProblemSource } from './call-messages';
import { CallSession } from './call-session';
import { ConsultationRecorder } from './consultation-recorder';
import { ControlLink } from './control-link';
import { doctorWriteBudgetFor, LIMIT_REACHED } from './doctor-write-budget';
import { linkStationDeviceFacts } from './device-facts-link';
import { LocalMedia, type MediaChoice } from './media/local-media';
import { mungeOpus, sectionSendsStream } from './media/opus-sdp';
import { capturePcm } from './media/pcm-capture';
import { captureStill } from './media/still-capture';
import { encodeWav } from './media/wav-encoder';
import { QualityMonitor } from './quality/quality-monitor';
import { SenderLadder } from './quality/sender-ladder';
import { isRecordClosed } from './record-closed';
import { ReportOnlyHandoff } from './report-only-handoff';
import { sessionSeatStore } from './seat-store';
import { chunkSnapshot } from './snapshot-chunks';
import { forgetCall, rememberCall, STATION_SEAT_KEY } from './station-call-memory';
import { linkStationVitals, type StationVitals } from './vitals-link';

/**
 * The station's call: opens the chosen media, joins the rendezvous room, issues the consultant
 * invite, and answers the consultant's requests (snapshots, measurements). One instance per call,
 * always inside a consultation (no consent, no call): the recorder writes the call into its record,
 * and readings are sent to the doctor only with the patient's consent to device data.
 */
export interface CallProblem {
  readonly source: ProblemSource;
  readonly detail: string;
  /** The record refused because the consultation is over: the panel says so in its own words. */
  readonly recordClosed?: boolean;
  /** What the screen words (a backend failure); none for a camera or an input that failed to open. */
  readonly code?: ProblemCode | 'unexpected';
}

export class StationCall {
  readonly media = new LocalMedia();
  readonly session: CallSession;
  readonly control: ControlLink;
  readonly quality: QualityMonitor;
  readonly invite = new ValueStore<Invite | null>(null);
  readonly problems = new ValueStore<readonly CallProblem[]>([]);
  readonly recorder: ConsultationRecorder;
  /** The doctor's own microphone and camera as the doctor set them (their `av-state` message). */
  readonly doctorAv = new ValueStore<{ readonly micMuted: boolean; readonly cameraOff: boolean }>({
    micMuted: false,
    cameraOff: false,
  });
  /** The report-only link handed to the doctor's page, and its responder seated at the end. */
  private reportOnly: ReportOnlyHandoff | null = null;
  /** What the station sends, rung by rung (quality/quality-ladder.ts). */
  readonly ladder: SenderLadder;
  private readonly unsubscribes: (() => void)[] = [];
  private vitals: StationVitals | null = null;
  private disposed = false;

  constructor(
    private readonly client: BackendClient,
    consultation: ConsultationSummary,
    private readonly flags: CallFlags,
    /** Set when the call opened its own backend connection: it is closed with the call. */
    private readonly ownsClient = false,
  ) {
    this.session = new CallSession({
      role: 'station',
      credentials: () => stationCredentials(client),
      // The tab's seat: a reload resumes it; a lost one is joined afresh with a token from the backend.
      seat: sessionSeatStore(sessionStorage, STATION_SEAT_KEY),
      localStreams: () => this.media.streams(),
      sdpTransform: (sdp) => {
        const stethoscope = this.media.stethoscope;
        return stethoscope === null ? sdp : mungeOpus(sdp, sectionSendsStream(stethoscope.id));
      },
      relayOnly: flags.relayOnly,
      // Pro Santé Connect: the backend checks the rendezvous's word and keeps it on the record.
      onPeerIdentity: (assertion) => {
        client.call('call.consultantIdentity', { assertion }).catch((cause: unknown) => {
          this.addProblem({ source: 'record', detail: String(cause), code: problemOf(cause) });
        });
      },
    });
    // The doctor's writes are counted per consultation, before any handler runs.
    const budget = doctorWriteBudgetFor(consultation.id);
    this.control = new ControlLink(this.session, (message) => budget.admit(message));
    this.recorder = new ConsultationRecorder(
      client,
      consultation,
      this.control,
      this.session,
      (detail, cause) =>
        this.addProblem({
          source: 'record',
          detail,
          code: problemOf(cause),
          recordClosed: isRecordClosed(cause),
        }),
    );
    const stethoscopeInput = (): Set<string> =>
      new Set(this.media.stethoscope?.getAudioTracks().map((track) => track.id) ?? []);
    this.ladder = new SenderLadder(this.session, (track) => this.media.senderRole(track));
    this.quality = new QualityMonitor(this.session, stethoscopeInput, (summary) =>
      this.ladder.sample(summary),
    );
    this.ladder.rung.subscribe(() => {
      const paused = this.ladder.rung.getSnapshot() === 'audio-only';
      this.media.update({ videoPaused: paused });
      this.session.dispatch({ type: 'audio-only', on: paused });
      this.announceMedia();
    });
  }

  async start(choice: MediaChoice): Promise<void> {
    // Until it ends, a reload of this tab brings the call back by itself (CallPanel).
    rememberCall(sessionStorage, { consultationId: this.consultationId, choice });
    try {
      this.problems.set(await this.media.open(choice));
    } catch (cause) {
      this.session.end('media-error', cause instanceof Error ? cause.message : String(cause));
      return;
    }
    this.recorder.start();
    this.reportOnly = new ReportOnlyHandoff(
      this.client,
      this.consultationId,
      this.control,
      this.session,
      this.flags.relayOnly,
    );
    // Without consent to device data, no reading leaves the station (the doctor's page says why).
    if (this.recorder.deviceData) {
      const vitals = linkStationVitals(this.session, this.client, this.consultationId);
      this.vitals = vitals;
      this.unsubscribes.push(
        () => vitals.dispose(),
        linkStationDeviceFacts(this.client, this.control, this.session),
      );
    }
    this.unsubscribes.push(
      this.session.events.on('connected', () => this.announceMedia()),
      // The backend replaced the room (newRoom): leave the old one now, whatever the rendezvous.
      this.client.on('call.moved', () => this.session.moveRoom()),
      // Moved to a new room: the link on screen led to the old one.
      this.session.events.on('room-changed', () => void this.refreshInvite()),
      this.media.toggles.subscribe(() => this.announceMedia()),
      // However the call ends (either side hangs up, the server refuses), cameras go dark at once.
      this.session.state.subscribe(() => this.session.ended && this.dispose()),
      this.control.messages.on('snapshot-request', ({ id }) => void this.sendSnapshot(id)),
      this.control.messages.on('measure-request', ({ id }) => void this.answerMeasureRequest(id)),
      this.control.messages.on('av-state', ({ micMuted, cameraOff }) =>
        this.doctorAv.set({ micMuted, cameraOff }),
      ),
    );
    this.session.start();
    this.quality.start();
    await this.refreshInvite();
  }

  private async refreshInvite(): Promise<void> {
    try {
      const invite = await createInvite(this.client);
      if (!this.disposed) this.invite.set(invite);
    } catch (cause) {
      this.addProblem({ source: 'invite', detail: String(cause), code: problemOf(cause) });
    }
  }

  hangUp(): void {
    this.control.hangUp();
    this.dispose();
  }

  /**
   * The consultation ended (the station's End, or any other path): the doctor is told why, then
   * the call hangs up, so cameras, stethoscope and vitals stop. Its record is sealed: the call's
   * own end is not written into it.
   */
  endWithConsultation(): void {
    if (this.disposed) return;
    this.recorder.stop({ recordClosed: true });
    // The doctor usually writes the report after the call: their page sends it to this seat.
    this.reportOnly?.seat();
    this.control.send({ type: 'consultation-ended' });
    this.control.hangUp('consultation-closed');
    this.dispose();
  }

  /** The vitals sender's counters (bytes, live re-sends, backfills…), for the benches and diagnostics. */
  vitalsStats(): Readonly<Record<string, number>> {
    return { ...(this.vitals?.stats() ?? {}) };
  }

  /** The consultation this call belongs to: when it is no longer the active one, the call ends. */
  get consultationId(): string {
    return this.recorder.consultation.id;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    forgetCall(sessionStorage);
    if (!this.session.ended) this.session.end('hung-up');
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.reportOnly?.dispose();
    this.recorder.stop();
    this.quality.stop();
    this.ladder.dispose();
    this.control.dispose();
    this.media.stop();
    if (this.ownsClient) this.client.close();
  }

  /**
   * A still from the instrument camera when it is on, else the room camera, into the record (the
   * station's own "Snapshot" button: the nurse frames the lesion and takes it herself).
   */
  async takeSnapshot(): Promise<void> {
    const track = this.snapshotTrack();
    if (track === undefined) throw new Error('no camera');
    const image = await captureStill(track, this.control.nextId());
    await this.recorder.attachSnapshot(image, this.snapshotLabel());
  }

  /** A lossless WAV of the stethoscope input, `seconds` long, into the record. */
  async recordStethoscope(seconds: number, onProgress?: (recordedS: number) => void): Promise<void> {
    const stethoscope = this.media.stethoscope;
    if (stethoscope === null) throw new Error('no stethoscope input');
    const takenAt = new Date();
    const pcm = await capturePcm(stethoscope, seconds, onProgress);
    await this.recorder.attachStethoscope(encodeWav([pcm.samples], pcm.sampleRate), takenAt);
  }

  private snapshotTrack(): MediaStreamTrack | undefined {
    const instrumentOn = this.media.toggles.getSnapshot().instrumentOn;
    const stream = instrumentOn && this.media.instrument !== null ? this.media.instrument : this.media.room;
    return stream?.getVideoTracks()[0];
  }

  private snapshotLabel(): string {
    const instrumentOn = this.media.toggles.getSnapshot().instrumentOn;
    return instrumentOn && this.media.instrument !== null ? this.media.instrumentKind : 'room';
  }

  private addProblem(problem: CallProblem): void {
    console.warn(`call problem (${problem.source}): ${problem.detail}`);
    this.problems.set([...this.problems.getSnapshot(), problem]);
  }

  private announceMedia(): void {
    const { instrumentOn, videoPaused, micMuted, cameraOff } = this.media.toggles.getSnapshot();
    this.control.send({
      type: 'media',
      streams: this.media.roles(),
      instrument:
        this.media.instrument === null ? null : { kind: this.media.instrumentKind, on: instrumentOn },
      audioOnly: videoPaused,
      rung: this.ladder.rung.getSnapshot(),
      // The doctor's page says so: a silent or black patient side is the nurse's choice, not a fault.
      micMuted,
      cameraOff,
    });
  }

  /**
   * The record counts the doctor's requests too (the page's own count restarts with a reload):
   * past its limit, or when the record cannot count it, the request is refused and nothing runs.
   */
  private async admitRequest(request: DoctorRequest): Promise<string | null> {
    try {
      await this.client.call('consultation.doctorRequest', { id: this.consultationId, request });
      return null;
    } catch (cause) {
      return cause instanceof Error ? cause.message : String(cause);
    }
  }

  private async answerMeasureRequest(id: string): Promise<void> {
    const refused = await this.admitRequest('measure');
    if (refused !== null) {
      this.control.send({
        type: 'measure-result',
        id,
        outcome: 'failed',
        ...codeOf(refused),
        message: refused.slice(0, 300),
      });
      return;
    }
    // No connected driver accepts a remote start yet (the device API has no such command).
    this.control.send({
      type: 'measure-result',
      id,
      outcome: 'not-supported',
      // The doctor's page words this from `outcome` in the doctor's language.
      message: 'No connected device supports starting a measurement remotely',
    });
  }

  private async sendSnapshot(id: string): Promise<void> {
    const refused = await this.admitRequest('snapshot');
    if (refused !== null) {
      this.control.send({
        type: 'snapshot-failed',
        id,
        ...codeOf(refused),
        message: refused.slice(0, 300),
      });
      return;
    }
    const track = (this.media.instrument ?? this.media.room)?.getVideoTracks()[0];
    if (track === undefined) {
      this.control.send({ type: 'snapshot-failed', id, failure: 'no-camera', message: 'no camera' });
      return;
    }
    let sending = false;
    try {
      const image = await captureStill(track, id);
      // Into the record as well: what the doctor looked at is part of the consultation.
      const label = this.media.instrument === null ? 'room' : this.media.instrumentKind;
      this.recorder.attachSnapshot(image, label).catch((cause: unknown) =>
        this.addProblem({
          source: 'record',
          detail: cause instanceof Error ? cause.message : String(cause),
          code: problemOf(cause),
          recordClosed: isRecordClosed(cause),
        }),
      );
      sending = true;
      for (const chunk of chunkSnapshot(image)) {
        if (!this.control.send(chunk)) throw new Error('the call dropped during the transfer');
      }
    } catch (cause) {
      this.control.send({
        type: 'snapshot-failed',
        id,
        failure: sending ? 'transfer-dropped' : 'capture-failed',
        message: (cause instanceof Error ? cause.message : String(cause)).slice(0, 300),
      });
    }
  }
}

/**
 * The record's refusal of a doctor's request past its limit carries the code first (`limit-reached:
 * …`); any other refusal is said as refused, for the doctor's page to word (never the message).
 */
function codeOf(message: string): { code: typeof LIMIT_REACHED } | { failure: 'request-refused' } {
  return message.startsWith(`${LIMIT_REACHED}: `) ? { code: LIMIT_REACHED } : { failure: 'request-refused' };
}
