import { performance } from 'node:perf_hooks';
import { mergeWaveformRuns } from '../src/core/readings/merge-waveforms';
import { contecCms50V7 } from '../src/devices/contec-cms50-v7';
import { generateStream } from '../src/devices/testing/generate-stream';
import { isoTimeOf, type Reading, type ReadingBatch } from '../src/shared/domain/readings';
import { VitalsReceiver, VitalsSender } from '../src/shared/vitals';
import { fmt, median } from './stats';

const SESSION_START_MS = Date.UTC(2026, 10, 25, 16, 0, 0);
/** Streams start 30 min into the session, so batch times are as large as in a long consultation. */
const STREAM_START_MS = SESSION_START_MS + 30 * 60_000;
const SECONDS = 60;
const RUNS = 5;
const REPEATS = 10;
/** The sender's default coalescing window (20 ms: oximeter 5.9 kbit/s; 40 ms: 3.9; 50 ms: 3.2). */
const BATCH_WINDOW_MS = 50;

/** Bus batches as the station produces them: one per received chunk, with the chunk's time. */
interface TimedBatch {
  readonly atMs: number;
  readonly readings: Reading[];
}

/** One Contec CMS50 (SpO2 + pulse at 1 Hz, 60 Hz pleth): simulator bytes → decoder → session batching. */
function oximeterBatches(): TimedBatch[] {
  const stream = generateStream(contecCms50V7, SECONDS, {
    seed: 7,
    autoStart: true,
    startMs: STREAM_START_MS,
  });
  const decoder = contecCms50V7.createDecoder('contec-cms50-v7@/dev/ttyUSB0');
  const batches: TimedBatch[] = [];
  for (const chunk of stream.chunks) {
    const readings = decoder
      .push(chunk.bytes, chunk.atMs)
      .flatMap((e) => (e.kind === 'reading' ? [e.reading] : []));
    if (readings.length > 0) batches.push({ atMs: chunk.atMs, readings: mergeWaveformRuns(readings) });
  }
  return batches;
}

/** A plausible 3-lead ECG (72 bpm, P-QRS-T as Gaussians, baseline wander, noise), 1 µV steps, 40 ms batches. */
function ecgBatches(): TimedBatch[] {
  const rateHz = 250;
  const perBatch = 10;
  const waves = [
    { at: -0.2, width: 0.025, lead1: 0.08, lead3: 0.06 },
    { at: -0.03, width: 0.008, lead1: -0.06, lead3: -0.1 },
    { at: 0, width: 0.01, lead1: 0.9, lead3: 0.5 },
    { at: 0.03, width: 0.008, lead1: -0.15, lead3: -0.12 },
    { at: 0.25, width: 0.05, lead1: 0.25, lead3: 0.15 },
  ];
  let seed = 12345;
  const noise = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (seed / 2_147_483_648 - 0.5) * 0.012;
  };
  const µV = (mV: number): number => Math.round(mV * 1000) / 1000;
  const batches: TimedBatch[] = [];
  const beatS = 60 / 72;
  for (let first = 0; first < SECONDS * rateHz; first += perBatch) {
    const leads: number[][] = [[], [], []];
    for (let n = first; n < first + perBatch; n++) {
      const t = n / rateHz;
      const phase = ((t + beatS / 2) % beatS) - beatS / 2;
      const wander = 0.05 * Math.sin(2 * Math.PI * 0.3 * t);
      let lead1 = wander + noise();
      let lead3 = wander * 0.8 + noise();
      for (const w of waves) {
        const g = Math.exp(-((phase - w.at) ** 2) / (2 * w.width ** 2));
        lead1 += w.lead1 * g;
        lead3 += w.lead3 * g;
      }
      leads[0].push(µV(lead1));
      leads[1].push(µV(lead1 + lead3));
      leads[2].push(µV(lead3));
    }
    const startMs = STREAM_START_MS + Math.round((first * 1000) / rateHz);
    const metrics = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II', 'MDC_ECG_ELEC_POTL_III'] as const;
    const readings: Reading[] = metrics.map((metric, k) => ({
      type: 'waveform',
      device: 'openbci-cyton@/dev/ttyUSB1',
      metric,
      unit: 'mV',
      rateHz,
      start: isoTimeOf(startMs),
      samples: leads[k],
    }));
    batches.push({ atMs: startMs + (perBatch * 1000) / rateHz, readings });
  }
  return batches;
}

/** A station sender, connected, whose messages land in `messages`. */
function benchSender(messages: Uint8Array[]): VitalsSender {
  const send = (m: Uint8Array): number => messages.push(m);
  const sender = new VitalsSender({
    sessionId: 'bench',
    epochMs: SESSION_START_MS,
    send,
    batchWindowMs: BATCH_WINDOW_MS,
  });
  sender.resume(STREAM_START_MS);
  return sender;
}

