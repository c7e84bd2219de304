import { ValueStore } from '../value-store';
import type { CallSession } from './call-session';
import type { ControlLink } from './control-link';
import type { ControlMessage, MediaRole } from './control-messages';

/**
 * The far side's streams, sorted by role. Streams arrive as bare tracks; the sender's `media`
 * control message says which stream id is the room camera, the instrument camera or the
 * stethoscope. A stream not (yet) labelled counts as the room stream, which is what a consultant
 * sends and what the station's first stream is.
 */
export interface RemoteMediaSnapshot {
  readonly room: MediaStream | null;
  readonly instrument: MediaStream | null;
  readonly stethoscope: MediaStream | null;
  readonly instrumentInfo: Extract<ControlMessage, { type: 'media' }>['instrument'];
  readonly audioOnly: boolean;
}

const EMPTY: RemoteMediaSnapshot = {
  room: null,
  instrument: null,
  stethoscope: null,
  instrumentInfo: null,
  audioOnly: false,
};

export class RemoteMedia {
  readonly store = new ValueStore<RemoteMediaSnapshot>(EMPTY);
  private readonly streams = new Map<string, MediaStream>();
  private roles = new Map<string, MediaRole>();
  private label: Pick<RemoteMediaSnapshot, 'instrumentInfo' | 'audioOnly'> = {
    instrumentInfo: null,
    audioOnly: false,
  };
  private readonly unsubscribes: (() => void)[];

  constructor(call: CallSession, control: ControlLink) {
    this.unsubscribes = [
      call.events.on('track', (_track, stream) => {
        this.streams.set(stream.id, stream);
        this.publish();
      }),
      call.events.on('disconnected', () => {
        this.streams.clear();
        this.publish();
      }),
      control.messages.on('media', (message) => {
        this.roles = new Map(message.streams.map((s) => [s.streamId, s.role]));
        this.label = { instrumentInfo: message.instrument, audioOnly: message.audioOnly };
        this.publish();
      }),
    ];
  }

  /** Receiver track ids of the stethoscope stream, for its stricter quality badge. */
  stethoscopeTrackIds(): Set<string> {
    const stream = this.store.getSnapshot().stethoscope;
    return new Set(stream?.getTracks().map((track) => track.id) ?? []);
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private publish(): void {
    const byRole = (role: MediaRole): MediaStream | null => {
      for (const [id, stream] of this.streams) if ((this.roles.get(id) ?? 'room') === role) return stream;
      return null;
    };
    this.store.set({
      room: byRole('room'),
      instrument: byRole('instrument'),
      stethoscope: byRole('stethoscope'),
      ...this.label,
    });
  }
}
