import type { RequestFailure } from './request-failure';
import { SIGNALING_PATH } from '../../shared/call/signaling';
import type { CallFlags } from '../features/call/call-flags';
import { CallSession } from '../features/call/call-session';
import { ControlLink } from '../features/call/control-link';
import { mungeOpus, sectionIsReceiveOnly } from '../features/call/media/opus-sdp';
import type { SeatStore } from '../features/call/seat-store';
import { QualityMonitor } from '../features/call/quality/quality-monitor';
import type { Rung } from '../features/call/quality/quality-ladder';
import { SenderLadder } from '../features/call/quality/sender-ladder';
import { RemoteMedia } from '../features/call/remote-media';
import {
  linkConsultantVitals,
  type ConsultantVitals,
  type VitalsArrival,
} from '../features/call/vitals-link';
import { nextAnimationFrame } from '../features/display-rate';
import { ValueStore } from '../features/value-store';
import { VitalsStore } from '../features/vitals/vitals-store';
import { WaveformStore } from '../features/waveforms/waveform-store';
import { ConsultantDevices } from './consultant-devices';
import { DeviceActivity } from './device-activity';
import { EcgHistory } from './ecg-viewer/ecg-history';
import { ConsultantRecord } from './consultant-record';
import { signalingUrlFor } from './invite-fragment';
import { ReportOnlyConnection } from './report-only-connection';
import { carryPscSignIn } from './psc-sign-in';
import { SnapshotGallery } from './snapshot-gallery';
import { TrendHistory } from './trends/trend-history';

/** The answer to "start measurement", worded by the page in the doctor's language. */
export type MeasureStatus =
  | { readonly kind: 'asking' | 'not-connected' }
  | { readonly kind: 'started' | 'not-supported' }
  | { readonly kind: 'failed'; readonly why: RequestFailure };

/** A side's own microphone and room camera, as its user set them. */
export interface AvState {
  readonly micMuted: boolean;
  readonly cameraOff: boolean;
}

/**
 * The doctor's side of the call: camera and microphone out (optional: a doctor without a camera
 * can still see, hear and read), the station's streams, vitals, snapshots and measurement answers in.
 */
export class ConsultantCall {
  readonly session: CallSession;
  readonly control: ControlLink;
  readonly remote: RemoteMedia;
  readonly quality: QualityMonitor;
  /** The doctor's camera and microphone on the quality ladder; the station's rung is `stationRung`. */
  readonly ladder: SenderLadder;
  readonly stationRung = new ValueStore<Rung>('full');
  readonly vitals = new VitalsStore(nextAnimationFrame);
  readonly waveforms = new WaveformStore();
  /** The numerics' trends and the ECG leads over the consultation, bounded (the doctor's tools). */
  readonly trends = new TrendHistory();
  readonly ecg = new EcgHistory();
  readonly snapshots: SnapshotGallery;
  readonly measureResult = new ValueStore<MeasureStatus | null>(null);
  readonly record: ConsultantRecord;
  /** Which station devices a simulator feeds (the vitals say SIMULATED). */
  readonly devices: ConsultantDevices;
  readonly localStream = new ValueStore<MediaStream | null>(null);
  /** When each station device last sent data, on this page's clock (its state: stale…). */
  readonly activity = new DeviceActivity();
  /** The doctor's own microphone and camera: off means the tracks send silence and black. */
  readonly ownAv = new ValueStore<AvState>({ micMuted: false, cameraOff: false });
  /** The station's microphone and room camera as the nurse set them (its `media` message). */
  readonly stationAv = new ValueStore<AvState>({ micMuted: false, cameraOff: false });
  /** Every vitals delivery, for the e2e tests and the latency bench (probe only). */
  readonly arrivals: VitalsArrival[] = [];
  private readonly unsubscribes: (() => void)[] = [];
  private vitalsLink: ConsultantVitals | null = null;
  private disposed = false;
  /** After the station closed the consultation: the data-only link for report versions. */
  private reportOnly: ReportOnlyConnection | null = null;

  constructor(
    private readonly token: string,
    private readonly flags: CallFlags,
    /** The tab's rendezvous seat (sessionStorage), resumed after a reload. */
    seat?: SeatStore,
    private readonly keepArrivals = flags.probe,
  ) {
    const credentials = { signalingUrl: signalingUrlFor(window.location, SIGNALING_PATH), token };
    this.session = new CallSession({
      role: 'consultant',
      // Without an invite (a tab that kept only its seat), a lost seat cannot be joined again.
      credentials: () =>
        token.length > 0 ? Promise.resolve(credentials) : Promise.reject(new Error('no invite in this tab')),
      ...(seat === undefined ? {} : { seat }),
      localStreams: () =>
        this.localStream.getSnapshot() === null ? [] : [this.localStream.getSnapshot() as MediaStream],
      sdpTransform: (sdp) => mungeOpus(sdp, sectionIsReceiveOnly),
      relayOnly: flags.relayOnly,
    });
    this.control = new ControlLink(this.session);
    this.remote = new RemoteMedia(this.session, this.control);
    this.ladder = new SenderLadder(this.session, (track) =>
      track.kind === 'audio' ? 'voice' : 'room-video',
    );
    this.quality = new QualityMonitor(
      this.session,
      () => this.remote.stethoscopeTrackIds(),
      (summary) => this.ladder.sample(summary),
    );
    this.snapshots = new SnapshotGallery(this.control);
    this.record = new ConsultantRecord(this.control);
    this.devices = new ConsultantDevices(this.control);
  }

