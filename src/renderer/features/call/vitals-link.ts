import type { Reading, ReadingBatch } from '../../../shared/domain/readings';
import {
  VITALS_BATCHING,
  VitalsReceiver,
  VitalsSender,
  type VitalsSenderStats,
} from '../../../shared/vitals';
import type { BackendClient } from '../../backend-client/backend-client';
import { frameVitals, unframe } from './channel-mux';
import type { CallSession } from './call-session';
import { LateFilter } from './late-filter';
import { openLiveChannel, type LiveChannel } from './live-channel';
import { forgetVitalsSession, keepVitalsSession, takeVitalsSession } from './station-vitals-memory';

/**
 * Readings beside the video, over the shared vitals channel (src/shared/vitals: binary batches,
 * acks, replay, clock sync). Station: every batch goes first on the latest-value channel, and on
 * the reliable one if no ack covers it in time; whatever was not acknowledged when a link failed
 * is replayed on the next one. Consultant: the screen shows each batch when it first arrives on
 * either channel; the record path gets every batch exactly once, in order; both shifted onto the
 * consultant's clock.
 */

/** Acks, pings and the sender's buffer bounds run on this timer (the vitals classes have none). */
const TICK_MS = 100;
/**
 * Unacknowledged batches the station replays per tick after a (re)connection: 1,000 a second at
 * most. A 150 s cut leaves ~1,500; sent in one go they held the loaded station page's main thread
 * for seconds right when the link came back (its banner said "connected" ~2.7 s after the link was
 * up, and it missed a signaling heartbeat). The live view does not wait for the replay: new
 * batches go on the latest-value channel as usual.
 */
const REPLAY_BATCHES_PER_TICK = 100;

function vitalsPayloads(call: CallSession, handle: (bytes: Uint8Array) => void): () => void {
  return call.events.on('data', (bytes) => {
    const message = unframe(bytes);
    // A copy: the codec reads with a DataView from offset 0 of its own buffer.
    if (message?.channel === 'vitals') handle(message.payload.slice());
  });
}

/** The latest-value channel of the current connection, reopened on every new one. */
function liveChannelOf(call: CallSession, onMessage: (bytes: Uint8Array) => void) {
  let live: LiveChannel | null = null;
  const close = (): void => {
    live?.close();
    live = null;
  };
  return {
    send: (bytes: Uint8Array): boolean => live?.send(bytes) ?? false,
    open(): void {
      close();
      const connection = call.connection;
      if (connection !== null) live = openLiveChannel(connection, onMessage);
    },
    close,
  };
}

/**
 * A reloaded station page carries on the vitals session of its consultation (same session id and
 * numbering, the unacknowledged batches replayed), so the doctor's record has every batch once
 * across the reload; the session is kept when the page goes (`pagehide`) and forgotten at the end.
 */
export interface StationVitals {
  /** The sender's counters (batches, bytes, live re-sends, backfills…), for the benches and diagnostics. */
  stats(): VitalsSenderStats;
  dispose(): void;
}

