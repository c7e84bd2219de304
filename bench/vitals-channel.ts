import { performance } from 'node:perf_hooks';
import { mergeWaveformRuns } from '../src/core/readings/merge-waveforms';
import { contecCms50V7 } from '../src/devices/contec-cms50-v7';
import { openBciCyton } from '../src/devices/openbci-cyton';
import { generateStream } from '../src/devices/testing/generate-stream';
import { isoTimeOf, type Reading, type ReadingBatch } from '../src/shared/domain/readings';
import { encodeMessage, VITALS_BATCHING, VitalsReceiver, VitalsSender } from '../src/shared/vitals';
import { fmt, median } from './stats';

const SESSION_START_MS = Date.UTC(2026, 10, 25, 16, 0, 0);
/** Streams start 30 min into the session, so batch times are as large as in a long consultation. */
const STREAM_START_MS = SESSION_START_MS + 30 * 60_000;
const SECONDS = 60;
const RUNS = 5;
const REPEATS = 10;
/** The shipped window (src/shared/vitals/batching.ts), and the others it was chosen among. */
const BATCH_WINDOW_MS = VITALS_BATCHING.batchWindowMs;
const WINDOWS_COMPARED = [0, 20, 50, 100, 200];
/**
 * Bytes each message costs below the payload on the wire: SCTP common header 12 + DATA chunk 16
 * (+ up to 3 padding), DTLS 1.2 record with AES-GCM 29, UDP 8, IPv4 20; TURN ChannelData adds 4.
 * Chrome sends each small message in its own packet when nothing else is queued.
 */
const WIRE_OVERHEAD_BYTES = 12 + 16 + 2 + 29 + 8 + 20;

/** Bus batches as the station produces them: one per received chunk, with the chunk's time. */
interface TimedBatch {
  readonly atMs: number;
  readonly readings: Reading[];
}

