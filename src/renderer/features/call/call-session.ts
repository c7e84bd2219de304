import type { IceServer } from '../../../shared/call/signaling';
import { ValueStore } from '../value-store';
import { Emitter } from './call-events';
import {
  callReducer,
  INITIAL_CALL_STATE,
  type CallEvent,
  type CallState,
  type EndReason,
} from './call-machine';
import type { CallCredentials, CallSessionEvents, CallSessionOptions } from './call-session-options';
import { NamedTimers } from './named-timers';
import { PeerLink } from './peer';
import type { StatsSample } from './quality/stats-summary';
import { DEFAULT_RECONNECT_TIMING, rejoinDelayMs, type ReconnectTiming } from './reconnect-timing';
import { parseEnvelope, wrapSignal } from './signal-envelope';
import { SignalingClient } from './signaling-client';

export type { CallCredentials, CallSessionEvents, CallSessionOptions } from './call-session-options';

type TimerName = 'iceGrace' | 'connect' | 'rejoin' | 'rebuild';

/**
 * One side of the call: a rendezvous session plus the current PeerLink, rebuilt without user action
 * whenever the link fails. Each peer built gets a generation number carried in every signal, so a
 * late candidate from a torn-down peer can never reach its successor. The station owns the
 * generations (it offers); the consultant follows the newest it hears, and asks the station for a
 * new one when it sees the link fail first.
 */
export class CallSession {
  readonly state = new ValueStore<CallState>(INITIAL_CALL_STATE);
  readonly events = new Emitter<CallSessionEvents>();
  private readonly timing: ReconnectTiming;
  private readonly timers = new NamedTimers<TimerName>();
  private signaling: SignalingClient | null = null;
  private peer: PeerLink | null = null;
  private gen = 0;
  private remotePeerId: string | null = null;
  private iceServers: readonly IceServer[] = [];
  private rejoinAttempt = 0;

  constructor(private readonly options: CallSessionOptions) {
    this.timing = options.timing ?? DEFAULT_RECONNECT_TIMING;
  }

  get ended(): boolean {
    return this.state.getSnapshot().phase === 'ended';
  }

  start(): void {
    this.dispatch({ type: this.options.role === 'station' ? 'invite' : 'join' });
    void this.join();
  }

  /**
   * Hangs up: the goodbye travels through the rendezvous server ahead of our `leave` on the same
   * ordered socket, so the other side ends its call instead of waiting for us to come back.
   */
  hangUp(reason: EndReason = 'hung-up'): void {
    if (this.remotePeerId !== null) this.signaling?.signal(this.remotePeerId, { bye: true });
    this.end(reason);
  }

  /** Ends the call on purpose: the rendezvous server then spends our token. */
  end(reason: EndReason, detail?: string): void {
    if (this.ended) return;
    this.timers.clearAll();
    this.dropPeer();
    this.signaling?.close(true);
    this.signaling = null;
    this.dispatch({ type: 'end', reason, ...(detail === undefined ? {} : { detail }) });
  }

  send(bytes: Uint8Array): boolean {
    return this.peer?.send(bytes) ?? false;
  }

  /** The current peer's RTCPeerConnection once it is connected (read it on `connected`), else null. */
  get connection(): RTCPeerConnection | null {
    return this.peer?.connected === true ? this.peer.connection : null;
  }

  stats(): Promise<StatsSample | null> {
    return this.peer?.connected === true ? this.peer.stats() : Promise.resolve(null);
  }

  dispatch(event: CallEvent): void {
    this.state.set(callReducer(this.state.getSnapshot(), event));
  }

  private async join(): Promise<void> {
    let credentials: CallCredentials;
    try {
      credentials = await this.options.credentials();
    } catch (cause) {
      console.warn('could not get call credentials; retrying', cause);
      this.scheduleRejoin();
      return;
    }
    if (this.ended) return;
    this.signaling = new SignalingClient(credentials.signalingUrl, credentials.token, {
      joined: ({ peers, iceServers }) => {
        this.rejoinAttempt = 0;
        this.iceServers = iceServers;
        const other = peers.find((peer) => peer.role !== this.options.role);
        if (other !== undefined) this.meet(other.peerId);
      },
      peerJoined: (peer) => {
        if (peer.role !== this.options.role) this.meet(peer.peerId);
      },
      peerLeft: (peerId) => {
        if (peerId !== this.remotePeerId) return;
        this.remotePeerId = null;
        this.linkLost('the other side left the call');
      },
      signal: (from, data) => this.onSignal(from, data),
      error: (code, message, fatal) => {
        // The station closes its room when the consultation ends: the doctor has nowhere to rejoin.
        if (code === 'room-closed' && this.options.role === 'consultant') this.end('consultation-closed');
        else if (fatal) this.end('rejected', message);
        else console.warn(`rendezvous server: ${code}: ${message}`);
      },
      dropped: () => {
        this.signaling = null;
        this.remotePeerId = null;
        this.linkLost('connection to the rendezvous server lost');
        this.scheduleRejoin();
      },
    });
  }