  async start(): Promise<void> {
    try {
      this.localStream.set(await navigator.mediaDevices.getUserMedia({ video: true, audio: true }));
    } catch (cause) {
      console.warn('consultant camera/microphone unavailable; joining to watch and listen only', cause);
    }
    this.applyOwnAv();
    this.vitalsLink = linkConsultantVitals(
      this.session,
      [this.vitals, this.waveforms, this.trends, this.ecg, this.activity],
      (arrival) => {
        if (this.keepArrivals) this.arrivals.push(arrival);
      },
    );
    this.unsubscribes.push(
      // However the call ends, the doctor's camera and microphone are released at once.
      this.session.state.subscribe(() => this.session.ended && this.dispose()),
      // The station paused its video for a weak network: both banners say so.
      this.control.messages.on('media', ({ audioOnly, rung, micMuted, cameraOff }) => {
        this.session.dispatch({ type: 'audio-only', on: audioOnly });
        this.stationRung.set(rung ?? (audioOnly ? 'audio-only' : 'full'));
        this.stationAv.set({ micMuted: micMuted === true, cameraOff: cameraOff === true });
      }),
      // The station learns the doctor's own state at each connection (again after a reconnect).
      this.session.events.on('connected', () => this.announceOwnAv()),
      // Worded by the page from the codes; the station's message is for its own log.
      this.control.messages.on('measure-result', ({ outcome, code, failure }) =>
        this.measureResult.set(
          outcome === 'failed' ? { kind: outcome, why: { code, failure } } : { kind: outcome },
        ),
      ),
      // The station ended the consultation: the call ends with it, and the page says why.
      this.control.messages.on('consultation-ended', () => this.session.end('consultation-closed')),
    );
    this.session.start();
    this.quality.start();
  }

  /** The vitals channel's counters (delivered, duplicates, missing…), for the tests and diagnostics. */
  vitalsStats(): Readonly<Record<string, number>> {
    return { ...(this.vitalsLink?.receiver.stats ?? {}) };
  }

  requestMeasurement(): void {
    this.measureResult.set({ kind: 'asking' });
    if (!this.control.send({ type: 'measure-request', id: this.control.nextId() })) {
      this.measureResult.set({ kind: 'not-connected' });
    }
  }

  /** The doctor's own mute and camera-off: the tracks stay (no renegotiation), disabled. */
  setOwnAv(patch: Partial<AvState>): void {
    this.ownAv.set({ ...this.ownAv.getSnapshot(), ...patch });
    this.applyOwnAv();
    this.announceOwnAv();
  }

  private applyOwnAv(): void {
    const { micMuted, cameraOff } = this.ownAv.getSnapshot();
    const stream = this.localStream.getSnapshot();
    for (const track of stream?.getAudioTracks() ?? []) track.enabled = !micMuted;
    for (const track of stream?.getVideoTracks() ?? []) track.enabled = !cameraOff;
  }

  private announceOwnAv(): void {
    this.control.send({ type: 'av-state', ...this.ownAv.getSnapshot() });
  }

  hangUp(): void {
    this.reportOnly?.hangUp();
    this.control.hangUp();
    this.dispose();
  }

  /**
   * The page is unloading (F5, the tab closed): the camera is released and the socket closed
   * without a goodbye, so the next load of this tab resumes the same seat.
   */
  leavePage(): void {
    if (this.disposed) return;
    this.session.suspend();
    for (const track of this.localStream.getSnapshot()?.getTracks() ?? []) track.stop();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.session.ended) this.session.end('hung-up');
    this.vitalsLink?.dispose();
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.quality.stop();
    this.ladder.dispose();
    this.remote.dispose();
    this.record.dispose();
    // The station closed the consultation: the draft may still go to the station as a report version.
    const reportLink = this.record.reportLink;
    if (this.session.state.getSnapshot().endReason === 'consultation-closed' && reportLink !== null) {
      // Signed in with Pro Santé Connect: the same doctor goes on in the report-only room.
      const signedIn = this.record.verifiedDoctor.getSnapshot() !== null && this.token.length > 0;
      this.reportOnly = new ReportOnlyConnection(reportLink, this.flags.relayOnly, {
        ...(signedIn ? { beforeJoin: () => carryPscSignIn(this.token, reportLink) } : {}),
      });
      this.record.continueAfterEnd(this.reportOnly);
    }
    this.devices.dispose();
    this.control.dispose();
    for (const track of this.localStream.getSnapshot()?.getTracks() ?? []) track.stop();
  }
}
