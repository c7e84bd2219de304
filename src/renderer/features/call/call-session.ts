import type { IceServer, SignalingErrorCode } from '../../../shared/call/signaling';
import { ValueStore } from '../value-store';
import { Emitter } from './call-events';
import {
  callReducer,
  INITIAL_CALL_STATE,
  linkDown,
  type CallEvent,
  type CallState,
  type EndReason,
} from './call-machine';
import type { CallSessionEvents, CallSessionOptions } from './call-session-options';
import { LinkWatch } from './link-watch';
import { NamedTimers } from './named-timers';
import { PeerLink } from './peer';
import { inboundBytes } from './quality/link-activity';
import type { StatsSample } from './quality/stats-summary';
import {
  BROWSER_CLOCK,
  DEFAULT_RECONNECT_TIMING,
  type CallClock,
  type ReconnectTiming,
} from './reconnect-timing';
import { RecoveryTimeline, signalStep } from './recovery-timeline';
import { relayProbe, type NetworkProbe } from './relay-probe';
import { memorySeatStore } from './seat-store';
import { hello, newEpoch, parseEnvelope, restartRequest, wrapSignal, type Envelope } from './signal-envelope';
import { SignalingClient } from './signaling-client';

export type { CallCredentials, CallSessionEvents, CallSessionOptions } from './call-session-options';

type TimerName = 'recover' | 'ask' | 'hello';

/** Counters for the tests, the bench and diagnostics (read through the `probe=1` page probe). */
export interface RecoveryCounters {
  /** Peers built (the station) or answered (the doctor) since the page loaded. */
  peersBuilt: number;
  /** ICE restarts started on a live peer (station), or asked for (doctor). */
  iceRestarts: number;
  /** Signaling sockets lost (dead heartbeat, server close, join timeout). */
  socketsLost: number;
  /** Times the rendezvous seated this page (joins and resumes). */
  seated: number;
  resumed: number;
}

/**
 * One side of the call: a rendezvous seat (SignalingClient: heartbeat, backoff, resume) plus the
 * current PeerLink, brought back without user action for as long as the call lasts.
 *
 * A lost signaling socket costs nothing by itself: media and vitals keep flowing peer to peer while
 * the page resumes its seat. A silent link (LinkWatch: nothing received for `linkSilentMs`, or ICE
 * `disconnected`) is "interrupted"; the station — it offers, so it owns recovery — first restarts
 * ICE on the same connection (data channels and tracks survive), and builds a new peer generation
 * when the restart has not worked within `iceRestartTimeoutMs`, when the peer is gone (ICE failed
 * after a long cut, the other page reloaded), or when the doctor says it no longer holds that peer.
 * The doctor's page asks the station for a restart while it sees the link down. Both pages say
 * `hello` whenever they (re)meet, so each learns what the other still holds (docs/call-resilience.md).
 */
export class CallSession {
  readonly state = new ValueStore<CallState>(INITIAL_CALL_STATE);
  readonly events = new Emitter<CallSessionEvents>();
  readonly counters: RecoveryCounters = {
    peersBuilt: 0,
    iceRestarts: 0,
    socketsLost: 0,
    seated: 0,
    resumed: 0,
  };
  /** What the call did and when (the network lab reads it: which step ate the time). */
  readonly timeline: RecoveryTimeline;
  private readonly timing: ReconnectTiming;
  private readonly clock: CallClock;
  private readonly timers: NamedTimers<TimerName>;
  private readonly signaling: SignalingClient;
  /** This page load: a reloaded page is another epoch. */
  readonly epoch = newEpoch();
  private peer: PeerLink | null = null;
  private watch: LinkWatch | null = null;
  /** The station's generation of the current peer (the doctor follows the station's). */
  private gen = 0;
  /** The other side's epoch for the current peer: the doctor's on the station, the station's on the doctor. */
  private peerEpoch: string | null = null;
  private remotePeerId: string | null = null;
  private iceServers: readonly IceServer[] = [];
  /** Station: an ICE restart was tried since the last (re)meeting; the next try builds a new peer. */
  private restarted = false;
  private builtAtMs = Number.NEGATIVE_INFINITY;
  /** Station: the doctor's seat (`epoch:seat` of its last hello), and what it was when we last built. */
  private remoteSeat: string | null = null;
  private seatAtBuild: string | null = null;
  private recoveryStartedMs = Number.NEGATIVE_INFINITY;
  private remoteHeardMs = Number.NEGATIVE_INFINITY;
  /** The link state last marked on the timeline. */
  private markedUp = false;