  private meet(peerId: string): void {
    this.remotePeerId = peerId;
    if (this.options.role === 'station') this.buildPeer(this.gen + 1);
  }

  private onSignal(from: string, data: Record<string, unknown>): void {
    const envelope = from === this.remotePeerId ? parseEnvelope(data) : null;
    if (envelope === null) return;
    if (envelope.kind === 'bye') {
      this.end('remote-hung-up');
    } else if (envelope.kind === 'restart') {
      if (this.options.role === 'station' && envelope.gen >= this.gen) this.linkFailed();
    } else if (envelope.gen >= this.gen) {
      if (envelope.gen > this.gen) {
        if (this.options.role === 'station') return; // generations are the station's to create
        this.buildPeer(envelope.gen);
      }
      this.peer?.signal(envelope.signal);
    }
  }

  private buildPeer(gen: number): void {
    this.dropPeer();
    this.gen = gen;
    const isCurrent = (): boolean => this.peer === peer;
    const peer: PeerLink = new PeerLink(
      {
        initiator: this.options.role === 'station',
        iceServers: this.iceServers,
        relayOnly: this.options.relayOnly,
        streams: this.options.localStreams(),
        ...(this.options.sdpTransform === undefined ? {} : { sdpTransform: this.options.sdpTransform }),
      },
      {
        signal: (signal) => {
          if (isCurrent() && this.remotePeerId !== null)
            this.signaling?.signal(this.remotePeerId, wrapSignal(gen, signal));
        },
        connect: () => {
          if (!isCurrent()) return;
          this.timers.clear('connect');
          this.dispatch({ type: 'peer-connected' });
          this.events.emit('connected');
        },
        data: (bytes) => isCurrent() && this.events.emit('data', bytes),
        track: (track, stream) => isCurrent() && this.events.emit('track', track, stream),
        iceState: (state) => {
          if (!isCurrent()) return;
          if (state === 'disconnected') {
            this.dispatch({ type: 'link-lost', detail: 'network interrupted' });
            this.timers.set('iceGrace', this.timing.iceGraceMs, () => this.linkFailed());
          } else if (state === 'connected' || state === 'completed') {
            this.timers.clear('iceGrace');
            if (peer.connected) this.dispatch({ type: 'peer-connected' });
          } else if (state === 'failed') {
            this.linkFailed();
          }
        },
        closed: () => {
          if (isCurrent()) this.linkFailed();
        },
      },
    );
    this.peer = peer;
    this.timers.set('connect', this.timing.connectTimeoutMs, () => this.linkFailed());
  }

  /** The peer is beyond saving: tear it down and build the next generation. */
  private linkFailed(): void {
    if (this.ended) return;
    this.linkLost('network interrupted');
    if (this.remotePeerId === null || this.signaling === null) return; // rejoin or peer-joined will follow
    this.dispatch({ type: 'rejoin' });
    if (this.options.role === 'station') {
      this.timers.set('rebuild', 300, () => this.buildPeer(this.gen + 1));
    } else {
      this.signaling.signal(this.remotePeerId, { gen: this.gen, restart: true });
      // If no new offer comes (the station may not have noticed yet), ask again.
      this.timers.set('connect', this.timing.connectTimeoutMs, () => this.linkFailed());
    }
  }

  private linkLost(detail: string): void {
    this.timers.clear('iceGrace');
    this.timers.clear('connect');
    const hadPeer = this.peer !== null;
    this.dropPeer();
    this.dispatch({ type: 'link-lost', detail });
    if (hadPeer) this.events.emit('disconnected');
  }

  private scheduleRejoin(): void {
    if (this.ended) return;
    const delay = rejoinDelayMs(this.rejoinAttempt++, this.timing);
    this.timers.set('rejoin', delay, () => {
      this.dispatch({ type: 'rejoin' });
      void this.join();
    });
  }

  private dropPeer(): void {
    const peer = this.peer;
    this.peer = null;
    peer?.destroy();
  }
}
