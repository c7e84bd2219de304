import type { ParticipantRole } from '../../../shared/call/signaling';
import type { CallClock, ReconnectTiming } from './reconnect-timing';
import type { SeatStore } from './seat-store';
import type { CreateSocket } from './signaling-socket';

/** How a CallSession is set up, and what it tells its consumers (vitals, control, media). */
export interface CallCredentials {
  readonly signalingUrl: string;
  readonly token: string;
}

export interface CallSessionOptions {
  readonly role: ParticipantRole;
  /** Called for every fresh join: the station asks its backend for a fresh token each time. */
  readonly credentials: () => Promise<CallCredentials>;
  /** Where the rendezvous seat is kept between sockets (sessionStorage: also between page loads). */
  readonly seat?: SeatStore;
  readonly localStreams: () => readonly MediaStream[];
  readonly sdpTransform?: (sdp: string) => string;
  readonly relayOnly: boolean;
  readonly timing?: ReconnectTiming;
  readonly clock?: CallClock;
  readonly createSocket?: CreateSocket;
}

export type CallSessionEvents = {
  connected: [];
  disconnected: [];
  data: [Uint8Array];
  track: [MediaStreamTrack, MediaStream];
  /** The station was moved to a new room (newRoom, a new consultation): earlier links lead nowhere. */
  'room-changed': [];
};
