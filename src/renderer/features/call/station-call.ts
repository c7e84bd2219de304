import type { BackendClient } from '../../backend-client/backend-client';
import { ValueStore } from '../value-store';
import { createInvite, stationCredentials, type Invite } from './call-api';
import type { CallFlags } from './call-flags';
import { CallSession } from './call-session';
import { ControlLink } from './control-link';
import { LocalMedia, type MediaChoice } from './media/local-media';
import { mungeOpus, sectionSendsStream } from './media/opus-sdp';
import { captureStill } from './media/still-capture';
import { QualityMonitor } from './quality/quality-monitor';
import { VideoFallback } from './quality/video-fallback';
import { chunkSnapshot } from './snapshot-chunks';
import { linkStationVitals } from './vitals-link';

/**
 * The station's call: opens the chosen media, joins the rendezvous room, issues the consultant
 * invite, and answers the consultant's requests (snapshots, measurements). One instance per call.
 */
export class StationCall {
  readonly media = new LocalMedia();
  readonly session: CallSession;
  readonly control: ControlLink;
  readonly quality: QualityMonitor;
  readonly invite = new ValueStore<Invite | null>(null);
  readonly problems = new ValueStore<readonly string[]>([]);
  private readonly fallback = new VideoFallback();
  private readonly unsubscribes: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly client: BackendClient,
    flags: CallFlags,
    /** Set when the call opened its own backend connection: it is closed with the call. */
    private readonly ownsClient = false,
  ) {
    this.session = new CallSession({
      role: 'station',
      credentials: () => stationCredentials(client),
      localStreams: () => this.media.streams(),
      sdpTransform: (sdp) => {
        const stethoscope = this.media.stethoscope;
        return stethoscope === null ? sdp : mungeOpus(sdp, sectionSendsStream(stethoscope.id));
      },
      relayOnly: flags.relayOnly,
    });
    this.control = new ControlLink(this.session);
    const stethoscopeInput = (): Set<string> =>
      new Set(this.media.stethoscope?.getAudioTracks().map((track) => track.id) ?? []);
    this.quality = new QualityMonitor(this.session, stethoscopeInput, (summary) => {
      const paused = this.fallback.next(summary);
      if (paused === null) return;
      this.media.update({ videoPaused: paused });
      this.session.dispatch({ type: 'audio-only', on: paused });
      this.announceMedia();
    });
  }

  async start(choice: MediaChoice): Promise<void> {
    try {
      this.problems.set(await this.media.open(choice));
    } catch (cause) {
      this.session.end('media-error', cause instanceof Error ? cause.message : String(cause));
      return;
    }
    this.unsubscribes.push(
      linkStationVitals(this.session, this.client),
      this.session.events.on('connected', () => this.announceMedia()),
      this.media.toggles.subscribe(() => this.announceMedia()),
      // However the call ends (either side hangs up, the server refuses), cameras go dark at once.
      this.session.state.subscribe(() => this.session.ended && this.dispose()),
      this.control.messages.on('snapshot-request', ({ id }) => void this.sendSnapshot(id)),
      this.control.messages.on('measure-request', ({ id }) => {
        // No connected driver accepts a remote start yet (the device API has no such command).
        this.control.send({
          type: 'measure-result',
          id,
          outcome: 'not-supported',
          message: 'No connected device supports starting a measurement remotely',
        });
      }),
    );
    this.session.start();
    this.quality.start();
    try {
      this.invite.set(await createInvite(this.client));
    } catch (cause) {
      this.problems.set([...this.problems.getSnapshot(), `invite: ${String(cause)}`]);
    }
  }

  hangUp(): void {
    this.control.hangUp();
    this.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.session.ended) this.session.end('hung-up');
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.quality.stop();
    this.control.dispose();
    this.media.stop();
    if (this.ownsClient) this.client.close();
  }

  private announceMedia(): void {
    const { instrumentOn, videoPaused } = this.media.toggles.getSnapshot();
    this.control.send({
      type: 'media',
      streams: this.media.roles(),
      instrument:
        this.media.instrument === null ? null : { kind: this.media.instrumentKind, on: instrumentOn },
      audioOnly: videoPaused,
    });
  }

  private async sendSnapshot(id: string): Promise<void> {
    const track = (this.media.instrument ?? this.media.room)?.getVideoTracks()[0];
    try {
      if (track === undefined) throw new Error('no camera to take a snapshot from');
      for (const chunk of chunkSnapshot(await captureStill(track, id))) {
        if (!this.control.send(chunk)) throw new Error('the call dropped during the transfer');
      }
    } catch (cause) {
      this.control.send({
        type: 'snapshot-failed',
        id,
        message: cause instanceof Error ? cause.message : String(cause),
      });
    }
  }
}
