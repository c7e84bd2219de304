import type { ParticipantRole } from '../../../shared/call/signaling';
import type { CallClock, ReconnectTiming } from './reconnect-timing';
import type { NetworkProbe } from './relay-probe';
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
  /**
   * The other side is a doctor the rendezvous says signed in with Pro Santé Connect: its signed
   * assertion (`peer.identity`), for the station's backend to check. Pages never read it.
   */
  readonly onPeerIdentity?: (assertion: string) => void;
  readonly timing?: ReconnectTiming;
  readonly clock?: CallClock;
  readonly createSocket?: CreateSocket;
  /** Is the network back (a long cut)? The call's TURN server asked by default (relay-probe.ts). */
  readonly networkProbe?: NetworkProbe;
}

export type CallSessionEvents = {
  connected: [];
  disconnected: [];
  data: [Uint8Array];
  track: [MediaStreamTrack, MediaStream];
  /** The station was moved to a new room (newRoom, a new consultation): earlier links lead nowhere. */
  'room-changed': [];
};