/** One Contec CMS50 (SpO2 + pulse at 1 Hz, 60 Hz pleth): simulator bytes → decoder → session batching. */
export function oximeterBatches(): TimedBatch[] {
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

/**
 * The 3-lead ECG the bench call measures: the OpenBCI Cyton's simulator (leads I, II, III at
 * 250 Hz) → its real driver (mV in 0.1 µV steps, one reading per lead per received chunk).
 */
export function cytonBatches(): TimedBatch[] {
  const stream = generateStream(openBciCyton, SECONDS, {
    seed: 7,
    autoStart: true,
    startMs: STREAM_START_MS,
  });
  const decoder = openBciCyton.createDecoder('openbci-cyton@/dev/ttyUSB1');
  const batches: TimedBatch[] = [];
  for (const chunk of stream.chunks) {
    const readings = decoder
      .push(chunk.bytes, chunk.atMs)
      .flatMap((e) => (e.kind === 'reading' ? [e.reading] : []));
    if (readings.length > 0) batches.push({ atMs: chunk.atMs, readings });
  }
  return batches;
}

/** A plausible 3-lead ECG (72 bpm, P-QRS-T as Gaussians, baseline wander, noise), 1 µV steps, 40 ms batches. */
export function ecgBatches(): TimedBatch[] {
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

/** A message the sender sent, and on which channel (the latest-value one frames it with a session tag). */
interface SentMessage {
  readonly bytes: Uint8Array;
  readonly live: boolean;
}

/**
 * A station sender as shipped (window, latest-value channel, backfill), connected, whose messages
 * — on both channels, in the order sent — land in `messages`.
 */
function benchSender(messages: SentMessage[], windowMs: number = BATCH_WINDOW_MS, live = true): VitalsSender {
  const send = (bytes: Uint8Array): number => messages.push({ bytes, live: false });
  const sender = new VitalsSender({
    sessionId: 'bench',
    epochMs: SESSION_START_MS,
    send,
    // The encode timing measures encoding: no latest-value copy, so nothing waits for an ack.
    ...(live ? { sendLive: (bytes: Uint8Array) => (messages.push({ bytes, live: true }), true) } : {}),
    batchWindowMs: windowMs,
    backfillAfterMs: VITALS_BATCHING.backfillAfterMs,
    liveResendAfterMs: VITALS_BATCHING.liveResendAfterMs,
  });
  sender.resume(STREAM_START_MS);
  return sender;
}

export interface VitalsChannelRow {
  readonly name: string;
  readonly target: number;
  readonly kbps: number;
  /** Payload plus each message's headers on the wire (WIRE_OVERHEAD_BYTES): what a thin link carries. */
  readonly wireKbps: number;
  /** Batches sent again, live or reliably (0 on a clean link: every live copy was acknowledged in time). */
  readonly backfilled: number;
  readonly jsonKbps: number;
  readonly ackKbps: number;
  readonly messagesPerS: number;
  readonly encodeMBps: number;
  readonly decodeMBps: number;
  /** Numeric values and waveform samples encoded per second of CPU time. */
  readonly encodeValuesPerS: number;
}

function measure(
  name: string,
  target: number,
  batches: readonly TimedBatch[],
  windowMs: number = BATCH_WINDOW_MS,
): VitalsChannelRow {
  const messages: SentMessage[] = [];
  let ackBytes = 0;
  const sender = benchSender(messages, windowMs);
  const received: ReadingBatch[] = [];
  let now = 0;
  // Acks come straight back (a clean link), on the latest-value channel as the doctor's page sends
  // them: what is measured is the stream, not a loss recovery.
  const receiver = new VitalsReceiver({
    send: (m) => ((ackBytes += m.length), sender.receive(m, now)),
    sendLive: (m) => ((ackBytes += m.length), sender.receiveLive(m, now), true),
    onBatch: (b) => received.push(b),
    pingIntervalMs: 0,
  });
  let delivered = 0;
  const deliver = (nowMs: number): void => {
    now = nowMs;
    for (; delivered < messages.length; delivered++) {
      const { bytes, live } = messages[delivered];
      if (live) receiver.receiveLive(bytes, nowMs);
      else receiver.receive(bytes, nowMs);
    }
    receiver.tick(nowMs);
  };
  for (const batch of batches) {
    sender.push(batch.readings, batch.atMs);
    deliver(batch.atMs);
  }
  const lastMs = batches[batches.length - 1].atMs;
  sender.flush(lastMs);
  deliver(lastMs);
  // The receiver's last ack waits its interval (250 ms), then the sender hears it.
  deliver(lastMs + 300);
  sender.tick(lastMs + 300);
  const sent = batches.flatMap((b) => b.readings);
  if (JSON.stringify(received.flatMap((b) => b.readings)) !== JSON.stringify(sent)) {
    throw new Error(`${name}: the receiver's readings differ from the sender's`);
  }
  const wireBytes = messages.reduce((sum, m) => sum + m.bytes.length, 0);
  const jsonBytes = sent.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
  const values = sent.reduce((sum, r) => sum + (r.type === 'waveform' ? r.samples.length : 1), 0);
  const { encodeMBps, decodeMBps } = throughput(batches, wireBytes);
  const encodeSeconds = wireBytes / 1e6 / encodeMBps;
  return {
    name,
    target,
    kbps: (wireBytes * 8) / 1000 / SECONDS,
    wireKbps: ((wireBytes + messages.length * WIRE_OVERHEAD_BYTES) * 8) / 1000 / SECONDS,
    backfilled: sender.stats.backfilled + sender.stats.liveResent,
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
    const encoded: SentMessage[][] = [];
    let started = performance.now();
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const messages: SentMessage[] = [];
      const sender = benchSender(messages, BATCH_WINDOW_MS, false);
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
      for (const m of messages) receiver.receive(m.bytes, 0);
    }
    decodeRates.push((REPEATS * wireBytes) / 1e6 / ((performance.now() - started) / 1000));
  }
  return { encodeMBps: median(encodeRates), decodeMBps: median(decodeRates) };
}

export interface VitalsChannelResult {
  readonly shipped: VitalsChannelRow[];
  /** The same streams at other windows: bytes against the latency a window adds (≤ window, window/2 on average). */
  readonly windows: {
    readonly windowMs: number;
    readonly oximeter: VitalsChannelRow;
    readonly ecg: VitalsChannelRow;
  }[];
}

export function benchVitalsChannel(): VitalsChannelResult {
  const oximeter = oximeterBatches();
  const ecg = ecgBatches();
  return {
    shipped: [
      measure('oximeter (CMS50 V7, 60 Hz pleth)', 4, oximeter),
      measure('3-lead ECG 250 Hz (1 µV)', 12, ecg),
      measure('3-lead ECG, Cyton driver (0.1 µV)', 12, cytonBatches()),
    ],
    windows: WINDOWS_COMPARED.map((windowMs) => ({
      windowMs,
      oximeter: measureBytes('oximeter', 4, oximeter, windowMs),
      ecg: measureBytes('ecg', 12, ecg, windowMs),
    })),
  };
}

/** Bytes only (the throughput runs are for the shipped window). */
export function measureBytes(name: string, target: number, batches: readonly TimedBatch[], windowMs: number) {
  const messages: SentMessage[] = [];
  const sender = benchSender(messages, windowMs);
  for (const batch of batches) {
    sender.push(batch.readings, batch.atMs);
    sender.receive(ackAll(sender), batch.atMs);
  }
  sender.flush(batches[batches.length - 1].atMs);
  const wireBytes = messages.reduce((sum, m) => sum + m.bytes.length, 0);
  return {
    name,
    target,
    kbps: (wireBytes * 8) / 1000 / SECONDS,
    wireKbps: ((wireBytes + messages.length * WIRE_OVERHEAD_BYTES) * 8) / 1000 / SECONDS,
    backfilled: sender.stats.backfilled + sender.stats.liveResent,
    jsonKbps: 0,
    ackKbps: 0,
    messagesPerS: messages.length / SECONDS,
    encodeMBps: 0,
    decodeMBps: 0,
    encodeValuesPerS: 0,
  } satisfies VitalsChannelRow;
}

/** A cumulative ack of everything the sender has numbered so far. */
function ackAll(sender: VitalsSender): Uint8Array {
  return encodeMessage({ kind: 'ack', nextSeq: sender.stats.batches, ranges: [] });
}

export function printVitalsChannel(result: VitalsChannelResult): void {
  console.log(
    `\nVitals data channel (${SECONDS} s, application payload station → consultant, shipped configuration: ${BATCH_WINDOW_MS} ms batch window, latest-value channel + backfill after ${VITALS_BATCHING.backfillAfterMs} ms; JSON = one JSON.stringify per reading)`,
  );
  for (const r of result.shipped) {
    console.log(
      `  ${r.name.padEnd(34)} ${fmt(r.kbps, 2).padStart(6)} kbit/s (target ≤ ${r.target}), ${fmt(r.wireKbps, 1)} on the wire, ${r.backfilled} backfilled  ` +
        `JSON ${fmt(r.jsonKbps, 1)} kbit/s = ${fmt(r.jsonKbps / r.kbps, 1)}×  ` +
        `${fmt(r.messagesPerS, 1)} msg/s, acks ${fmt(r.ackKbps, 2)} kbit/s back`,
    );
    console.log(
      `  ${''.padEnd(34)} encode ${fmt(r.encodeMBps, 1)} MB/s, decode ${fmt(r.decodeMBps, 1)} MB/s of wire bytes ` +
        `(${fmt(r.encodeValuesPerS / 1e6, 2)} M values/s encoded; median of ${RUNS} runs × ${REPEATS} × ${SECONDS} s)`,
    );
  }
}

export function printVitalsWindows(result: VitalsChannelResult): void {
  console.log(
    `\nBatch window: payload / on the wire (+${WIRE_OVERHEAD_BYTES} B a message) kbit/s, and the latency it adds (shipped: ${BATCH_WINDOW_MS} ms)`,
  );
  for (const { windowMs, oximeter, ecg } of result.windows) {
    console.log(
      `  ${String(windowMs).padStart(4)} ms window (adds ≤ ${windowMs} ms, ~${windowMs / 2} on average)  ` +
        `oximeter ${fmt(oximeter.kbps, 2)} / ${fmt(oximeter.wireKbps, 1)} (${fmt(oximeter.messagesPerS, 0)} msg/s)  ` +
        `ECG ${fmt(ecg.kbps, 2)} / ${fmt(ecg.wireKbps, 1)} (${fmt(ecg.messagesPerS, 0)} msg/s)`,
    );
  }
}