  constructor(private readonly options: CallSessionOptions) {
    this.timing = options.timing ?? DEFAULT_RECONNECT_TIMING;
    this.clock = options.clock ?? BROWSER_CLOCK;
    this.timeline = new RecoveryTimeline(() => this.clock.now());
    this.timers = new NamedTimers(this.clock);
    const probe: NetworkProbe =
      options.networkProbe ?? relayProbe(() => this.iceServers, this.timing.probeTimeoutMs);
    this.signaling = new SignalingClient(
      {
        role: options.role,
        credentials: options.credentials,
        seat: options.seat ?? memorySeatStore(),
        timing: this.timing,
        clock: this.clock,
        createSocket: options.createSocket ?? ((url) => new WebSocket(url)),
        probe: () => {
          const asked = probe();
          if (asked !== null) {
            this.timeline.mark('probe');
            void asked.then(
              (back) => back && this.timeline.mark('probe-answered'),
              () => undefined,
            );
          }
          return asked;
        },
      },
      {
        connecting: () => this.timeline.mark('socket-new'),
        opened: () => this.timeline.mark('socket-open'),
        joined: ({ peers, iceServers, resumed }) => {
          this.timeline.mark(resumed ? 'resumed' : 'seated');
          this.counters.seated += 1;
          if (resumed) this.counters.resumed += 1;
          this.iceServers = iceServers;
          this.restarted = false;
          const other = peers.find((peer) => peer.role !== this.options.role);
          this.remotePeerId = null;
          if (other?.identity !== undefined) this.options.onPeerIdentity?.(other.identity);
          if (other !== undefined) this.meet(other.peerId);
        },
        peerJoined: (peer) => {
          if (peer.role === this.options.role) return;
          if (peer.identity !== undefined) this.options.onPeerIdentity?.(peer.identity);
          this.meet(peer.peerId);
        },
        peerLeft: (peerId) => {
          // Its socket is gone, not necessarily its peer connection: media may well still flow.
          if (peerId === this.remotePeerId) this.remotePeerId = null;
        },
        signal: (from, data) => this.onSignal(from, data),
        lost: () => {
          this.timeline.mark('socket-lost');
          this.counters.socketsLost += 1;
          this.remotePeerId = null;
        },
        refused: (code) => this.onRefused(code),
        moved: () => this.onMoved(),
      },
    );
  }

  get ended(): boolean {
    return this.state.getSnapshot().phase === 'ended';
  }

  /** The current peer generation (tests: an ICE restart keeps it, a new peer raises it). */
  get generation(): number {
    return this.gen;
  }

  start(): void {
    this.dispatch({ type: this.options.role === 'station' ? 'invite' : 'join' });
    this.signaling.start();
  }

  /**
   * Hangs up: the goodbye travels through the rendezvous server ahead of our `leave` on the same
   * ordered socket, so the other side ends its call instead of waiting for us to come back.
   */
  hangUp(reason: EndReason = 'hung-up'): void {
    if (this.remotePeerId !== null) this.signaling.signal(this.remotePeerId, { bye: true });
    this.end(reason);
  }

  /** Ends the call on purpose: the rendezvous server then gives the seat up for good. */
  end(reason: EndReason, detail?: string): void {
    if (this.ended) return;
    this.timers.clearAll();
    this.dropPeer();
    this.signaling.close(true);
    this.dispatch({ type: 'end', reason, ...(detail === undefined ? {} : { detail }) });
  }

