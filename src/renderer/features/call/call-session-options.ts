import type { ParticipantRole } from '../../../shared/call/signaling';
import type { ReconnectTiming } from './reconnect-timing';

/** How a CallSession is set up, and what it tells its consumers (vitals, control, media). */
export interface CallCredentials {
  readonly signalingUrl: string;
  readonly token: string;
}

export interface CallSessionOptions {
  readonly role: ParticipantRole;
  /** Called on every (re)join: the station asks its backend for a fresh token each time. */
  readonly credentials: () => Promise<CallCredentials>;
  readonly localStreams: () => readonly MediaStream[];
  readonly sdpTransform?: (sdp: string) => string;
  readonly relayOnly: boolean;
  readonly timing?: ReconnectTiming;
}

export type CallSessionEvents = {
  connected: [];
  disconnected: [];
  data: [Uint8Array];
  track: [MediaStreamTrack, MediaStream];
};
