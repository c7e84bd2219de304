import { ValueStore } from '../../value-store';
import type { InstrumentKind, MediaRole } from '../control-messages';
import type { SenderRole } from '../quality/rung-encodings';
import { instrumentConstraints, roomConstraints, stethoscopeConstraints } from './constraints';

/**
 * The station's outgoing media: room camera + microphone, the instrument camera (a second video
 * track, switched on and off without renegotiation by enabling its track), and the stethoscope as
 * its own audio stream with voice processing off and `contentHint = 'music'`.
 */
export interface MediaChoice {
  readonly cameraId: string | null;
  readonly microphoneId: string | null;
  /** null: no instrument camera connected. */
  readonly instrumentCameraId: string | null;
  readonly instrumentKind: InstrumentKind;
  /** null: no stethoscope / doppler input. */
  readonly stethoscopeInputId: string | null;
}

/** An optional input that could not be opened; the call goes on without it. */
export interface MediaProblem {
  readonly source: 'instrument' | 'stethoscope';
  readonly detail: string;
}

export interface MediaToggles {
  readonly micMuted: boolean;
  readonly cameraOff: boolean;
  readonly instrumentOn: boolean;
  /**
   * Video paused because the network cannot carry it (the quality ladder's lowest rung). The
   * ladder stops the video senders themselves; the tracks stay on, so the nurse still sees herself.
   */
  readonly videoPaused: boolean;
}

export class LocalMedia {
  readonly toggles = new ValueStore<MediaToggles>({
    micMuted: false,
    cameraOff: false,
    instrumentOn: false,
    videoPaused: false,
  });
  room: MediaStream | null = null;
  instrument: MediaStream | null = null;
  stethoscope: MediaStream | null = null;
  instrumentKind: InstrumentKind = 'exam-camera';

  constructor(private readonly mediaDevices: MediaDevices = navigator.mediaDevices) {}

  /** Opens everything chosen; a failing instrument or stethoscope does not block the call. */
  async open(choice: MediaChoice): Promise<MediaProblem[]> {
    this.stop();
    const problems: MediaProblem[] = [];
    this.instrumentKind = choice.instrumentKind;
    this.room = await this.mediaDevices.getUserMedia(roomConstraints(choice.cameraId, choice.microphoneId));
    if (choice.instrumentCameraId !== null) {
      this.instrument = await this.mediaDevices
        .getUserMedia(instrumentConstraints(choice.instrumentCameraId))
        .catch((cause: unknown) => (problems.push({ source: 'instrument', detail: String(cause) }), null));
      for (const track of this.instrument?.getVideoTracks() ?? []) track.contentHint = 'detail';
    }
    if (choice.stethoscopeInputId !== null) {
      this.stethoscope = await this.mediaDevices
        .getUserMedia(stethoscopeConstraints(choice.stethoscopeInputId))
        .catch((cause: unknown) => (problems.push({ source: 'stethoscope', detail: String(cause) }), null));
      // 'music' tells the encoder to keep the full band and not to treat quiet parts as silence.
      for (const track of this.stethoscope?.getAudioTracks() ?? []) track.contentHint = 'music';
    }
    this.apply();
    return problems;
  }

  streams(): MediaStream[] {
    return [this.room, this.instrument, this.stethoscope].filter((s): s is MediaStream => s !== null);
  }

  roles(): { streamId: string; role: MediaRole }[] {
    const roles: { streamId: string; role: MediaRole }[] = [];
    if (this.room !== null) roles.push({ streamId: this.room.id, role: 'room' });
    if (this.instrument !== null) roles.push({ streamId: this.instrument.id, role: 'instrument' });
    if (this.stethoscope !== null) roles.push({ streamId: this.stethoscope.id, role: 'stethoscope' });
    return roles;
  }

  /** What a sent track is, for the quality ladder's encodings. */
  senderRole(track: MediaStreamTrack): SenderRole | null {
    const has = (stream: MediaStream | null): boolean => stream?.getTrackById(track.id) != null;
    if (has(this.stethoscope)) return 'stethoscope';
    if (has(this.instrument)) return 'instrument-video';
    if (!has(this.room)) return null;
    return track.kind === 'audio' ? 'voice' : 'room-video';
  }

  update(patch: Partial<MediaToggles>): void {
    this.toggles.set({ ...this.toggles.getSnapshot(), ...patch });
    this.apply();
  }

  stop(): void {
    for (const stream of this.streams()) for (const track of stream.getTracks()) track.stop();
    this.room = this.instrument = this.stethoscope = null;
  }

  private apply(): void {
    const { micMuted, cameraOff, instrumentOn } = this.toggles.getSnapshot();
    for (const track of this.room?.getAudioTracks() ?? []) track.enabled = !micMuted;
    for (const track of this.room?.getVideoTracks() ?? []) track.enabled = !cameraOff;
    for (const track of this.instrument?.getVideoTracks() ?? []) track.enabled = instrumentOn;
  }
}