  /**
   * The page is going away (reload, tab closed, crash-to-be): no goodbye, no `leave`, so the seat
   * stays resumable and the other side waits for this page to come back.
   */
  suspend(): void {
    this.timers.clearAll();
    this.dropPeer();
    this.signaling.close(false);
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

  private get isStation(): boolean {
    return this.options.role === 'station';
  }

  private linkIsUp(): boolean {
    const peer = this.peer;
    if (peer === null || !peer.connected || this.watch?.isSilent === true) return false;
    const ice = peer.iceState;
    return ice === 'connected' || ice === 'completed';
  }

  private say(data: Record<string, unknown>): void {
    if (this.remotePeerId !== null) this.signaling.signal(this.remotePeerId, data);
  }

  /** The doctor's page tells the station what it holds (see signal-envelope.ts). */
  private sayHello(): void {
    this.timeline.mark('hello-sent', this.gen);
    const live = this.peer !== null && this.peer.alive;
    this.say(hello(this.epoch, this.peerEpoch, this.gen, live, this.counters.seated));
  }

  /**
   * The other side is (again) in the room with us. The doctor's page says hello; the station
   * acts on that hello, which tells it what the doctor still holds — or, should none come, on
   * what it knows itself. A station without a live peer (ICE failed in a long cut, or this page
   * reloaded) needs a new one whatever the doctor holds: it offers at once, for whichever page
   * sits in that seat now, instead of waiting a round trip for the hello.
   */
  private meet(peerId: string): void {
    this.timeline.mark('met');
    this.remotePeerId = peerId;
    if (!this.isStation) {
      this.sayHello();
      if (!this.linkIsUp()) this.timers.set('ask', this.timing.iceRestartTimeoutMs, () => this.ask());
      return;
    }
    if (this.peer === null || !this.peer.alive) {
      this.rebuild(true);
      return;
    }
    this.timers.set('hello', this.timing.helloWaitMs, () => {
      if (this.peer === null || !this.peer.alive) this.rebuild();
      else if (!this.linkIsUp()) this.recover(true);
    });
  }

  private onSignal(from: string, data: Record<string, unknown>): void {
    const envelope = parseEnvelope(data);
    if (envelope === null) return;
    if (from !== this.remotePeerId) {
      // A room holds one page of each role: a hello from another peer is the other side, back on
      // a seat we were not told about.
      if (envelope.kind !== 'hello' || !this.isStation) return;
      this.remotePeerId = from;
    }
    this.remoteHeardMs = this.clock.now();
    switch (envelope.kind) {
      case 'bye':
        this.end('remote-hung-up');
        return;
      case 'hello':
        if (this.isStation) this.stationHeardHello(envelope);
        return;
      case 'restart':
        if (this.isStation && envelope.peerEpoch === this.epoch && envelope.gen === this.gen) this.recover();
        return;
      case 'signal':
        if (this.isStation) this.stationHeardSignal(envelope);
        else this.doctorHeardSignal(envelope);
    }
  }

  private stationHeardHello(h: Extract<Envelope, { kind: 'hello' }>): void {
    this.timeline.mark('hello-heard', h.gen);
    this.timers.clear('hello');
    const seat = `${h.epoch}:${h.seat}`;
    const seatChanged = seat !== this.remoteSeat;
    this.remoteSeat = seat;
    // Its seat is new: whatever we sent before (an ICE restart offer) may have been lost with it.
    if (seatChanged) this.restarted = false;
    const peer = this.peer;
    const inSync = peer !== null && peer.alive && h.peerEpoch === this.epoch && h.gen === this.gen;
    if (inSync && h.live) {
      if (!this.linkIsUp()) this.recover(seatChanged);
      return;
    }
    // Our newest offer went to this very seat and is still being answered: leave it be.
    const pending =
      peer !== null &&
      peer.alive &&
      !peer.wasConnected &&
      (this.seatAtBuild === null || this.seatAtBuild === seat) &&
      this.clock.now() - this.builtAtMs < this.timing.connectTimeoutMs;
    if (!pending) this.rebuild();
  }

  private stationHeardSignal(envelope: Extract<Envelope, { kind: 'signal' }>): void {
    if (this.peer === null || envelope.gen !== this.gen) return;
    if (this.peerEpoch === null) this.peerEpoch = envelope.epoch;
    else if (envelope.epoch !== this.peerEpoch) return;
    this.markSignal(envelope.signal, false, envelope.gen);
    this.peer.signal(envelope.signal);
  }

  private doctorHeardSignal(envelope: Extract<Envelope, { kind: 'signal' }>): void {
    if (envelope.epoch !== this.peerEpoch || envelope.gen > this.gen) {
      // A new generation, or a reloaded station: answer with a new peer.
      this.buildPeer(envelope.gen, envelope.epoch);
    } else if (envelope.gen < this.gen || this.peer === null) {
      return; // an older generation, or one this page no longer holds (the station will rebuild)
    }
    this.markSignal(envelope.signal, false, envelope.gen);
    this.peer?.signal(envelope.signal);
  }

  /**
   * The station brings the link back: an ICE restart on the live peer first (once per meeting),
   * else a new peer. `force` starts over even while an attempt is running (the other side is back).
   */
  private recover(force = false): void {
    if (!this.isStation || this.ended) return;
    if (!this.signaling.isJoined || this.remotePeerId === null) return; // meet() will call again
    if (this.timers.has('recover') && !force) return;
    const peer = this.peer;
    this.recoveryStartedMs = this.clock.now();
    if (peer !== null && peer.alive && peer.wasConnected && !this.restarted) {
      this.restarted = true;
      this.counters.iceRestarts += 1;
      this.timeline.mark('ice-restart', this.gen);
      peer.restartIce().catch((cause: unknown) => {
        console.warn('ICE restart failed; building a new peer', cause);
        if (this.peer === peer) this.rebuild();
      });
      this.timers.set('recover', this.timing.iceRestartTimeoutMs, () => this.recoveryTimedOut());
    } else {
      this.rebuild();
    }
  }

  /**
   * An attempt did not bring the link back. A new peer is worth building only if the other side
   * has shown life since the attempt began: otherwise its offer would vanish with the rest, and
   * the doctor's `hello` on its return starts the next attempt at once.
   */
  private recoveryTimedOut(): void {
    if (this.linkIsUp()) return;
    if (this.remoteHeardMs >= this.recoveryStartedMs) this.rebuild();
  }

  /** `beforeHello`: built on meeting, before the doctor's hello said which seat it is (see meet). */
  private rebuild(beforeHello = false): void {
    if (!this.signaling.isJoined || this.remotePeerId === null) return;
    // A peer that fails at once (no relay reachable) must not turn into a loop of new peers.
    const wait = this.builtAtMs + this.timing.rebuildGapMs - this.clock.now();
    if (wait > 0) {
      this.timers.set('recover', wait, () => this.rebuild(beforeHello));
      return;
    }
    this.recoveryStartedMs = this.clock.now();
    this.buildPeer(this.gen + 1, null);
    if (beforeHello) this.seatAtBuild = null;
    this.timers.set('recover', this.timing.connectTimeoutMs, () => this.recoveryTimedOut());
  }

  /** The doctor's page: ask the station to bring the link back, again while it stays down. */
  private ask(): void {
    if (this.isStation || this.ended || this.linkIsUp()) return;
    if (this.signaling.isJoined && this.remotePeerId !== null) {
      if (this.peer !== null && this.peer.alive && this.peerEpoch !== null) {
        this.counters.iceRestarts += 1;
        this.timeline.mark('restart-asked', this.gen);
        this.say(restartRequest(this.epoch, this.peerEpoch, this.gen));
      } else {
        this.sayHello();
      }
    }
    this.timers.set('ask', this.timing.iceRestartTimeoutMs, () => this.ask());
  }

  private buildPeer(gen: number, peerEpoch: string | null): void {
    if (this.peer !== null) {
      this.dropPeer();
      this.dispatch({ type: 'link-lost', detail: 'network interrupted' });
    }
    this.gen = gen;
    this.seatAtBuild = this.remoteSeat;
    this.peerEpoch = peerEpoch;
    this.builtAtMs = this.clock.now();
    this.counters.peersBuilt += 1;
    this.timeline.mark('peer-built', gen);
    const isCurrent = (): boolean => this.peer === peer;
    const peer: PeerLink = new PeerLink(
      {
        initiator: this.isStation,
        iceServers: this.iceServers,
        relayOnly: this.options.relayOnly,
        streams: this.options.localStreams(),
        ...(this.options.sdpTransform === undefined ? {} : { sdpTransform: this.options.sdpTransform }),
      },
      {
        signal: (signal) => {
          if (!isCurrent()) return;
          this.markSignal(signal, true, gen);
          this.say(wrapSignal(this.epoch, gen, signal));
        },
        connect: () => {
          if (!isCurrent()) return;
          this.timeline.mark('peer-connected', gen);
          this.watch?.stop();
          this.watch = new LinkWatch(
            async () => (peer.alive ? inboundBytes(await peer.stats()) : null),
            () => isCurrent() && this.linkChanged(),
            this.timing,
            this.clock,
          );
          this.watch.start();
          this.linkChanged();
          this.events.emit('connected');
        },
        data: (bytes) => isCurrent() && this.events.emit('data', bytes),
        track: (track, stream) => isCurrent() && this.events.emit('track', track, stream),
        iceState: (state) => {
          if (!isCurrent()) return;
          this.timeline.mark(`ice-${state}`, gen);
          if (peer.wasConnected) this.linkChanged();
        },
        closed: () => {
          if (!isCurrent()) return;
          this.timeline.mark('peer-closed', gen);
          this.dropPeer();
          this.dispatch({ type: 'link-lost', detail: 'network interrupted' });
          if (this.isStation) this.recover(true);
          else this.ask();
        },
      },
    );
    this.peer = peer;
  }

  /** The peer's link went up or down (data flow, ICE state): say so, and act on it. */
  private linkChanged(): void {
    if (this.ended) return;
    const up = this.linkIsUp();
    if (up !== this.markedUp) {
      this.markedUp = up;
      this.timeline.mark(up ? 'link-up' : 'link-down', this.gen);
    }
    if (up) {
      this.timers.clear('recover');
      this.timers.clear('ask');
      this.restarted = false;
      this.dispatch({ type: 'peer-connected' });
      return;
    }
    this.dispatch({ type: 'link-interrupted', detail: 'network interrupted' });
    if (this.isStation) this.recover();
    else if (!this.timers.has('ask')) this.ask();
  }

  private markSignal(signal: Record<string, unknown>, sent: boolean, gen: number): void {
    const step = signalStep(signal, sent);
    if (step !== null) this.timeline.mark(step, gen);
  }

  private onRefused(code: SignalingErrorCode): void {
    if (code === 'seat-taken-over') this.end('taken-over');
    else if (code === 'room-closed') this.end('consultation-closed');
    else this.end('rejected', code);
  }

  /** The station was sent away from its room to a new one: the doctor there is no longer ours. */
  /** The station's backend moved it to a new room: see SignalingClient.moveRoom. */
  moveRoom(): void {
    this.signaling.moveRoom();
  }

  private onMoved(): void {
    this.timers.clearAll();
    this.dropPeer();
    this.remotePeerId = null;
    this.peerEpoch = null;
    this.dispatch({ type: 'room-changed' });
    this.events.emit('room-changed');
  }

  private dropPeer(): void {
    const peer = this.peer;
    this.peer = null;
    this.watch?.stop();
    this.watch = null;
    if (peer === null) return;
    const hadConnected = peer.wasConnected;
    peer.destroy();
    if (hadConnected) this.events.emit('disconnected');
  }
}

/** Whether a call state shows the link down (for the badge and the tests). */
export { linkDown };
