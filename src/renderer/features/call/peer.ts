import SimplePeer from 'simple-peer/simplepeer.min.js';
import type { IceServer } from '../../../shared/call/signaling';
import type { StatsRecord, StatsSample } from './quality/stats-summary';

/**
 * PeerLink: the one place that knows the peer library. The rest of the call speaks in its terms —
 * signals in and out, bytes on the data channel, remote tracks, ICE state — so swapping
 * simple-peer for a plain RTCPeerConnection touches this file only. One PeerLink lives for one
 * peer generation; within it the offerer may restart ICE (`restartIce`): simple-peer 9 has no
 * such API (issue #579), so we ask its RTCPeerConnection for new ICE credentials and have
 * simple-peer renegotiate (docs/call-resilience.md says why this and not the fork).
 */
export interface PeerLinkOptions {
  /** The station offers; the consultant answers. */
  readonly initiator: boolean;
  readonly iceServers: readonly IceServer[];
  /** Test hook and strict networks: only TURN-relayed candidates. */
  readonly relayOnly: boolean;
  readonly streams: readonly MediaStream[];
  /** Rewrites each local description (the stethoscope's Opus parameters). */
  readonly sdpTransform?: (sdp: string) => string;
}

export interface PeerLinkHandlers {
  signal(data: Record<string, unknown>): void;
  connect(): void;
  data(bytes: Uint8Array): void;
  track(track: MediaStreamTrack, stream: MediaStream): void;
  iceState(state: RTCIceConnectionState): void;
  /** The link is gone, for whatever reason (`error` is null after a clean destroy). */
  closed(error: Error | null): void;
}

const encoder = new TextEncoder();

export class PeerLink {
  private readonly peer: SimplePeer;
  private closedOnce = false;
  private everConnected = false;

  constructor(options: PeerLinkOptions, handlers: PeerLinkHandlers) {
    this.peer = new SimplePeer({
      initiator: options.initiator,
      trickle: true,
      streams: [...options.streams],
      config: {
        iceServers: options.iceServers.map((server) => ({ ...server })),
        iceTransportPolicy: options.relayOnly ? 'relay' : 'all',
      },
      channelConfig: { ordered: true },
      ...(options.sdpTransform === undefined ? {} : { sdpTransform: options.sdpTransform }),
    });
    const close = (error: Error | null): void => {
      if (this.closedOnce) return;
      this.closedOnce = true;
      handlers.closed(error);
    };
    this.peer.on('signal', (data) => handlers.signal(data));
    this.peer.on('connect', () => {
      this.everConnected = true;
      handlers.connect();
    });
    this.peer.on('data', (data) => handlers.data(typeof data === 'string' ? encoder.encode(data) : data));
    this.peer.on('track', (track, stream) => handlers.track(track, stream));
    this.peer.on('iceStateChange', (state) => handlers.iceState(state));
    this.peer.on('error', (error) => close(error));
    this.peer.on('close', () => close(null));
  }

  /**
   * The underlying connection, for what rides beside the peer library's own channel: the vitals'
   * latest-value data channel (negotiated, fixed id) and the senders' encodings (quality ladder).
   */
  get connection(): RTCPeerConnection {
    return this.peer._pc;
  }

  get connected(): boolean {
    return this.peer.connected && !this.peer.destroyed;
  }

  /** Not destroyed (simple-peer destroys itself on ICE `failed` or a closed channel). */
  get alive(): boolean {
    return !this.peer.destroyed;
  }

  /** Once connected, its DTLS session and channels can be kept across an ICE restart. */
  get wasConnected(): boolean {
    return this.everConnected;
  }

  get iceState(): RTCIceConnectionState | null {
    return this.peer.destroyed ? null : this.peer._pc.iceConnectionState;
  }

  /**
   * ICE restart on this connection (offerer only): new ICE credentials, gathered afresh, over the
   * same DTLS session, so data channels and tracks survive. Chromium fires `negotiationneeded` on
   * `restartIce()`, which simple-peer 9 ignores; its public `negotiate()` makes the offer, and
   * createOffer carries the new credentials. An offer left unanswered (sent into a socket that
   * died) is rolled back first: simple-peer would otherwise queue this negotiation behind it
   * forever.
   */
  async restartIce(): Promise<void> {
    if (this.peer.destroyed) return;
    const pc = this.peer._pc;
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    if (this.peer.destroyed) return;
    pc.restartIce();
    this.peer.negotiate();
  }

  signal(data: Record<string, unknown>): void {
    if (!this.peer.destroyed) this.peer.signal(data);
  }

  /** False when the channel is not open (the caller keeps what it could not send). */
  send(bytes: Uint8Array): boolean {
    if (!this.connected) return false;
    try {
      this.peer.send(bytes);
      return true;
    } catch {
      return false; // the channel closed between the check and the send
    }
  }

  stats(): Promise<StatsSample> {
    return new Promise((resolve, reject) => {
      if (this.peer.destroyed) {
        resolve(new Map());
        return;
      }
      this.peer.getStats((error, reports) => {
        if (error !== null) {
          reject(error);
          return;
        }
        const sample = new Map<string, StatsRecord>();
        for (const report of reports) {
          if (typeof report['id'] === 'string' && typeof report['type'] === 'string') {
            sample.set(report['id'], report as StatsRecord);
          }
        }
        resolve(sample);
      });
    });
  }

  destroy(): void {
    if (!this.peer.destroyed) this.peer.destroy();
  }
}
