import type { Reading, ReadingBatch } from '../../../shared/domain/readings';
import { VitalsReceiver, VitalsSender } from '../../../shared/vitals';
import type { BackendClient } from '../../backend-client/backend-client';
import { frameVitals, unframe } from './channel-mux';
import type { CallSession } from './call-session';

/**
 * Readings beside the video, over the shared vitals channel (src/shared/vitals: binary batches,
 * acks, replay, clock sync). Station: every batch the backend pushes goes to the consultant, and
 * whatever was not acknowledged when a link failed is replayed on the next one. Consultant: batches
 * arrive exactly once, in order, shifted onto the consultant's clock, into its stores.
 */

/** Acks, pings and the sender's buffer bounds run on this timer (the vitals classes have none). */
const TICK_MS = 100;

function vitalsPayloads(call: CallSession, handle: (bytes: Uint8Array) => void): () => void {
  return call.events.on('data', (bytes) => {
    const message = unframe(bytes);
    // A copy: the codec reads with a DataView from offset 0 of its own buffer.
    if (message?.channel === 'vitals') handle(message.payload.slice());
  });
}

export function linkStationVitals(call: CallSession, client: BackendClient): () => void {
  const sender = new VitalsSender({
    sessionId: `station-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    epochMs: Date.now(),
    send: (bytes) => void call.send(frameVitals(bytes)),
    // The backend already batches per device frame; waiting longer here would only add latency.
    batchWindowMs: 0,
  });
  const timer = setInterval(() => sender.tick(Date.now()), TICK_MS);
  const unsubscribes = [
    client.on('readings', (batch) => sender.push(batch.readings, Date.now())),
    call.events.on('connected', () => sender.resume(Date.now())),
    call.events.on('disconnected', () => sender.disconnect()),
    vitalsPayloads(call, (bytes) => {
      const result = sender.receive(bytes, Date.now());
      if (!result.ok) console.warn(`vitals channel: ${result.error.message}`);
    }),
  ];
  return () => {
    clearInterval(timer);
    unsubscribes.forEach((unsubscribe) => unsubscribe());
  };
}

export interface VitalsSink {
  ingest(readings: readonly Reading[]): void;
}

/** What the consultant received, for the e2e tests and the latency bench. */
export interface VitalsArrival {
  readonly seq: number;
  readonly count: number;
  /** Waveform samples in this batch (the latency bench stamps one device frame per sample). */
  readonly waveformSamples: number;
  /** Arrival time, high-resolution epoch ms. */
  readonly receivedAt: number;
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
  const receiver: VitalsReceiver = new VitalsReceiver({
    send: (bytes) => void call.send(frameVitals(bytes)),
    onBatch: (batch: ReadingBatch) => {
      const local = batch.readings.map((reading) => toLocalClock(reading, receiver));
      for (const sink of sinks) sink.ingest(local);
      observe?.({
        seq: batch.seq,
        count: batch.readings.length,
        waveformSamples: batch.readings.reduce(
          (n, r) => n + (r.type === 'waveform' ? r.samples.length : 0),
          0,
        ),
        receivedAt: performance.timeOrigin + performance.now(),
      });
    },
  });
  const timer = setInterval(() => receiver.tick(Date.now()), TICK_MS);
  const unsubscribe = vitalsPayloads(call, (bytes) => {
    const result = receiver.receive(bytes, Date.now());
    if (!result.ok) console.warn(`vitals channel: ${result.error.message}`);
  });
  return {
    receiver,
    dispose() {
      clearInterval(timer);
      unsubscribe();
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