export interface VitalsChannelRow {
  readonly name: string;
  readonly target: number;
  readonly kbps: number;
  readonly jsonKbps: number;
  readonly ackKbps: number;
  readonly messagesPerS: number;
  readonly encodeMBps: number;
  readonly decodeMBps: number;
  /** Numeric values and waveform samples encoded per second of CPU time. */
  readonly encodeValuesPerS: number;
}

function measure(name: string, target: number, batches: readonly TimedBatch[]): VitalsChannelRow {
  const messages: Uint8Array[] = [];
  let ackBytes = 0;
  const sender = benchSender(messages);
  const received: ReadingBatch[] = [];
  const receiver = new VitalsReceiver({
    send: (m) => ((ackBytes += m.length), sender.receive(m, 0)),
    onBatch: (b) => received.push(b),
    pingIntervalMs: 0,
  });
  for (const batch of batches) sender.push(batch.readings, batch.atMs);
  sender.flush(batches[batches.length - 1].atMs);
  for (const m of messages) receiver.receive(m, 0);
  const sent = batches.flatMap((b) => b.readings);
  if (JSON.stringify(received.flatMap((b) => b.readings)) !== JSON.stringify(sent)) {
    throw new Error(`${name}: the receiver's readings differ from the sender's`);
  }
  const wireBytes = messages.reduce((sum, m) => sum + m.length, 0);
  const jsonBytes = sent.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
  const values = sent.reduce((sum, r) => sum + (r.type === 'waveform' ? r.samples.length : 1), 0);
  const { encodeMBps, decodeMBps } = throughput(batches, wireBytes);
  const encodeSeconds = wireBytes / 1e6 / encodeMBps;
  return {
    name,
    target,
    kbps: (wireBytes * 8) / 1000 / SECONDS,
    jsonKbps: (jsonBytes * 8) / 1000 / SECONDS,
    ackKbps: (ackBytes * 8) / 1000 / SECONDS,
    messagesPerS: messages.length / SECONDS,
    encodeMBps,
    decodeMBps,
    encodeValuesPerS: values / encodeSeconds,
  };
}

/**
 * Encode (push → bytes) and decode (bytes → batches) rates in MB of wire bytes per second: each
 * run encodes the minute REPEATS times with fresh senders (and decodes it with fresh receivers),
 * so a timing spans long enough to mean something.
 */
function throughput(
  batches: readonly TimedBatch[],
  wireBytes: number,
): { encodeMBps: number; decodeMBps: number } {
  const encodeRates: number[] = [];
  const decodeRates: number[] = [];
  const lastMs = batches[batches.length - 1].atMs;
  for (let run = 0; run < RUNS; run++) {
    const encoded: Uint8Array[][] = [];
    let started = performance.now();
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const messages: Uint8Array[] = [];
      const sender = benchSender(messages);
      for (const batch of batches) sender.push(batch.readings, batch.atMs);
      sender.flush(lastMs);
      encoded.push(messages);
    }
    encodeRates.push((REPEATS * wireBytes) / 1e6 / ((performance.now() - started) / 1000));
    started = performance.now();
    for (const messages of encoded) {
      const receiver = new VitalsReceiver({
        send: () => undefined,
        onBatch: () => undefined,
        pingIntervalMs: 0,
      });
      for (const m of messages) receiver.receive(m, 0);
    }
    decodeRates.push((REPEATS * wireBytes) / 1e6 / ((performance.now() - started) / 1000));
  }
  return { encodeMBps: median(encodeRates), decodeMBps: median(decodeRates) };
}

export function benchVitalsChannel(): VitalsChannelRow[] {
  return [
    measure('oximeter (CMS50 V7, 60 Hz pleth)', 4, oximeterBatches()),
    measure('3-lead ECG 250 Hz (1 µV)', 12, ecgBatches()),
  ];
}

export function printVitalsChannel(rows: readonly VitalsChannelRow[]): void {
  console.log(
    `\nVitals data channel (${SECONDS} s, application payload station → consultant, ${BATCH_WINDOW_MS} ms batch window; JSON = one JSON.stringify per reading)`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(34)} ${fmt(r.kbps, 2).padStart(6)} kbit/s (target ≤ ${r.target})  ` +
        `JSON ${fmt(r.jsonKbps, 1)} kbit/s = ${fmt(r.jsonKbps / r.kbps, 1)}×  ` +
        `${fmt(r.messagesPerS, 1)} msg/s, acks ${fmt(r.ackKbps, 2)} kbit/s back`,
    );
    console.log(
      `  ${''.padEnd(34)} encode ${fmt(r.encodeMBps, 1)} MB/s, decode ${fmt(r.decodeMBps, 1)} MB/s of wire bytes ` +
        `(${fmt(r.encodeValuesPerS / 1e6, 2)} M values/s encoded; median of ${RUNS} runs × ${REPEATS} × ${SECONDS} s)`,
    );
  }
}