export function linkStationVitals(
  call: CallSession,
  client: BackendClient,
  consultationId: string,
  storage: Storage = sessionStorage,
): StationVitals {
  const live = liveChannelOf(call, (bytes) => void sender.receiveLive(bytes, Date.now()));
  const carried = takeVitalsSession(storage, consultationId);
  const sender: VitalsSender = new VitalsSender({
    sessionId:
      carried?.sessionId ?? `station-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    epochMs: carried?.epochMs ?? Date.now(),
    ...(carried === null ? {} : { carryOn: carried }),
    send: (bytes) => void call.send(frameVitals(bytes)),
    sendLive: live.send,
    // One configuration for the station and the bench (src/shared/vitals/batching.ts).
    batchWindowMs: VITALS_BATCHING.batchWindowMs,
    backfillAfterMs: VITALS_BATCHING.backfillAfterMs,
    liveResendAfterMs: VITALS_BATCHING.liveResendAfterMs,
    replayPerStep: REPLAY_BATCHES_PER_TICK,
  });
  // The replay's end goes on the call's recovery timeline: the network lab times it after a cut.
  let replaying = false;
  const markReplayed = (): void => {
    if (replaying && !sender.replaying) call.timeline.mark('vitals-replayed');
    replaying = sender.replaying;
  };
  const timer = setInterval(() => {
    sender.tick(Date.now());
    markReplayed();
  }, TICK_MS);
  const keep = (): void => keepVitalsSession(storage, consultationId, sender.snapshot(Date.now()));
  window.addEventListener('pagehide', keep);
  const unsubscribes = [
    () => window.removeEventListener('pagehide', keep),
    client.on('readings', (batch) => sender.push(batch.readings, Date.now())),
    call.events.on('connected', () => {
      live.open();
      sender.resume(Date.now());
      replaying = true;
      markReplayed();
    }),
    call.events.on('disconnected', () => {
      live.close();
      sender.disconnect();
    }),
    vitalsPayloads(call, (bytes) => {
      const result = sender.receive(bytes, Date.now());
      if (!result.ok) console.warn(`vitals channel: ${result.error.message}`);
    }),
  ];
  return {
    stats: () => sender.stats,
    dispose() {
      clearInterval(timer);
      live.close();
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      forgetVitalsSession(storage); // the call is over: no page carries it on
    },
  };
}

export interface VitalsSink {
  ingest(readings: readonly Reading[]): void;
  /**
   * Takes every batch as it first arrives, late waveforms included, with the station's own times
   * (not shifted onto this page's clock): a history that places each sample by its sample clock
   * (the ECG viewer's) fills a hole when the backfill brings it, and must not see the clock
   * estimate's small steps as gaps or overlaps.
   */
  readonly unfiltered?: boolean;
}

/** What the consultant received, for the e2e tests and the latency bench. */
export interface VitalsArrival {
  readonly seq: number;
  readonly count: number;
  /** Waveform samples in this batch (the latency bench stamps one device frame per sample). */
  readonly waveformSamples: number;
  /** When the record path delivered it (in order, after any gap was filled), high-resolution epoch ms. */
  readonly receivedAt: number;
  /** When it first arrived on either channel and went to the screen (≤ receivedAt). */
  readonly shownAt: number;
  /** It first came with the reliable backfill, after a later batch: the screen had moved on. */
  readonly late: boolean;
  /** The newest reading's time in the batch, on the station's clock (epoch ms). */
  readonly newestReadingAt: number;
  /**
   * How old that reading was when it reached the screen, and the record, by this page's wall
   * clock: the network tests run both sides on one machine, so these are the vitals' latencies
   * (between two machines they include the clocks' difference).
   */
  readonly shownAgeMs: number;
  readonly recordAgeMs: number;
}

export interface ConsultantVitals {
  readonly receiver: VitalsReceiver;
  dispose(): void;
}

export function linkConsultantVitals(
  call: CallSession,
  sinks: readonly VitalsSink[],
  observe?: (arrival: VitalsArrival) => void,
): ConsultantVitals {
  const live = liveChannelOf(call, (bytes) => receiver.receiveLive(bytes, Date.now()));
  const shown = new Map<number, { at: number; wall: number; late: boolean }>();
  const screen = new LateFilter();
  const epochNow = (): number => performance.timeOrigin + performance.now();
  const receiver: VitalsReceiver = new VitalsReceiver({
    send: (bytes) => void call.send(frameVitals(bytes)),
    sendLive: live.send,
    // A congested link can hold the reliable channel back for a minute while live batches keep
    // coming: hold that many for the record (4 MiB still bounds them).
    maxPendingBatches: 8192,
    onArrival: (batch, late) => {
      const local = screen.forScreen(
        batch.readings.map((reading) => toLocalClock(reading, receiver)),
        late,
      );
      for (const sink of sinks) sink.ingest(sink.unfiltered === true ? batch.readings : local);
      if (observe !== undefined) shown.set(batch.seq, { at: epochNow(), wall: Date.now(), late });
    },
    onBatch: (batch: ReadingBatch) => {
      if (observe === undefined) return;
      const first = shown.get(batch.seq);
      shown.delete(batch.seq);
      const receivedAt = epochNow();
      const wall = Date.now();
      const newest = Math.max(
        ...batch.readings.map((r) => Date.parse(r.type === 'waveform' ? r.start : r.time)),
      );
      observe({
        seq: batch.seq,
        count: batch.readings.length,
        waveformSamples: batch.readings.reduce(
          (n, r) => n + (r.type === 'waveform' ? r.samples.length : 0),
          0,
        ),
        receivedAt,
        shownAt: first?.at ?? receivedAt,
        late: first?.late ?? false,
        newestReadingAt: newest,
        shownAgeMs: (first?.wall ?? wall) - newest,
        recordAgeMs: wall - newest,
      });
    },
  });
  const timer = setInterval(() => receiver.tick(Date.now()), TICK_MS);
  const unsubscribes = [
    call.events.on('connected', () => live.open()),
    call.events.on('disconnected', () => live.close()),
    vitalsPayloads(call, (bytes) => {
      const result = receiver.receive(bytes, Date.now());
      if (!result.ok) console.warn(`vitals channel: ${result.error.message}`);
    }),
  ];
  return {
    receiver,
    dispose() {
      clearInterval(timer);
      live.close();
      unsubscribes.forEach((unsubscribe) => unsubscribe());
    },
  };
}

/** Station times onto the consultant's clock, so ages and "stale" mean the same on both screens. */
function toLocalClock(reading: Reading, receiver: VitalsReceiver): Reading {
  const shift = (iso: string): string =>
    new Date(receiver.clock.stationToLocal(Date.parse(iso))).toISOString();
  if (!receiver.clock.synced) return reading;
  return reading.type === 'waveform'
    ? { ...reading, start: shift(reading.start) }
    : { ...reading, time: shift(reading.time) };
}
